// What the claim page shows beyond the stored summary: origins, weighted agreement and
// the intervals of a quantity claim, computed from the stances it is given (all live
// stances, or those published by an "as of" date). Pure.
import { sideWeights, summarizeClaim, weightedAgreement, type Position } from "./conflict";
import { compareIntervals, parseInterval, type Interval, type ParsedInterval, type QuantityKind } from "./intervals";
import { groupByOrigin } from "./origins";
import { stanceFact, type StanceFactRow } from "./stance-facts";

export type AnalysedStance = StanceFactRow & {
  id: string;
  quote: string;
  intervalManual: boolean;
  intervalLow: number | null;
  intervalHigh: number | null;
};

export type StanceInterval = { stanceId: string; interval: Interval; words: string | null; rule: string | null; manual: boolean };

/** The interval a stance's words give: the analyst's when set by hand, else parsed from the quote. */
export function stanceInterval(kind: QuantityKind, stance: AnalysedStance): StanceInterval | null {
  if (stance.intervalManual) {
    if (stance.intervalLow === null && stance.intervalHigh === null) return null;
    return { stanceId: stance.id, interval: { low: stance.intervalLow, high: stance.intervalHigh }, words: null, rule: null, manual: true };
  }
  const parsed: ParsedInterval | null = parseInterval(kind, stance.quote);
  return parsed && { stanceId: stance.id, interval: { low: parsed.low, high: parsed.high }, words: parsed.words, rule: parsed.rule, manual: false };
}

export function analyseClaim<S extends AnalysedStance>(stances: readonly S[], quantityKind: QuantityKind | null) {
  const facts = stances.map(stanceFact);
  const weights = sideWeights(facts);
  const origins = groupByOrigin(stances.map((s) => ({ ...s, outlet: s.source.outlet }))).map((group) => ({
    key: group.key,
    label: group.label,
    kind: group.kind,
    publishers: group.publishers,
    positions: [...new Set(group.stances.map((s) => s.position))] as Position[],
    sourceCount: new Set(group.stances.map((s) => s.source.id)).size,
  }));
  const intervals = quantityKind ? stances.map((s) => stanceInterval(quantityKind, s)).filter((i) => i !== null) : [];
  return {
    summary: summarizeClaim(facts),
    weights,
    agreement: weightedAgreement(weights),
    origins,
    intervals,
    comparison: compareIntervals(intervals.map((i) => ({ key: i.stanceId, interval: i.interval }))),
  };
}
