// Times the researcher's writes on a copy of the synthetic corpus (data/bench.db is not touched):
//   npm run bench:generate && npm run bench:writes -- [--db data/bench.db] [--runs 50]
// Each write is one transaction that also refreshes the claim's summary and the corpus counts.
// The copy is migrated first, so a corpus generated before a migration still serves; the time
// to compute the summaries such a migration leaves stale is printed too.
import { spawnSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/database/create-client";
import { updateClaim } from "../lib/claims/write-claim";
import { summarizeMigratedClaims } from "../lib/write/refresh-claim-summary";
import { assessStance, gradeOutlet } from "../lib/review/grading";
import { mergeClaims, undoMerge } from "../lib/review/merge";
import { reviewQueue } from "../lib/review/queue";
import { setVerdict } from "../lib/review/verdicts";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";

const { values } = parseArgs({ options: { db: { type: "string", default: "data/bench.db" }, runs: { type: "string", default: "50" } } });
const root = resolve(import.meta.dirname, "..");
const copy = resolve(root, "data/bench-writes.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
copyFileSync(resolve(root, values.db!), copy);
const runs = Number(values.runs);

const migrate = spawnSync(resolve(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: `file:${copy}` },
  encoding: "utf8",
});
if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stderr}`);

const db = createDb(`file:${copy}`);
const backfillStart = performance.now();
const backfilled = await summarizeMigratedClaims(db);
if (backfilled > 0)
  console.log(`Weights and origins computed for ${backfilled} claims migrated from before them: ${((performance.now() - backfillStart) / 1000).toFixed(1)} s.`);
const user = { id: "bench-writer", name: "Bench writer", email: "bench@example.com", role: "ANALYST" as const };
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
  createSource(db, user, {
    title: `Bench source ${i}`,
    outlet: { id: outlet.id },
    kind: "NEWS_REPORT",
    language: "en",
    text: `Bench article ${i}. `.repeat(200),
  }),
);
await time("link a passage to a claim", (i) =>
  createStance(db, user, {
    sourceId: sources[i]!.id,
    quote: sources[i]!.text.slice(0, 40),
    start: 0,
    end: 40,
    claim: { id: claims[i]!.id },
    position: "DISPUTES",
    mode: "AS_FACT",
    speaker: null,
  }),
);
await time("edit a claim's wording", (i) =>
  updateClaim(db, user, { id: claims[i]!.id, version: claims[i]!.version, text: `${claims[i]!.text} (edited)`, topic: claims[i]!.topicId }),
);
await time("give a verdict", (i) => setVerdict(db, user, { claimId: claims[i]!.id, rating: "MIXED", confidence: "LOW", rationale: `Bench verdict ${i}` }));
const assessed = await db.stance.findMany({
  where: { claimId: { in: claims.map((c) => c.id) }, retractedAt: null },
  distinct: ["claimId"],
  select: { id: true, version: true },
});
await time("grade a stance's credibility", (i) =>
  assessStance(db, user, {
    id: assessed[i % assessed.length]!.id,
    version: assessed[i % assessed.length]!.version + Math.floor(i / assessed.length),
    credibility: (i % 6) + 1,
  }),
);
const outlets = await db.outlet.findMany({ take: Math.min(runs, 10), select: { id: true, version: true, _count: { select: { sources: true } } } });
console.log(`(grading an outlet reweighs every claim quoting it; these outlets have ${outlets.map((o) => o._count.sources).join(", ")} sources)`);
const gradeRuns = outlets.length;
const gradeMs: number[] = [];
for (const o of outlets) {
  const start = performance.now();
  await gradeOutlet(db, user, { id: o.id, version: o.version, reliability: "B", reason: "bench" });
  gradeMs.push(performance.now() - start);
}
gradeMs.sort((a, b) => a - b);
console.log(
  `| grade an outlet | ${gradeRuns} | ${gradeMs[Math.floor(gradeRuns / 2)]!.toFixed(1)} | ${gradeMs.at(-1)!.toFixed(1)} | ${gradeMs.at(-1)!.toFixed(1)} |`,
);
const pairs = await db.claim.findMany({ where: { retractedAt: null, stanceCount: { gt: 0 } }, skip: 2_000, take: runs * 2, select: { id: true, slug: true } });
await time("merge two claims, then undo", async (i) => {
  const { mergeId } = await mergeClaims(db, user, { fromClaimId: pairs[2 * i]!.id, intoClaim: pairs[2 * i + 1]!.slug, reason: "bench" });
  await undoMerge(db, user, { mergeId });
});
await time("read the review queue (first page)", () => reviewQueue(db, user.id, { review: "all", assignee: "all", page: 1 }));
await time("read the review queue (page 20)", () => reviewQueue(db, user.id, { review: "unreviewed", assignee: "all", page: 20 }));
await db.$disconnect();
for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
