// A claim's status and agreement summary, computed from its stances.
// Pure: no database, no framework. The rules are shown to readers on /about/statuses
// from STATUS_RULES below, so what the page says is what the code does.

import type { ClaimStatus, Position } from "../../generated/sqlite/enums";

export type { ClaimStatus, Position };

export const POSITIONS: readonly Position[] = ["SUPPORTS", "QUALIFIES", "DISPUTES"];

import { UNGRADED_WEIGHT } from "./grading";

/**
 * What the summary needs of a stance. `origin` is its independent origin
 * (lib/analysis/origins.ts; each source its own when absent); `weight` its grading weight
 * (lib/analysis/grading.ts; ungraded when absent).
 */
export type StanceFact = { position: Position; sourceId: string; origin?: string; weight?: number };

/**
 * Sources, not stances, are counted: one article that reports an allegation three
 * times is one supporting source. A source that both supports and disputes a claim
 * (it reports an allegation and also rebuts it) counts on both sides.
 */
export function sourcesByPosition(stances: readonly StanceFact[]): Record<Position, Set<string>> {
  const sides: Record<Position, Set<string>> = { SUPPORTS: new Set(), DISPUTES: new Set(), QUALIFIES: new Set() };
  for (const stance of stances) sides[stance.position].add(stance.sourceId);
  return sides;
}

/** The rules, in order: the first that matches gives the status. */
export const STATUS_RULES: readonly { status: ClaimStatus; label: string; rule: string }[] = [
  { status: "CONTESTED", label: "Contested", rule: "At least one source supports the claim and at least one disputes it." },
  { status: "DISPUTED", label: "Disputed", rule: "At least one source disputes the claim and none supports it." },
  {
    status: "CORROBORATED",
    label: "Corroborated",
    rule: "Sources from two or more independent origins support the claim and none disputes it.",
  },
  {
    status: "SINGLE_SOURCE",
    label: "Single source",
    rule: "The claim's support comes from one origin (one source, or several publishers repeating one speaker) and none disputes it.",
  },
  { status: "UNSUPPORTED", label: "Unsupported", rule: "No source supports or disputes the claim: it has no stances, or only qualifications." },
];

export const STATUS_LABEL = Object.fromEntries(STATUS_RULES.map((r) => [r.status, r.label])) as Record<ClaimStatus, string>;

/** Qualifications never change the status: they narrow a claim, they do not take a side. */
export function claimStatus(stances: readonly StanceFact[]): ClaimStatus {
  return statusOf(sourcesByPosition(stances), supportingOrigins(stances));
}

/** Corroboration counts independent origins, not publishers. */
function supportingOrigins(stances: readonly StanceFact[]): number {
  return new Set(stances.filter((s) => s.position === "SUPPORTS").map((s) => s.origin ?? s.sourceId)).size;
}

function statusOf({ SUPPORTS, DISPUTES }: Record<Position, Set<string>>, supportOrigins: number): ClaimStatus {
  if (SUPPORTS.size > 0 && DISPUTES.size > 0) return "CONTESTED";
  if (DISPUTES.size > 0) return "DISPUTED";
  if (supportOrigins >= 2) return "CORROBORATED";
  if (SUPPORTS.size >= 1) return "SINGLE_SOURCE";
  return "UNSUPPORTED";
}

export type SideWeights = { support: number; dispute: number; qualify: number };

/**
 * Each side's weight: the sum, over the independent origins on that side, of the heaviest
 * stance each origin has there. Five publishers repeating one speaker weigh what that
 * speaker's best-graded report weighs; two origins weigh twice one. The formula is
 * printed on /about/statuses.
 */
export function sideWeights(stances: readonly StanceFact[]): SideWeights {
  const heaviest: Record<Position, Map<string, number>> = { SUPPORTS: new Map(), DISPUTES: new Map(), QUALIFIES: new Map() };
  for (const s of stances) {
    const origin = s.origin ?? s.sourceId;
    const weight = s.weight ?? UNGRADED_WEIGHT;
    const side = heaviest[s.position];
    if (weight > (side.get(origin) ?? -1)) side.set(origin, weight);
  }
  const sum = (side: Map<string, number>) => round([...side.values()].reduce((a, b) => a + b, 0));
  return { support: sum(heaviest.SUPPORTS), dispute: sum(heaviest.DISPUTES), qualify: sum(heaviest.QUALIFIES) };
}

/** Weights are stored and compared at three decimals, so equal sums compare equal. */
const round = (n: number) => Math.round(n * 1000) / 1000;

/** Share of the weight that supports, of support and dispute together; null when neither has any. */
export function weightedAgreement({ support, dispute }: Pick<SideWeights, "support" | "dispute">): number | null {
  return support + dispute === 0 ? null : support / (support + dispute);
}

const SIDE_WEIGHT = 1_000_000;

/**
 * Orders "most contested first": the smaller side of the split comes first (3 against 3
 * beats 5 against 1), then the number of sources that take any position.
 */
export function conflictScore(stances: readonly StanceFact[]): number {
  return scoreOf(sourcesByPosition(stances), distinctSources(stances));
}

