import {
  CREDIBILITY_LABEL,
  RELIABILITY_LABEL,
  admiraltyCode,
  effectiveReliability,
  isGraded,
  type Credibility,
  type Reliability,
} from "@/lib/analysis/grading";

/** The Admiralty code beside a stance ("B2"), with both parts in words. */
export function GradingNote({
  source,
  credibility,
  quietWhenUngraded = false,
}: {
  source: { reliability: Reliability | null; outlet: { reliability: Reliability | null } };
  credibility: number | null;
  /** Nothing at all for an ungraded stance, where the page says it once for all. */
  quietWhenUngraded?: boolean;
}) {
  const reliability = effectiveReliability(source, source.outlet);
  const own = source.reliability !== null;
  if (!isGraded(source, credibility)) {
    return quietWhenUngraded ? null : <p className="grading">Not graded yet: source reliability and information credibility unassessed.</p>;
  }
  return (
    <p className="grading">
      Grading <strong className="admiralty">{admiraltyCode(reliability, credibility)}</strong>:{" "}
      {reliability ? `${RELIABILITY_LABEL[reliability].toLowerCase()} source${own ? " (graded apart from its outlet)" : ""}` : "source not graded"};{" "}
      {credibility ? `information ${CREDIBILITY_LABEL[credibility as Credibility].toLowerCase()}` : "information not assessed"}.
    </p>
  );
}
