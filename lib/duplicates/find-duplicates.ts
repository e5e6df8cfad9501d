import type { TxConnection } from "../database/create-client";
import { findByKeys } from "../database/in-chunks";
import { findByTuples } from "../database/find-by-tuples";
import { insertRows } from "../database/insert-rows";
import { env } from "../env";
import { claimsSharingWords, claimVocabulary, type WordsOn } from "../search/search";
import { STOP_WORDS } from "../search/stop-words";
import { claimFeatures, claimSimilarity } from "./similarity";
import { configuredEmbedder, cosine, embeddingsOf } from "./embeddings";

// Claims that may say the same thing (decision 0022). The full-text index picks the candidates, the
// claims sharing the most (and the rarest) words with a wording by bm25 (ts_rank on PostgreSQL);
// lib/duplicates/similarity.ts scores each. Every write of a claim's wording (the form, the API,
// an import) records its pairs in its own transaction; /review/duplicates lists them.

/** How a pair's score was reached: the wordings' words and letters, or (decision 0026) their embeddings' cosine. */
export type DuplicateMethod = "lexical" | "embedding";
/**
 * Pairs are kept from this score up, below any sensible threshold, so that a lower
 * CORROBORATE_DUPLICATE_THRESHOLD shows more pairs without finding them again.
 */
export const KEPT_FROM = 0.4;
/** How many of the index's best candidates are scored. */
const CANDIDATES = 20;
/** From how many claims in one write the whole vocabulary is read at once. */
const MANY_CLAIMS = 20;

export type SimilarClaim = { id: string; slug: string; text: string; score: number; method: DuplicateMethod };

/** The threshold setting: a pair at or above it is proposed as one claim said twice. */
export const duplicateThreshold = (): number => env().CORROBORATE_DUPLICATE_THRESHOLD;

/** Live claims whose wording may say the same as `text`, best first, from `from` up (the threshold by default). */
export async function similarClaims(
  on: WordsOn,
  text: string,
  { except = [], limit = 10, from = duplicateThreshold() }: { except?: readonly string[]; limit?: number; from?: number } = {},
): Promise<SimilarClaim[]> {
  const ranked = await claimsSharingWords(on, text, CANDIDATES, STOP_WORDS);
  const ids = ranked.map((r) => r.id).filter((id) => !except.includes(id));
  if (ids.length === 0) return [];
  const claims = await on.runner.claim.findMany({
    where: { id: { in: ids }, retractedAt: null, mergedIntoId: null },
    select: { id: true, slug: true, text: true },
  });
  return (await scored(text, claims, from)).slice(0, limit);
}

/**
 * The candidates' scores against `text`, from `from` up, best first. Lexical (lib/duplicates/similarity.ts);
 * with an embeddings model configured, each pair's score is the larger of that and the embeddings'
 * cosine lowered by the same disagreements (a figure, a "not", a name, a direction), which
 * embeddings tend to pass over (decision 0026).
 */
async function scored(text: string, claims: readonly { id: string; slug: string; text: string }[], from: number): Promise<SimilarClaim[]> {
  const features = claimFeatures(text);
  const lexical = claims.map((c) => claimSimilarity(features, claimFeatures(c.text)));
  const cosines = await embeddingCosines(
    text,
    claims.map((c) => c.text),
  );
  return claims
    .map((c, i): SimilarClaim => {
      const { score, factor } = lexical[i]!;
      const byMeaning = cosines ? round(Math.max(0, cosines[i]!) * factor) : 0;
      return byMeaning > score ? { ...c, score: byMeaning, method: "embedding" } : { ...c, score, method: "lexical" };
    })
    .filter((c) => c.score >= from)
    .sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Two wordings' score and how it was reached, as the matcher scores a pair (the evaluation's). */
export async function pairScore(a: string, b: string): Promise<{ score: number; method: DuplicateMethod }> {
  const [found] = await scored(a, [{ id: "", slug: "", text: b }], 0);
  return { score: found!.score, method: found!.method };
}

/** The cosine of `text`'s embedding with each of `others`', when the embeddings mode is on; null when it is off. */
async function embeddingCosines(text: string, others: readonly string[]): Promise<number[] | null> {
  const embedder = configuredEmbedder();
  if (!embedder || others.length === 0) return null;
  const [mine, ...theirs] = await embeddingsOf(await embedder, [text, ...others]);
  return theirs.map((v) => cosine(mine!, v));
}

/** A pair's key: its two ids, the smaller first. */
export const pairOf = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/**
 * Inside the write that set these claims' wording (added or edited): the pairs each makes with a
 * live claim, from KEPT_FROM up. An edited wording's earlier proposals go first; a pair an
 * analyst marked distinct stays marked. Claims written together find each other: the index's
 * triggers have already seen them.
 */
export async function recordClaimPairs(target: TxConnection, claims: readonly { id: string; text: string }[]): Promise<number> {
  if (claims.length === 0) return 0;
  const { tx, dialect, sqlite } = target;
  const ids = claims.map((c) => c.id);
  await findByKeys(ids, async (chunk) => [
    await tx.claimPair.deleteMany({ where: { distinctAt: null, OR: [{ claimAId: { in: chunk } }, { claimBId: { in: chunk } }] } }),
  ]);
  const on = { runner: tx, dialect, sqlite };
  // Many claims at once (an import): every word's count read once rather than each claim's words.
  const vocabulary = claims.length >= MANY_CLAIMS ? await claimVocabulary(on) : undefined;
  const rankedFor = new Map<string, string[]>();
  for (const claim of claims) {
    const ranked = await claimsSharingWords(on, claim.text, CANDIDATES, STOP_WORDS, vocabulary);
    rankedFor.set(
      claim.id,
      ranked.map((r) => r.id).filter((id) => id !== claim.id),
    );
  }
  const live = new Map(
    (
      await findByKeys([...rankedFor.values()].flat(), (chunk) =>
        tx.claim.findMany({ where: { id: { in: chunk }, retractedAt: null, mergedIntoId: null }, select: { id: true, slug: true, text: true } }),
      )
    ).map((c) => [c.id, c]),
  );
  const best = new Map<string, { claimAId: string; claimBId: string; score: number; method: DuplicateMethod }>();
  for (const claim of claims) {
    const candidates = rankedFor.get(claim.id)!.flatMap((id) => live.get(id) ?? []);
    for (const found of await scored(claim.text, candidates, KEPT_FROM)) {
      const [claimAId, claimBId] = pairOf(claim.id, found.id);
      const key = `${claimAId} ${claimBId}`;
      if ((best.get(key)?.score ?? -1) < found.score) best.set(key, { claimAId, claimBId, score: found.score, method: found.method });
    }
  }
  if (best.size === 0) return 0;
  const kept = new Set(
    (
      await findByTuples<{ claimAId: string; claimBId: string }>(
        target,
        "ClaimPair",
        ["claimAId", "claimBId"],
        [...best.values()].map((p) => [p.claimAId, p.claimBId]),
        { select: ["claimAId", "claimBId"] },
      )
    ).map((p) => `${p.claimAId} ${p.claimBId}`),
  );
  const rows = [...best.entries()].filter(([key]) => !kept.has(key)).map(([, p]) => p);
  await insertRows(target, "ClaimPair", rows);
  return rows.length;
}