function scoreOf(sides: Record<Position, Set<string>>, sourceCount: number): number {
  const smallerSide = Math.min(sides.SUPPORTS.size, sides.DISPUTES.size);
  return Math.min(smallerSide, 999_999) * SIDE_WEIGHT + Math.min(sourceCount, SIDE_WEIGHT - 1);
}

const distinctSources = (stances: readonly StanceFact[]) => new Set(stances.map((s) => s.sourceId)).size;

const RANK_MAX = 999_999_999_999;

/**
 * One string that sorts claims by conflict score (highest first), then slug. Keyset
 * pagination needs a single indexed column: see docs/decisions/0003-claim-list-keyset.md.
 */
export function rankKey(score: number, slug: string): string {
  return `${String(RANK_MAX - score).padStart(12, "0")}:${slug}`;
}

export type ClaimSummary = {
  status: ClaimStatus;
  supportsCount: number;
  disputesCount: number;
  qualifiesCount: number;
  sourceCount: number;
  /** Live stances on the claim; the corpus's stance count is their sum. */
  stanceCount: number;
  conflictScore: number;
  firstSeenAt: Date | null;
  supportWeight: number;
  disputeWeight: number;
  /** The weaker side's weight: how strong the conflict is (the review queue's order). */
  conflictWeight: number;
  originCount: number;
  /** Publication date of the newest dated source. */
  lastEvidenceAt: Date | null;
};

/** Everything stored on a claim that is derived from its stances. */
export function summarizeClaim(stances: readonly (StanceFact & { publishedAt: Date | null })[]): ClaimSummary {
  const sides = sourcesByPosition(stances);
  const sourceCount = distinctSources(stances);
  // A loop, not Math.min(...dates): spreading 200,000 arguments overflows the call stack.
  let earliest = Infinity;
  let latest = -Infinity;
  for (const s of stances) {
    const time = s.publishedAt?.getTime();
    if (time === undefined) continue;
    if (time < earliest) earliest = time;
    if (time > latest) latest = time;
  }
  const weights = sideWeights(stances);
  return {
    status: statusOf(sides, supportingOrigins(stances)),
    supportsCount: sides.SUPPORTS.size,
    disputesCount: sides.DISPUTES.size,
    qualifiesCount: sides.QUALIFIES.size,
    sourceCount,
    stanceCount: stances.length,
    conflictScore: scoreOf(sides, sourceCount),
    firstSeenAt: earliest === Infinity ? null : new Date(earliest),
    supportWeight: weights.support,
    disputeWeight: weights.dispute,
    conflictWeight: Math.min(weights.support, weights.dispute),
    originCount: new Set(stances.map((s) => s.origin ?? s.sourceId)).size,
    lastEvidenceAt: latest === -Infinity ? null : new Date(latest),
  };
}

export type ReviewRank = { conflictWeight: number; lastEvidenceAt: Date | null; slug: string };

/**
 * The review queue's order: the strongest conflict first (the weaker side's weight, so
 * two heavy sides beat one heavy and one light), then the newest evidence, then slug.
 * lib/review/queue.ts asks the database for the same order.
 */
export function compareForReview(a: ReviewRank, b: ReviewRank): number {
  if (a.conflictWeight !== b.conflictWeight) return b.conflictWeight - a.conflictWeight;
  const at = a.lastEvidenceAt?.getTime() ?? -Infinity;
  const bt = b.lastEvidenceAt?.getTime() ?? -Infinity;
  if (at !== bt) return bt > at ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export type PositionCounts = Record<Position, number>;

export type AgreementSummary = {
  /** Distinct sources per position. */
  sources: PositionCounts;
  /** Stances per position. */
  stances: PositionCounts;
  /** Distinct sources per position, for each kind of outlet that took part. */
  byOutletKind: { outletKind: string; counts: PositionCounts }[];
};

const zeroCounts = (): PositionCounts => ({ SUPPORTS: 0, DISPUTES: 0, QUALIFIES: 0 });

export function agreementSummary(stances: readonly (StanceFact & { outletKind: string })[]): AgreementSummary {
  const sides = sourcesByPosition(stances);
  const stanceCounts = zeroCounts();
  for (const s of stances) stanceCounts[s.position] += 1;

  const perKind = new Map<string, Record<Position, Set<string>>>();
  for (const s of stances) {
    const kind = perKind.get(s.outletKind) ?? { SUPPORTS: new Set(), DISPUTES: new Set(), QUALIFIES: new Set() };
    kind[s.position].add(s.sourceId);
    perKind.set(s.outletKind, kind);
  }
  const byOutletKind = [...perKind.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outletKind, k]) => ({
      outletKind,
      counts: { SUPPORTS: k.SUPPORTS.size, DISPUTES: k.DISPUTES.size, QUALIFIES: k.QUALIFIES.size },
    }));

  return {
    sources: { SUPPORTS: sides.SUPPORTS.size, DISPUTES: sides.DISPUTES.size, QUALIFIES: sides.QUALIFIES.size },
    stances: stanceCounts,
    byOutletKind,
  };
}
