import type { Metadata } from "next";
import { cache } from "react";
import { db } from "@/lib/db";
import { getClaimWithStances } from "@/lib/claims/get-claim";
import { claimTimeline, firstSupporter } from "@/lib/claims/timeline";
import { POSITIONS } from "@/lib/conflict";
import { orNotFound } from "@/lib/http/page-data";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { OUTLET_KIND_LABEL, POSITION_COLUMN, POSITION_LABEL, RELATION_LABEL } from "@/lib/labels";
import { plural } from "@/lib/format";
import { AgreementBar } from "../../_components/agreement-bar";
import { PartialDate } from "../../_components/partial-date";
import { StanceCard } from "../../_components/stance-card";
import { StatusBadge } from "../../_components/status-badge";

type Props = { params: Promise<{ slug: string }> };

const loadClaim = cache((slug: string) => orNotFound(getClaimWithStances(db, { slug })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadClaim((await params).slug)).text };
}

export default async function ClaimPage({ params }: Props) {
  const claim = await loadClaim((await params).slug);
  const timeline = claimTimeline(claim.stances);
  const first = firstSupporter(timeline);
  const { agreement } = claim;
  const canEdit = hasRole(await currentUser(), "RESEARCHER");

  return (
    <>
      <header className="claim-header">
        <p className="eyebrow">
          Claim · <a href={`/claims?topic=${claim.topic.slug}`}>{claim.topic.name}</a>
        </p>
        <h1>{claim.text}</h1>
        {claim.retractedAt ? (
          <p className="retracted-banner" role="note">
            <span className="badge badge-retracted">Retracted</span> This claim was retracted on {claim.retractedAt.toISOString().slice(0, 10)}
            {claim.retractedReason ? <>: {claim.retractedReason}</> : null}. It is kept here, but left out of lists and counts.
          </p>
        ) : null}
        <p className="page-actions">
          {canEdit ? <><a href={`/claims/${claim.slug}/edit`}>Edit or retract</a> · </> : null}
          <a href={`/claims/${claim.slug}/history`}>History</a>
        </p>
        <p className="claim-status">
          <StatusBadge status={claim.status} /> {plural(claim.sourceCount, "source")}, {plural(claim.stances.length, "quoted stance")}.{" "}
          <a href="/about/statuses">What this status means</a>
        </p>
        {first ? (
          <p>
            First supported in <a href={`/sources/${first.source.id}`}>{first.source.title}</a> ({first.source.outlet.name},{" "}
            <PartialDate date={first.source.publishedAt} precision={first.source.datePrecision} />).
          </p>
        ) : null}
        {claim.tags.length > 0 ? <p className="tags">Tags: {claim.tags.map((t) => t.name).join(", ")}</p> : null}
      </header>

      <section aria-labelledby="agreement">
        <h2 id="agreement">Agreement at a glance</h2>
        <AgreementBar supports={agreement.sources.SUPPORTS} qualifies={agreement.sources.QUALIFIES} disputes={agreement.sources.DISPUTES} />
        {agreement.byOutletKind.length > 0 ? (
          <table className="by-kind">
            <caption>Sources by kind of outlet</caption>
            <thead>
              <tr><th scope="col">Outlet kind</th>{POSITIONS.map((p) => <th key={p} scope="col">{POSITION_LABEL[p]}</th>)}</tr>
            </thead>
            <tbody>
              {agreement.byOutletKind.map((row) => (
                <tr key={row.outletKind}>
                  <th scope="row">{OUTLET_KIND_LABEL[row.outletKind] ?? row.outletKind}</th>
                  {POSITIONS.map((p) => <td key={p}>{row.counts[p]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="sources-side-by-side">
        <h2 id="sources-side-by-side">The sources side by side</h2>
        <div className="columns">
          {POSITIONS.map((position) => {
            const stances = claim.stances.filter((s) => s.position === position);
            return (
              <section key={position} className={`column column-${position.toLowerCase()}`} aria-labelledby={`col-${position}`}>
                <h3 id={`col-${position}`}>
                  {POSITION_COLUMN[position]} <span className="muted">({plural(stances.length, "stance")})</span>
                </h3>
                {stances.length === 0 ? <p className="muted">No source {POSITION_LABEL[position].toLowerCase()} this claim.</p> : null}
                {stances.map((stance) => <StanceCard key={stance.id} stance={stance} canEdit={canEdit} />)}
              </section>
            );
          })}
        </div>
      </section>

      {claim.retractedStances.length > 0 ? (
        <section aria-labelledby="retracted-stances">
          <h2 id="retracted-stances">Retracted stances ({claim.retractedStances.length})</h2>
          <p className="muted">These no longer count towards the claim&apos;s status.</p>
          <ul className="retracted-list">
            {claim.retractedStances.map((s) => (
              <li key={s.id}>
                <span className="badge badge-retracted">Retracted</span> {POSITION_LABEL[s.position]}: “{s.quote}” — {s.source.outlet.name}
                {s.retractedReason ? <span className="muted"> ({s.retractedReason})</span> : null}
                {canEdit ? <> · <a href={`/stances/${s.id}/edit`}>Restore or edit</a></> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {claim.related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related">Related claims</h2>
          <ul className="related">
            {claim.related.map((r) => (
              <li key={`${r.direction}-${r.kind}-${r.claim.slug}`}>
                <span className="relation">{RELATION_LABEL[r.kind]?.[r.direction] ?? r.kind}:</span>{" "}
                <a href={`/claims/${r.claim.slug}`}>{r.claim.text}</a>
                {r.claim.retractedAt ? <> <span className="badge badge-retracted">Retracted</span></> : null}
                {r.note ? <span className="muted"> — {r.note}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="timeline">
        <h2 id="timeline">Who said what, when</h2>
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entry.source.id}>
              <PartialDate date={entry.source.publishedAt} precision={entry.source.datePrecision} /> —{" "}
              <a href={`/sources/${entry.source.id}`}>{entry.source.outlet.name}</a>:{" "}
              {entry.positions.map((p) => POSITION_LABEL[p].toLowerCase()).join(" and ")}
              {", "}
              {entry.voices.map((v) => (v ? `quoting ${v.name}` : "in its own voice")).join("; ")}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
