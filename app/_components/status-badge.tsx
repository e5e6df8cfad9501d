import { STATUS_LABEL, type ClaimStatus } from "@/lib/analysis/conflict";

const SYMBOL: Record<ClaimStatus, string> = {
  CONTESTED: "⇄",
  CORROBORATED: "✓✓",
  SINGLE_SOURCE: "✓",
  DISPUTED: "✗",
  UNSUPPORTED: "?",
};

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span className={`status status-${status.toLowerCase().replace("_", "-")}`}>
      <span aria-hidden="true">{SYMBOL[status]}</span> {STATUS_LABEL[status]}
    </span>
  );
}
