// Precision and recall of the duplicate-claim matcher (decision 0022) at several thresholds:
// on the committed labelled set (bench/duplicates/pairs-*.txt), and with --database on the
// analysts' own labels in DATABASE_URL (merges: the same claim; "distinct" marks: not). With
// CORROBORATE_EMBEDDINGS_MODEL set, pairs are scored as the matcher then scores them: the larger
// of the lexical score and the embeddings' cosine (decision 0026).
//   npm run duplicates:evaluate [-- --database]
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createDb } from "../../lib/database/create-client";
import { decidedPairs } from "../../lib/duplicates/review-pairs";
import { parsePairs, qualityAt, type LabelledPair } from "../../lib/duplicates/evaluate";
import { pairScore } from "../../lib/duplicates/find-duplicates";
import { env } from "../../lib/env";

const THRESHOLDS = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

async function report(title: string, pairs: readonly LabelledPair[]) {
  const same = pairs.filter((p) => p.same).length;
  console.log(`\n${title}: ${pairs.length} pairs, ${same} the same claim, ${pairs.length - same} not`);
  const scores = [];
  for (const p of pairs) scores.push({ ...(await pairScore(p.a, p.b)), same: p.same });
  const byEmbedding = scores.filter((s) => s.method === "embedding").length;
  if (env().CORROBORATE_EMBEDDINGS_MODEL) console.log(`Embeddings model ${env().CORROBORATE_EMBEDDINGS_MODEL}: ${byEmbedding} pairs scored higher by it`);
  const rows = qualityAt(scores, THRESHOLDS);
  console.log("threshold  precision  recall  proposed");
  for (const r of rows) {
    const mark = r.threshold === env().CORROBORATE_DUPLICATE_THRESHOLD ? "  <- CORROBORATE_DUPLICATE_THRESHOLD" : "";
    console.log(
      `${r.threshold.toFixed(2).padStart(9)}  ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}  ${String(r.proposed).padStart(8)}${mark}`,
    );
  }
}

const folder = resolve(import.meta.dirname);
const labelled = [
  ...parsePairs(readFileSync(resolve(folder, "pairs-same.txt"), "utf8"), true),
  ...parsePairs(readFileSync(resolve(folder, "pairs-distinct.txt"), "utf8"), false),
];
await report("Committed labelled set (bench/duplicates/)", labelled);

if (process.argv.includes("--database")) {
  const db = createDb(env().DATABASE_URL);
  try {
    const decided = await decidedPairs(db);
    if (decided.length === 0) console.log("\nThe database has no merges or distinct marks yet.");
    else await report(`Analysts' merges and distinct marks (${env().DATABASE_URL.replace(/\/\/[^@]*@/, "//")})`, decided);
  } finally {
    await db.$disconnect();
  }
}
