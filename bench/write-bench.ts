// Times the researcher's writes on a copy of the synthetic corpus (data/bench.db is not touched):
//   npm run bench:generate && npm run bench:writes -- [--db data/bench.db] [--runs 50]
// Each write is one transaction that also refreshes the claim's summary and the corpus counts.
import { copyFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/database/create-client";
import { updateClaim } from "../lib/claims/write-claim";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";

const { values } = parseArgs({ options: { db: { type: "string", default: "data/bench.db" }, runs: { type: "string", default: "50" } } });
const root = resolve(import.meta.dirname, "..");
const copy = resolve(root, "data/bench-writes.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
copyFileSync(resolve(root, values.db!), copy);
const runs = Number(values.runs);

const db = createDb(`file:${copy}`);
const user = { id: "bench-writer", name: "Bench writer", email: "bench@example.com", role: "RESEARCHER" as const };
await db.user.create({ data: user });
const counts = await db.corpusCounts.findUniqueOrThrow({ where: { id: 1 } });
const claims = await db.claim.findMany({ where: { sourceCount: { gt: 10 } }, take: runs, select: { id: true, text: true, version: true, topicId: true } });
const sources = await db.source.findMany({ take: runs, skip: 1_000, select: { id: true, text: true } });
const outlet = await db.outlet.findFirstOrThrow({ select: { id: true } });

async function time(label: string, write: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await write(i);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1);
  console.log(`| ${label} | ${runs} | ${at(0.5)} | ${at(0.95)} | ${ms.at(-1)!.toFixed(1)} |`);
}

console.log(`Corpus: ${counts.claims} claims, ${counts.sources} sources, ${counts.stances} stances (a copy in ${copy}).`);
console.log("| write | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|");
await time("add a source (paste)", (i) =>
  createSource(db, user, { title: `Bench source ${i}`, outlet: { id: outlet.id }, kind: "NEWS_REPORT", language: "en", text: `Bench article ${i}. `.repeat(200) }),
);
await time("link a passage to a claim", (i) =>
  createStance(db, user, { sourceId: sources[i]!.id, quote: sources[i]!.text.slice(0, 40), start: 0, end: 40, claim: { id: claims[i]!.id }, position: "DISPUTES", mode: "AS_FACT", speaker: null }),
);
await time("edit a claim's wording", (i) => updateClaim(db, user, { id: claims[i]!.id, version: claims[i]!.version, text: `${claims[i]!.text} (edited)`, topic: claims[i]!.topicId }));
await db.$disconnect();
for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
