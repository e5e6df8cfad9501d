import type { Confidence, VerdictRating } from "../../generated/sqlite/enums";

// How analysts' own assessments of one claim spread (issue 14, decision 0019). The disagreement
// is the chance that two analysts picked at random gave different ratings (the Gini–Simpson
// index over the ratings): 0 when all agree or fewer than two have assessed, 0.5 for two analysts
// of four against the other two, 1 when no two agree. Every rating counts as its own answer:
// "mostly true" against "true" is a disagreement, as the published verdict would have to pick one.

export type AssessedRating = { rating: VerdictRating; confidence: Confidence };

export type Spread = {
  /** How many analysts have given an assessment. */
  count: number;
  /** Each rating given, the most common first (then in the order of the scale), with its confidences. */
  ratings: { rating: VerdictRating; count: number; confidence: Record<Confidence, number> }[];
  disagreement: number;
};

const SCALE: readonly VerdictRating[] = [
  "TRUE",
  "MOSTLY_TRUE",
  "MIXED",
  "MISLEADING",
  "MOSTLY_FALSE",
  "FALSE",
  "CONFLICTING_EVIDENCE",
  "NOT_ENOUGH_EVIDENCE",
  "UNREVIEWED",
];

export function spreadOf(assessments: readonly AssessedRating[]): Spread {
  const by = new Map<VerdictRating, Spread["ratings"][number]>();
  for (const a of assessments) {
    const entry = by.get(a.rating) ?? { rating: a.rating, count: 0, confidence: { LOW: 0, MEDIUM: 0, HIGH: 0 } };
    entry.count += 1;
    entry.confidence[a.confidence] += 1;
    by.set(a.rating, entry);
  }
  const ratings = [...by.values()].sort((a, b) => b.count - a.count || SCALE.indexOf(a.rating) - SCALE.indexOf(b.rating));
  return { count: assessments.length, ratings, disagreement: disagreementOf(ratings.map((r) => r.count)) };
}

/** The chance that two of the analysts, drawn without replacement, gave different ratings. */
export function disagreementOf(counts: readonly number[]): number {
  const n = counts.reduce((sum, c) => sum + c, 0);
  if (n < 2) return 0;
  const samePairs = counts.reduce((sum, c) => sum + c * (c - 1), 0);
  return 1 - samePairs / (n * (n - 1));
}

/** How many of the assessments gave this rating: what a published verdict says of its agreement. */
export function agreeingWith(rating: VerdictRating, assessments: readonly { rating: VerdictRating }[]): number {
  return assessments.filter((a) => a.rating === rating).length;
}
