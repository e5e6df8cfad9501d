// What the claim page shows beyond the stored summary: origins, weighted agreement and
// the intervals of a quantity claim, computed from the stances it is given. Every write that
// changes a claim's stances stores what these give for its live stances (Claim.analysis,
// lib/write/refresh-claim-summary.ts), and a reader's page reads that; only the "as of" view,
// which counts the stances of a past day, computes it again, with the same functions. Pure.
import { sideWeights, summarizeClaim, weightedAgreement, type ClaimSummary, type Position } from "./conflict";
import { compareIntervals, parseInterval, type Comparison, type Interval, type ParsedInterval, type QuantityKind } from "./intervals";
import { groupByOrigin, type Origin } from "./origins";
import { stanceFact, type StanceFactRow } from "./stance-facts";

export type AnalysedStance = StanceFactRow & {
  id: string;
  start: number;
  quote: string;
  intervalManual: boolean;
  intervalLow: number | null;
  intervalHigh: number | null;
};

export type StanceInterval = { stanceId: string; interval: Interval; words: string | null; rule: string | null; manual: boolean };

/** One independent origin of a claim's evidence, as the page lists it. */
export type OriginSummary = { key: string; label: string; kind: Origin["kind"]; publishers: string[]; positions: Position[]; sourceCount: number };

/** What the write stores beside the summary columns (Claim.analysis, JSON). */
export type StoredAnalysis = { origins: OriginSummary[]; intervals: StanceInterval[]; comparison: Comparison<string> };

export type ClaimAnalysis = StoredAnalysis & {
  summary: ClaimSummary;
  weights: { support: number; dispute: number };
  agreement: number | null;
};

/** The interval a stance's words give: the analyst's when set by hand, else parsed from the quote. */
export function stanceInterval(kind: QuantityKind, stance: AnalysedStance): StanceInterval | null {
  if (stance.intervalManual) {
    if (stance.intervalLow === null && stance.intervalHigh === null) return null;
    return { stanceId: stance.id, interval: { low: stance.intervalLow, high: stance.intervalHigh }, words: null, rule: null, manual: true };
  }
  const parsed: ParsedInterval | null = parseInterval(kind, stance.quote);
  return parsed && { stanceId: stance.id, interval: { low: parsed.low, high: parsed.high }, words: parsed.words, rule: parsed.rule, manual: false };
}

type Dated = { start: number; source: { id: string; publishedAt: Date | null } };

/** Reading order for a claim's stances: oldest source first, undated sources last, within a source in the text's order. */
export function byPublicationThenOffset(a: Dated, b: Dated): number {
  const at = a.source.publishedAt?.getTime() ?? Infinity;
  const bt = b.source.publishedAt?.getTime() ?? Infinity;
  if (at !== bt) return at - bt;
  if (a.source.id !== b.source.id) return a.source.id.localeCompare(b.source.id);
  return a.start - b.start;
}

/** Origins and intervals of stances given in reading order. */
export function storedAnalysisOf(stances: readonly AnalysedStance[], quantityKind: QuantityKind | null): StoredAnalysis {
  const origins = groupByOrigin(stances.map((s) => ({ ...s, outlet: s.source.outlet, familyId: s.source.familyId }))).map((group) => ({
    key: group.key,
    label: group.label,
    kind: group.kind,
    publishers: group.publishers,
    positions: [...new Set(group.stances.map((s) => s.position))] as Position[],
    sourceCount: new Set(group.stances.map((s) => s.source.id)).size,
  }));
  const intervals = quantityKind ? stances.map((s) => stanceInterval(quantityKind, s)).filter((i) => i !== null) : [];
  return { origins, intervals, comparison: compareIntervals(intervals.map((i) => ({ key: i.stanceId, interval: i.interval }))) };
}

/** Everything, computed from the stances (in reading order): the "as of" view, and the write that stores it. */
export function analyseClaim(stances: readonly AnalysedStance[], quantityKind: QuantityKind | null): ClaimAnalysis {
  const facts = stances.map(stanceFact);
  const { support, dispute } = sideWeights(facts);
  const weights = { support, dispute };
  return { summary: summarizeClaim(facts), weights, agreement: weightedAgreement(weights), ...storedAnalysisOf(stances, quantityKind) };
}

/** The same, read back from what the write stored: the summary columns and Claim.analysis. */
export function storedClaimAnalysis(summary: ClaimSummary, stored: StoredAnalysis): ClaimAnalysis {
  const weights = { support: summary.supportWeight, dispute: summary.disputeWeight };
  return { summary, weights, agreement: weightedAgreement(weights), ...stored };
}
