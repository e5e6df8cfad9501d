import type { ClaimRow } from "@/lib/claims/list-claims";
import { AgreementBar } from "./agreement-bar";
import { StatusBadge } from "./status-badge";

export function ClaimList({ claims }: { claims: ClaimRow[] }) {
  return (
    <ol className="claim-list">
      {claims.map((claim) => (
        <li key={claim.id} className="claim-row">
          <div className="claim-row-head">
            <a href={`/claims/${claim.slug}`} className="claim-link">
              {claim.text}
            </a>
            <StatusBadge status={claim.status} />
          </div>
          <div className="claim-row-meta">
            <span className="topic">{claim.topic.name}</span>
            <AgreementBar supports={claim.supportsCount} qualifies={claim.qualifiesCount} disputes={claim.disputesCount} />
          </div>
        </li>
      ))}
    </ol>
  );
}
