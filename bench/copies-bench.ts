// Times the detection of one new source's copies (decision 0023) at benchmark size, next to its
// floor, in one run:
//   npm run bench:generate && npm run bench:copies -- [--db data/bench.db] [--runs 30]
// On a copy of the benchmark database (50,000 sources with their band keys, as the generator
// writes them), one 5,000-word source is added through the source writer. Then, each run:
// 1. the floor: the new text's shingles and MinHash signature alone (CPU, no database);
// 2. detection (findCopies): that, the 48 band-key lookups, the candidates read and measured;
// for a lightly edited copy of the stored 5,000-word source (found) and for an unrelated
// 5,000-word text (nothing found). Prints p50 / p95 / max in milliseconds.
import { copyFileSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/database/create-client";
import { findCopies } from "../lib/families/find-copies";
import { bandKeys, shingles, signature } from "../lib/families/minhash";
import { createSource } from "../lib/sources/write-source";

const { values } = parseArgs({ options: { db: { type: "string", default: "data/bench.db" }, runs: { type: "string", default: "30" } } });
const root = resolve(import.meta.dirname, "..");
const work = resolve(root, "data/copies-bench.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(work + suffix, { force: true });
copyFileSync(resolve(root, values.db!), work);
const db = createDb(`file:${work}`);

// A 5,000-word article: the five seed articles, then synthetic sentences of the benchmark's own.
const seeds = readdirSync(resolve(root, "seeds/articles"))
  .sort()
  .map((file) => readFileSync(resolve(root, "seeds/articles", file), "utf8"))
  .join("\n\n");
const filler = (await db.source.findMany({ take: 40, orderBy: { id: "asc" }, select: { text: true } })).map((s) => s.text).join(" ");
const words = `${seeds} ${filler}`.split(/\s+/);
if (words.length < 5_000) throw new Error(`Only ${words.length} words to build the article from.`);
const original = words.slice(0, 5_000).join(" ");
/** Lightly edited: a line added before and after, one word in fifty changed. */
const copy = `Republished with permission.\n\n${words
  .slice(0, 5_000)
  .map((w, i) => (i % 50 === 25 ? "edited" : w))
  .join(" ")}\n\nShare this article.`;
const other = (await db.source.findMany({ skip: 1_000, take: 40, orderBy: { id: "asc" }, select: { text: true } }))
  .map((s) => s.text)
  .join(" ")
  .split(/\s+/)
  .reverse()
  .slice(0, 5_000)
  .join(" ");

const admin = { id: "bench-admin", name: "Bench", email: "bench@example.com", role: "ADMIN" as const };
await db.user.create({ data: admin });
const stored = await createSource(db, admin, {
  title: "A 5,000-word article",
  outlet: { new: { name: "Bench Wire", kind: "NEWS_WEBSITE" } },
  kind: "NEWS_REPORT",
  language: "en",
  text: original,
});
const sources = await db.source.count();

const runs = Number(values.runs);
async function timed(label: string, run: () => unknown | Promise<unknown>) {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`| ${label} | ${at(0.5)} | ${at(0.95)} | ${times.at(-1)!.toFixed(1)} |`);
  return result;
}

console.log(`${sources.toLocaleString("en")} sources with their band keys; ${runs} runs each; ms.`);
console.log("| run | p50 | p95 | max |\n|---|---|---|---|");
await timed("floor: the copy's shingles and signature alone", () => bandKeys(signature(shingles(copy))));
const found = (await timed("detecting the copies of a lightly edited copy (5,000 words)", () => findCopies(db, copy))) as Awaited<
  ReturnType<typeof findCopies>
>;
const none = (await timed("detecting the copies of an unrelated 5,000-word text", () => findCopies(db, other))) as Awaited<ReturnType<typeof findCopies>>;
const hit = found.find((f) => f.id === stored.id);
console.log(
  `The edited copy: ${found.length} candidate(s), the stored article ${hit ? `found, ${Math.round(hit.overlapA * 100)}% of the copy in it, copies: ${hit.copies}` : "NOT found"}; the unrelated text: ${none.length} candidate(s), ${none.filter((n) => n.copies).length} copies.`,
);
await db.$disconnect();
for (const suffix of ["", "-wal", "-shm"]) rmSync(work + suffix, { force: true });
