import { CONFIDENCE_LABEL, VERDICT_LABEL } from "@/lib/labels";
import { plural } from "@/lib/format";
import type { Spread } from "@/lib/analysis/assessment-spread";

/** How the analysts' assessments spread: counts and confidence per rating, and how far apart they are. */
export function SpreadLine({ spread }: { spread: Spread }) {
  if (spread.count === 0) return <p className="muted">No analyst has given their own assessment yet.</p>;
  return (
    <p className="spread">
      {plural(spread.count, "analyst")} assessed it:{" "}
      {spread.ratings.map((r, i) => (
        <span key={r.rating}>
          {i > 0 ? "; " : ""}
          {r.count} <strong>{VERDICT_LABEL[r.rating]}</strong> ({confidenceCounts(r.confidence)})
        </span>
      ))}
      . Disagreement {spread.disagreement.toFixed(2)} <span className="muted">(the chance two of them differ)</span>.
    </p>
  );
}

const confidenceCounts = (c: Spread["ratings"][number]["confidence"]) =>
  (["HIGH", "MEDIUM", "LOW"] as const)
    .filter((level) => c[level] > 0)
    .map((level) => `${c[level]} ${CONFIDENCE_LABEL[level].toLowerCase()}`)
    .join(", ") + " confidence";
