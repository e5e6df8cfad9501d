import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { getClaimWithStances } from "@/lib/claims/get-claim";
import { formatBound, formatInterval } from "@/lib/analysis/intervals";
import { orNotFound } from "@/lib/http/page-data";
import { activeMergeOf, activeMergesInto } from "@/lib/review/merge";
import { listAnalysts } from "@/lib/review/verdicts";
import { claimAssessments, type ClaimAssessments } from "@/lib/review/assessments";
import { plural } from "@/lib/format";
import { CONFIDENCE_LABEL, POSITION_LABEL, RELATION_LABEL, VERDICT_LABEL } from "@/lib/labels";
import { NotAllowed } from "@/app/_components/not-allowed";
import { GradingNote } from "@/app/_components/grading-note";
import {
  AssessmentForm,
  AssignForm,
  MergeForm,
  QuantityForm,
  RelationForm,
  RemoveRelationButton,
  RevealButton,
  StanceAssessmentForm,
  UndoMergeButton,
  VerdictForm,
} from "@/app/_components/forms/review-forms";

export const metadata: Metadata = { title: "Review a claim" };

type Props = { params: Promise<{ slug: string }> };

/** An analyst's workbench for one claim: verdict, assignment, grading of its stances, figures, relations and merging. */
export default async function ReviewClaimPage({ params }: Props) {
  const { slug } = await params;
  const { user, allowed } = await pageUser("ANALYST", `/claims/${slug}/review`);
  if (!allowed) return <NotAllowed user={user} needed="ANALYST" doing="review claims" />;
  const claim = await orNotFound(getClaimWithStances(db, { slug }));
  const [analysts, mergedFrom, mergedOut, assessments] = await Promise.all([
    listAnalysts(db),
    activeMergesInto(db, claim.id),
    activeMergeOf(db, claim.id),
    claimAssessments(db, claim.id, user.id),
  ]);
  const lead = claim.assignee;
  const mayPublish = !lead || lead.id === user.id || user.role === "ADMIN";
  const kind = claim.quantityKind;
  const intervalOf = new Map(claim.analysis.intervals.map((i) => [i.stanceId, i]));
  const bound = (n: number | null) => (n === null || !kind ? "" : kind === "DATE" ? new Date(n).toISOString().slice(0, 10) : String(n));

  return (
    <>
      <p className="eyebrow">
        <a href={`/claims/${claim.slug}`}>Back to the claim</a> · <a href="/review">Review queue</a>
      </p>
      <h1>Review: {claim.text}</h1>

      {claim.mergedInto ? (
        <section className="retracted-banner" aria-labelledby="merged-heading">
          <h2 id="merged-heading">Merged into /claims/{claim.mergedInto.slug}</h2>
          <p>Its stances are on that claim now, and its address redirects there.</p>
          {mergedOut ? <UndoMergeButton mergeId={mergedOut.id} label="Undo the merge" /> : null}
        </section>
      ) : null}

      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">Assessments</h2>
        <p className="muted">Each analyst gives their own rating first. {blindNote(assessments)}</p>
        {assessments.count === 0 ? (
          <p>No analyst has assessed this claim yet.</p>
        ) : assessments.visible ? (
          assessments.all.length === 0 ? null : (
            <>
              <p>
                {plural(assessments.count, "analyst")}; disagreement {assessments.spread!.disagreement.toFixed(2)} (the chance that two of them gave different
                ratings).
              </p>
              <ul className="assessment-list">
                {assessments.all.map((a) => (
                  <li key={a.analyst + a.updatedAt.toISOString()}>
                    <strong>{a.mine ? "You" : a.analyst}</strong>: {VERDICT_LABEL[a.rating]}, {CONFIDENCE_LABEL[a.confidence].toLowerCase()} confidence —{" "}
                    {a.rationale}
                  </li>
                ))}
              </ul>
            </>
          )
        ) : (
          <>
            <p>{plural(assessments.count, "analyst")} assessed it so far; their ratings stay hidden from you until you give yours.</p>
            <RevealButton claimId={claim.id} />
          </>
        )}
        {claim.mergedInto || claim.retractedAt ? null : (
          <AssessmentForm
            claimId={claim.id}
            mine={assessments.mine ? { rating: assessments.mine.rating, confidence: assessments.mine.confidence, rationale: assessments.mine.rationale } : null}
          />
        )}
      </section>

      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">Published verdict</h2>
        <p>
          Now: <strong>{VERDICT_LABEL[claim.verdict?.rating ?? "UNREVIEWED"]}</strong>
          {claim.verdict ? (
            <>
              {" "}
              ({CONFIDENCE_LABEL[claim.verdict.confidence].toLowerCase()} confidence, by {claim.verdict.user?.name ?? "a former account"})
            </>
          ) : null}
          . The status is <strong>{claim.status.toLowerCase().replace("_", " ")}</strong>; weighted support {claim.analysis.weights.support.toFixed(2)} against
          dispute {claim.analysis.weights.dispute.toFixed(2)}, from {claim.analysis.summary.originCount} independent origins.
        </p>
        <p>
          {lead ? (
            <>
              Led by <strong>{lead.id === user.id ? "you" : lead.name}</strong>: the lead analyst (or an admin) publishes the verdict.
            </>
          ) : (
            <>No lead analyst is assigned: any analyst may publish the verdict. Assign one to leave it to them.</>
          )}{" "}
          The published verdict says how many of the assessments agree with it.
        </p>
        {claim.mergedInto || !mayPublish ? null : <VerdictForm claimId={claim.id} />}
        <AssignForm claimId={claim.id} assigneeId={claim.assignee?.id ?? null} analysts={analysts} />
      </section>

      <section aria-labelledby="stances-heading">
        <h2 id="stances-heading">Grade the stances</h2>
        <p className="muted">
          Credibility is the Admiralty 1–6 scale for this piece of information; source reliability (A–F) is graded per outlet on the{" "}
          <a href="/outlets">outlets page</a>, with a per-source override on each source&apos;s edit page.
        </p>
        <QuantityForm claim={{ id: claim.id, version: claim.version, quantityKind: kind }} />
        <ol className="assessments">
          {claim.stances.map((s) => {
            const interval = intervalOf.get(s.id);
            return (
              <li key={s.id} className={`stance stance-${s.position.toLowerCase()}`}>
                <p>
                  <strong>{POSITION_LABEL[s.position]}</strong> — {s.source.outlet.name}
                  {s.speaker ? `, quoting ${s.speaker.name}` : ""}: “{s.quote}”
                </p>
                <GradingNote source={s.source} credibility={s.credibility} />
                {kind ? (
                  <p>
                    Interval:{" "}
                    {interval ? `${formatInterval(kind, interval.interval)} (${interval.manual ? "set by hand" : `read from “${interval.words}”`})` : "none"}
                  </p>
                ) : null}
                <StanceAssessmentForm
                  quantityKind={kind}
                  stance={{
                    id: s.id,
                    version: s.version,
                    credibility: s.credibility,
                    intervalManual: s.intervalManual,
                    intervalLow: bound(s.intervalLow),
                    intervalHigh: bound(s.intervalHigh),
                  }}
                />
              </li>
            );
          })}
        </ol>
        {kind && claim.stances.some((s) => s.intervalManual && s.intervalLow !== null) ? (
          <p className="muted">Bounds set by hand are shown as {kind === "DATE" ? "dates" : `figures such as ${formatBound("NUMBER", 10_000)}`}.</p>
        ) : null}
      </section>

      <section aria-labelledby="relations-heading">
        <h2 id="relations-heading">Related claims</h2>
        {claim.related.length === 0 ? <p className="muted">None yet.</p> : null}
        <ul className="related">
          {claim.related.map((r) => (
            <li key={r.id}>
              {RELATION_LABEL[r.kind]?.[r.direction] ?? r.kind}: <a href={`/claims/${r.claim.slug}`}>{r.claim.text}</a>{" "}
              <RemoveRelationButton id={r.id} label="Remove this relation" />
            </li>
          ))}
        </ul>
        <RelationForm fromClaimId={claim.id} />
      </section>

      <section aria-labelledby="merge-heading">
        <h2 id="merge-heading">Merge</h2>
        {mergedFrom.length > 0 ? (
          <ul>
            {mergedFrom.map((m) => (
              <li key={m.id}>
                Merged into this claim on {m.createdAt.toISOString().slice(0, 10)}: “{m.from.text}” (/claims/{m.from.slug}){m.reason ? ` — ${m.reason}` : ""}{" "}
                <UndoMergeButton mergeId={m.id} label={`Undo the merge of ${m.from.slug}`} />
              </li>
            ))}
          </ul>
        ) : null}
        {claim.mergedInto || claim.retractedAt ? null : (
          <>
            <p className="muted">
              When another claim says the same thing, merge this one into it: every stance moves there (a passage it already links stays here, retracted as a
              duplicate), this address redirects there, and both histories record it. It can be undone.
            </p>
            <MergeForm fromClaimId={claim.id} />
          </>
        )}
      </section>
    </>
  );
}

function blindNote(assessments: ClaimAssessments): string {
  if (!assessments.visible) return "Assessments are blind: you see the others' once you have given yours, or choose to.";
  if (assessments.published) return "A verdict is published, so every assessment is shown.";
  return assessments.mine ? "You have given yours, so the others' are shown." : "You chose to see the others' before giving yours.";
}
