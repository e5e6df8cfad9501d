// Generates a large synthetic corpus into its own SQLite file, for benchmarks.
//   npm run bench:generate -- [--claims 10000] [--sources 50000] [--stances 500000] [--out data/bench.db]
// The schema comes from the real migrations; rows go in through one better-sqlite3
// transaction (Prisma row by row would take many minutes at this size). Every quote is
// a sentence of its source's text at its true offsets, and every claim's stored summary
// is computed by the same lib/conflict.ts functions the app uses.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { rankKey, summarizeClaim, type Position } from "../lib/analysis/conflict";
import { searchableText } from "../lib/claims/search-text";
import { contentHash } from "../lib/sources/source-text";
import { bandKeys, shingles, signature } from "../lib/families/minhash";
import { anchorAt } from "../lib/sources/anchor-quote";
import { byPublicationThenOffset, storedAnalysisOf, type AnalysedStance } from "../lib/analysis/claim-analysis";
import { stanceFact } from "../lib/analysis/stance-facts";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "10000" },
    sources: { type: "string", default: "50000" },
    stances: { type: "string", default: "500000" },
    out: { type: "string", default: "data/bench.db" },
  },
});
const sizes = { claims: Number(values.claims), sources: Number(values.sources), stances: Number(values.stances) };
for (const [name, n] of Object.entries(sizes)) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got ${values[name as keyof typeof values]}`);
}
const root = resolve(import.meta.dirname, "..");
const out = resolve(root, values.out!);

// Deterministic pseudo-random numbers (mulberry32), so two runs give the same corpus.
let seed = 20241204;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const pad = (n: number) => String(n).padStart(7, "0");

const WHO = ["officials", "the ministry", "analysts", "a spokesperson", "witnesses", "the agency", "diplomats", "the army"];
const VERB = ["reported", "denied", "confirmed", "estimated", "suggested", "disputed", "announced", "doubted"];
const WHAT = ["troop numbers", "the treaty terms", "supply routes", "the ceasefire", "sanctions", "the deployment", "arms sales", "the summit"];

console.time("generate");
mkdirSync(dirname(out), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(out + suffix, { force: true });
execFileSync(resolve(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: `file:${out}` },
  stdio: "ignore",
});

const db = new Database(out);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = OFF");
const now = new Date().toISOString().replace("Z", "+00:00");
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const insert = (table: string, columns: string[]) =>
  db.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}, "createdAt", "updatedAt") VALUES (${columns.map(() => "?").join(",")}, '${now}', '${now}')`,
  );

const OUTLET_KINDS = ["PUBLIC_BROADCASTER", "STATE_NEWS_AGENCY", "NEWSPAPER", "NEWS_WEBSITE", "MAGAZINE", "THINK_TANK", "BLOG"];
const SOURCE_KINDS = ["NEWS_REPORT", "ANALYSIS", "OPINION", "PRESS_RELEASE", "BLOG_POST"];
const MODES = ["AS_FACT", "REPORTED_ALLEGATION", "SPECULATION", "QUOTED_DENIAL", "ASSESSMENT"];
const topics = 20,
  outlets = 200,
  actors = 2000;

type Sentence = { start: number; end: number };
const sources: { id: string; text: string; sentences: Sentence[]; publishedAt: Date }[] = [];

