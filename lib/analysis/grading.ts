// Admiralty grading (NATO AJP-2.1 style): how reliable a source is, A–F, and how credible
// one piece of information is, 1–6. Pure: the claim summary, the claim page and the
// statuses page (which prints these tables) all read them from here.

import type { Reliability } from "../../generated/sqlite/enums";

export type { Reliability };
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** "Cannot be judged" weighs half: neither trusted nor discounted. Not graded counts as cannot be judged. */
export const RELIABILITY_SCALE: readonly { grade: Reliability; label: string; weight: number }[] = [
  { grade: "A", label: "Completely reliable", weight: 1 },
  { grade: "B", label: "Usually reliable", weight: 0.8 },
  { grade: "C", label: "Fairly reliable", weight: 0.6 },
  { grade: "D", label: "Not usually reliable", weight: 0.4 },
  { grade: "E", label: "Unreliable", weight: 0.2 },
  { grade: "F", label: "Reliability cannot be judged", weight: 0.5 },
];

export const CREDIBILITY_SCALE: readonly { value: Credibility; label: string; weight: number }[] = [
  { value: 1, label: "Confirmed by other sources", weight: 1 },
  { value: 2, label: "Probably true", weight: 0.8 },
  { value: 3, label: "Possibly true", weight: 0.6 },
  { value: 4, label: "Doubtful", weight: 0.4 },
  { value: 5, label: "Improbable", weight: 0.2 },
  { value: 6, label: "Truth cannot be judged", weight: 0.5 },
];

export const RELIABILITY_LABEL = Object.fromEntries(RELIABILITY_SCALE.map((r) => [r.grade, r.label])) as Record<Reliability, string>;
export const CREDIBILITY_LABEL = Object.fromEntries(CREDIBILITY_SCALE.map((c) => [c.value, c.label])) as Record<Credibility, string>;

const RELIABILITY_WEIGHT = Object.fromEntries(RELIABILITY_SCALE.map((r) => [r.grade, r.weight])) as Record<Reliability, number>;
const CREDIBILITY_WEIGHT = Object.fromEntries(CREDIBILITY_SCALE.map((c) => [c.value, c.weight])) as Record<Credibility, number>;

/** A source's own grade when an analyst set one, else its outlet's; null when neither is graded. */
export function effectiveReliability(source: { reliability: Reliability | null }, outlet: { reliability: Reliability | null }): Reliability | null {
  return source.reliability ?? outlet.reliability ?? null;
}

/** Whether an analyst has graded anything of a stance: its source (or outlet), or its information. */
export function isGraded(source: { reliability: Reliability | null; outlet: { reliability: Reliability | null } }, credibility: number | null): boolean {
  return effectiveReliability(source, source.outlet) !== null || Boolean(credibility);
}

/** What one stance weighs: reliability × credibility, each "cannot be judged" when not graded. */
export function stanceWeight(reliability: Reliability | null, credibility: number | null): number {
  const cred = credibility !== null && credibility >= 1 && credibility <= 6 ? (credibility as Credibility) : 6;
  return RELIABILITY_WEIGHT[reliability ?? "F"] * CREDIBILITY_WEIGHT[cred];
}

/** The weight of a stance nobody has graded: F6, 0.5 × 0.5. */
export const UNGRADED_WEIGHT = stanceWeight(null, null);

/** The Admiralty code shown beside a stance, "B2"; a dash for what is not graded. */
export function admiraltyCode(reliability: Reliability | null, credibility: number | null): string {
  return `${reliability ?? "–"}${credibility ?? "–"}`;
}