db.transaction(() => {
  const topic = insert("Topic", ["id", "slug", "name"]);
  for (let i = 0; i < topics; i++) topic.run(`topic${i}`, `topic-${i}`, `Synthetic topic ${i}`);
  const outlet = insert("Outlet", ["id", "slug", "name", "kind"]);
  for (let i = 0; i < outlets; i++) outlet.run(`outlet${i}`, `outlet-${i}`, `Outlet ${i}`, OUTLET_KINDS[i % OUTLET_KINDS.length]);
  const actor = insert("Actor", ["id", "slug", "name", "kind"]);
  for (let i = 0; i < actors; i++) actor.run(`actor${i}`, `actor-${i}`, `Speaker ${i}`, "PERSON");

  const source = insert("Source", ["id", "title", "outletId", "publishedAt", "datePrecision", "kind", "language", "text", "contentHash"]);
  const band = db.prepare(`INSERT INTO "SourceBand" ("band", "key", "sourceId") VALUES (?, ?, ?)`);
  for (let i = 0; i < sizes.sources; i++) {
    let text = `Synthetic source ${i}\n`;
    const sentences: Sentence[] = [];
    for (let s = 0; s < 10; s++) {
      const sentence = `On day ${1 + Math.floor(random() * 900)}, ${pick(WHO)} ${pick(VERB)} ${pick(WHAT)} near point ${Math.floor(random() * 1e6)} (source ${i}, line ${s}).`;
      sentences.push({ start: text.length, end: text.length + sentence.length });
      text += `${sentence} `;
    }
    const publishedAt = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1800) * 86_400_000);
    sources.push({ id: `src${pad(i)}`, text, sentences, publishedAt });
    source.run(`src${pad(i)}`, `Synthetic source ${i}`, `outlet${i % outlets}`, iso(publishedAt), "DAY", pick(SOURCE_KINDS), "en", text, contentHash(text));
    // Its band keys, as the source writer stores them (lib/families, decision 0023): copies are looked for among them.
    bandKeys(signature(shingles(text))).forEach((key, b) => band.run(b, key, `src${pad(i)}`));
  }

  // Claim profiles give every status: a claim with one stance is single-source, one with
  // only qualifications unsupported, and the rest share out the remaining stances.
  const claim = insert("Claim", [
    "id",
    "slug",
    "text",
    "searchText",
    "topicId",
    "status",
    "supportsCount",
    "disputesCount",
    "qualifiesCount",
    "sourceCount",
    "stanceCount",
    "conflictScore",
    "firstSeenAt",
    "rankKey",
    "supportWeight",
    "disputeWeight",
    "conflictWeight",
    "originCount",
    "lastEvidenceAt",
    "analysis",
  ]);
  const stance = insert("Stance", ["id", "claimId", "sourceId", "speakerId", "position", "mode", "quote", "start", "end", "prefix", "suffix"]);
  const small = Math.floor(sizes.claims * 0.2);
  const smallStances = Math.ceil(small / 2) + Math.floor(small / 2) * 2;
  const others = Math.max(1, sizes.claims - small);
  const perClaim = Math.max(1, Math.floor((sizes.stances - smallStances) / others));
  let extra = Math.max(0, sizes.stances - smallStances - perClaim * others);
  let stanceNo = 0;
  for (let c = 0; c < sizes.claims; c++) {
    const profile = c < small ? (c % 2 === 0 ? "single" : "unsupported") : pick(["corroborated", "contested", "contested", "disputed"]);
    const count = profile === "single" ? 1 : profile === "unsupported" ? 2 : perClaim + (extra-- > 0 ? 1 : 0);
    const id = `claim${pad(c)}`;
    const slug = `claim-${pad(c)}`;
    const seen = new Set<string>();
    const rows: { sourceIdx: number; sentence: Sentence; position: Position }[] = [];
    while (rows.length < count && stanceNo + rows.length < sizes.stances) {
      const sourceIdx = Math.floor(random() * sources.length);
      const sentenceIdx = Math.floor(random() * 10);
      if (seen.has(`${sourceIdx}:${sentenceIdx}`)) continue;
      seen.add(`${sourceIdx}:${sentenceIdx}`);
      const r = random();
      const position: Position =
        profile === "unsupported"
          ? "QUALIFIES"
          : profile === "single" || profile === "corroborated"
            ? r < 0.85
              ? "SUPPORTS"
              : "QUALIFIES"
            : profile === "disputed"
              ? r < 0.8
                ? "DISPUTES"
                : "QUALIFIES"
              : r < 0.5
                ? "SUPPORTS"
                : r < 0.85
                  ? "DISPUTES"
                  : "QUALIFIES";
      rows.push({ sourceIdx, sentence: sources[sourceIdx]!.sentences[sentenceIdx]!, position });
    }
    const text = `Synthetic claim ${c}: ${pick(WHO)} ${pick(VERB)} ${pick(WHAT)} in region ${c % 97}.`;
    // Each stance's passage, speaker and mode, drawn in the order the corpus has always drawn them.
    const made = rows.map((row) => {
      const src = sources[row.sourceIdx]!;
      const anchor = anchorAt(src.text, row.sentence.start, row.sentence.end);
      const speaker = random() < 0.5 ? Math.floor(random() * actors) : null;
      return { id: `st${pad(stanceNo++)}`, row, src, anchor, speaker, mode: pick(MODES) };
    });
    // The summary and the stored analysis as the app's write computes them (lib/write/refresh-claim-summary.ts).
    const analysed: AnalysedStance[] = made.map(({ id, row, src, anchor, speaker }) => ({
      id,
      start: anchor.start,
      position: row.position,
      credibility: null,
      speaker: speaker === null ? null : { id: `actor${speaker}`, name: `Speaker ${speaker}`, unnamed: false },
      source: {
        id: src.id,
        publishedAt: src.publishedAt,
        reliability: null,
        outlet: { id: `outlet${row.sourceIdx % outlets}`, name: `Outlet ${row.sourceIdx % outlets}`, reliability: null },
      },
      quote: src.text.slice(anchor.start, anchor.end),
      intervalManual: false,
      intervalLow: null,
      intervalHigh: null,
    }));
    analysed.sort(byPublicationThenOffset);
    const summary = summarizeClaim(analysed.map(stanceFact));
    claim.run(
      id,
      slug,
      text,
      searchableText(text),
      `topic${c % topics}`,
      summary.status,
      summary.supportsCount,
      summary.disputesCount,
      summary.qualifiesCount,
      summary.sourceCount,
      summary.stanceCount,
      summary.conflictScore,
      summary.firstSeenAt ? iso(summary.firstSeenAt) : null,
      rankKey(summary.conflictScore, slug),
      summary.supportWeight,
      summary.disputeWeight,
      summary.conflictWeight,
      summary.originCount,
      summary.lastEvidenceAt ? iso(summary.lastEvidenceAt) : null,
      JSON.stringify(storedAnalysisOf(analysed, null)),
    );
    for (const { id: stanceId, row, src, anchor, speaker, mode } of made) {
      stance.run(
        stanceId,
        id,
        src.id,
        speaker === null ? null : `actor${speaker}`,
        row.position,
        mode,
        src.text.slice(anchor.start, anchor.end),
        anchor.start,
        anchor.end,
        anchor.prefix,
        anchor.suffix,
      );
    }
  }
  const contested = (db.prepare(`SELECT count(*) AS n FROM "Claim" WHERE status = 'CONTESTED'`).get() as { n: number }).n;
  insert("CorpusCounts", ["id", "claims", "contested", "sources", "stances", "actors"]).run(1, sizes.claims, contested, sizes.sources, stanceNo, actors);
  console.log(`Wrote ${topics} topics, ${outlets} outlets, ${actors} speakers, ${sizes.sources} sources, ${sizes.claims} claims, ${stanceNo} stances.`);
})();
db.exec("ANALYZE");
db.close();
console.timeEnd("generate");
console.log(`${out}: ${(statSync(out).size / 1024 / 1024).toFixed(1)} MiB`);
