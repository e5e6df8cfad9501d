import type { Metadata } from "next";
import { connection } from "next/server";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { db } from "@/lib/db";
import { getClaimHeading, getClaimWithStances } from "@/lib/claims/get-claim";
import { claimTimeline, firstSupporter } from "@/lib/claims/timeline";
import { POSITIONS } from "@/lib/analysis/conflict";
import { orNotFound } from "@/lib/http/page-data";
import { pageViewer } from "@/lib/auth/viewer";
import { hasRole } from "@/lib/roles";
import { CONFIDENCE_LABEL, OUTLET_KIND_LABEL, POSITION_COLUMN, POSITION_LABEL, POSITION_LETTER, RELATION_LABEL, VERDICT_LABEL } from "@/lib/labels";
import { plural } from "@/lib/format";
import { formatInterval } from "@/lib/analysis/intervals";
import { isGraded } from "@/lib/analysis/grading";
import { parseAsOf } from "@/lib/schemas/review-query";
import { claimReview, uniqueSources } from "@/lib/export/claim-review";
import { embeddedJsonLd } from "@/lib/http/json-ld";
import { pageOrigin } from "@/lib/http/origin";
import { keepUntilChanged, type Viewer } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";
import { IntervalAxis } from "../../_components/interval-axis";
import { CampsAxis } from "../../_components/camps-axis";
import { AgreementBar } from "../../_components/agreement-bar";
import { PartialDate } from "../../_components/partial-date";
import { StanceCard } from "../../_components/stance-card";
import { StatusBadge } from "../../_components/status-badge";
import { Discussion } from "../../_components/discussion";
import { CommentForm } from "../../_components/forms/comment-forms";
import { claimDiscussion, type CommentView } from "@/lib/comments/list-comments";
import { claimForYou } from "@/lib/users/for-you";
import { ClaimWatch, YourAssessment } from "../../_components/for-you/page-parts";
import { SpreadLine } from "../../_components/assessment-spread";
import { spreadOf } from "@/lib/analysis/assessment-spread";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadClaim = cache((slug: string, asOf: string | null) =>
  orNotFound(getClaimWithStances(db, { slug, asOf: asOf ? new Date(`${asOf}T00:00:00Z`) : undefined })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection(); // never at build: it reads the database
  return { title: (await claimHeading((await params).slug))?.text };
}

/** Whether the claim exists (a missing one is cached until a claim is added), its wording, and where it was merged. */
async function claimHeading(slug: string) {
  "use cache";
  const claim = await getClaimHeading(db, slug);
  keepUntilChanged(...pageTags.claim(claim?.id ?? null));
  return claim;
}

export default async function ClaimPage({ params, searchParams }: Props) {
  const [{ slug }, query, pageFor, requestHeaders] = await Promise.all([params, searchParams, pageViewer(), headers()]);
  // Asked per request (one lookup by slug), not from the cached heading: whether this address
  // redirects must follow a merge and its undoing at once. A Playwright run on PostgreSQL once
  // got the cached answer from before an undone merge, right after the undo (decision 0017).
  const heading = await getClaimHeading(db, slug);
  if (!heading) notFound();
  if (heading.mergedInto) redirect(`/claims/${heading.mergedInto.slug}`);
  const asOf = parseAsOf(query.asOf);
  const viewer: Viewer = {
    canEdit: hasRole(pageFor, "RESEARCHER"),
    isAnalyst: hasRole(pageFor, "ANALYST"),
    canComment: pageFor.role !== null,
    origin: pageOrigin(requestHeaders),
  };
  // The claim as it stood on a day is computed for the asking; as it is now, it is cached.
  if (asOf.date || asOf.problem) {
    const claim = await loadClaim(slug, asOf.date);
    return <ClaimView claim={claim} asOf={asOf} viewer={viewer} discussion={await claimDiscussion(db, claim.id)} />;
  }
  // What the signed-in user watches, and an analyst's own assessment (and, once they may see them,
  // the others'), are theirs alone: passed through the cached view as slots, with their data when
  // the page is rendered for its user, fetched by the islands on a page kept for a role (decision 0021).
  const yours = pageFor.user ? await claimForYou(db, pageFor.user, { id: heading.id }) : null;
  const assessment = viewer.isAnalyst ? <YourAssessment slug={slug} given={yours} /> : null;
  const watch = pageFor.role ? <ClaimWatch claimId={heading.id} given={yours} /> : null;
  return <CurrentClaim slug={slug} viewer={viewer} assessment={assessment} watch={watch} />;
}

/** The claim as it is now, once per kind of viewer, until a write changes it (decision 0017). */
async function CurrentClaim({ slug, viewer, assessment, watch }: { slug: string; viewer: Viewer; assessment: ReactNode; watch: ReactNode }) {
  "use cache";
  const claim = await loadClaim(slug, null);
  keepUntilChanged(...pageTags.claim(claim.id));
  return (
    <ClaimView claim={claim} asOf={{ date: null }} viewer={viewer} discussion={await claimDiscussion(db, claim.id)} assessment={assessment} watch={watch} />
  );
}

type LoadedClaim = Awaited<ReturnType<typeof loadClaim>>;

function ClaimView({
  claim,
  asOf,
  viewer,
  discussion,
  assessment = null,
  watch = null,
}: {
  claim: LoadedClaim;
  asOf: ReturnType<typeof parseAsOf>;
  viewer: Viewer;
  discussion: CommentView[];
  assessment?: ReactNode;
  watch?: ReactNode;
}) {
  const timeline = claimTimeline(claim.stances);
  const first = firstSupporter(timeline);
  const earliest = timeline.find((entry) => entry.source.publishedAt) ?? null;
  const { agreement, analysis } = claim;
  const { canEdit, isAnalyst } = viewer;
  const stanceById = new Map(claim.stances.map((s) => [s.id, s]));
  const stanceLabel = new Map(claim.stances.map((s) => [s.id, `${s.source.outlet.name}${s.speaker ? `, quoting ${s.speaker.name}` : ""}`]));
  const ungraded = claim.stances.filter((s) => !isGraded(s.source, s.credibility)).length;
  const weightShare = analysis.agreement === null ? null : Math.round(analysis.agreement * 100);
  // schema.org ClaimReview for search engines and fact-check aggregators: the current verdict only.
  const review =
    claim.verdict && !claim.asOf
      ? claimReview(
          { slug: claim.slug, text: claim.text, verdict: claim.verdict, appearances: uniqueSources(claim.stances.map((s) => s.source)) },
          viewer.origin,
        )
      : null;

  return (
    <>
      {review ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: embeddedJsonLd(review) }} /> : null}
      <header className="claim-header">
        <p className="eyebrow">
          Claim · <a href={`/claims?topic=${claim.topic.slug}`}>{claim.topic.name}</a> · <a href={`/topics/${claim.topic.slug}/matrix`}>Evidence matrix</a>
        </p>
        <h1>{claim.text}</h1>
        {claim.retractedAt ? (
          <p className="retracted-banner" role="note">
            <span className="badge badge-retracted">Retracted</span> This claim was retracted on {claim.retractedAt.toISOString().slice(0, 10)}
            {claim.retractedReason ? <>: {claim.retractedReason}</> : null}. It is kept here, but left out of lists and counts.
          </p>
        ) : null}
        <p className="page-actions">
          {canEdit ? (
            <>
              <a href={`/claims/${claim.slug}/edit`}>Edit or retract</a> ·{" "}
            </>
          ) : null}
          {isAnalyst ? (
            <>
              <a href={`/claims/${claim.slug}/review`}>Review: verdict, grading, relations, merge</a> ·{" "}
            </>
          ) : null}
          <a href={`/claims/${claim.slug}/history`}>History</a>
        </p>
        {watch}
        {claim.mergedFrom.length > 0 ? (
          <p className="muted">
            Merged into this claim:{" "}
            {claim.mergedFrom.map((m, i) => (
              <span key={m.slug}>
                {i > 0 ? "; " : ""}“{m.text}” (/claims/{m.slug})
              </span>
            ))}
            .
          </p>
        ) : null}
        <section className={`verdict verdict-${(claim.verdict?.rating ?? "UNREVIEWED").toLowerCase()}`} aria-labelledby="verdict-heading">
          <h2 id="verdict-heading" className="verdict-heading">
            Verdict{claim.asOf ? <> as of {claim.asOf.toISOString().slice(0, 10)}</> : null}:{" "}
            <strong>{VERDICT_LABEL[claim.verdict?.rating ?? "UNREVIEWED"]}</strong>
          </h2>
          {claim.verdict ? (
            <>
              <p className="verdict-by">
                {CONFIDENCE_LABEL[claim.verdict.confidence]} confidence · by {claim.verdict.user?.name ?? "a former account"} on{" "}
                <time dateTime={claim.verdict.createdAt.toISOString()}>{claim.verdict.createdAt.toISOString().slice(0, 10)}</time>
              </p>
              <p className="verdict-rationale">{claim.verdict.rationale}</p>
              {claim.verdict.assessed ? (
                <p className="verdict-agreement">
                  {claim.verdict.agreeing} of {plural(claim.verdict.assessed, "analyst")} who assessed it on their own agreed with this verdict when it was
                  published.
                </p>
              ) : null}
              {claim.asOf || claim.assessments.length === 0 ? null : <SpreadLine spread={spreadOf(claim.assessments)} />}
              <p className="muted">
                Machine-readable as schema.org ClaimReview, embedded in this page; <a href="/api/export/claim-reviews">every review</a>.
              </p>
            </>
          ) : (
            <p className="muted">
              No verdict has been published{claim.asOf ? " by then" : " yet"}.
              {claim.asOf || claim.assessments.length === 0 ? null : (
                <> {plural(claim.assessments.length, "analyst")} assessed it on their own; how they differ is shown once the verdict is published.</>
              )}
            </p>
          )}
          {assessment}
        </section>
        <p className="claim-status">
          <StatusBadge status={claim.status} /> {plural(claim.sourceCount, "source")}, {plural(analysis.summary.originCount, "independent origin")},{" "}
          {plural(claim.stances.length, "quoted stance")}. <a href="/about/statuses">What this status means</a>
        </p>
        <p className="weighted">
          Weighted by grading and counted by origin: support {analysis.weights.support.toFixed(2)}, dispute {analysis.weights.dispute.toFixed(2)}
          {weightShare === null ? "." : <> — {weightShare}% of the weight supports the claim.</>} <a href="/about/statuses#weights">How this is weighed</a>
        </p>
        {earliest ? (
          <p>
            First appears in <a href={`/sources/${earliest.source.id}`}>{earliest.source.title}</a> ({earliest.source.outlet.name},{" "}
            <PartialDate date={earliest.source.publishedAt} precision={earliest.source.datePrecision} />)
            {first && first.source.id !== earliest.source.id ? (
              <>
                ; first supported in <a href={`/sources/${first.source.id}`}>{first.source.title}</a> ({first.source.outlet.name},{" "}
                <PartialDate date={first.source.publishedAt} precision={first.source.datePrecision} />)
              </>
            ) : null}
            .
          </p>
        ) : null}
        {claim.tags.length > 0 ? <p className="tags">Tags: {claim.tags.map((t) => t.name).join(", ")}</p> : null}
      </header>

      <form className="filters as-of" method="get" action={`/claims/${claim.slug}`} aria-label="Show the claim as of a date">
        <div className="field">
          <label htmlFor="as-of">Show the claim as it stood on</label>
          <input id="as-of" type="date" name="asOf" defaultValue={asOf.date ?? ""} aria-describedby={asOf.problem ? "as-of-problem" : undefined} />
        </div>
        <button type="submit">Show</button>
        {claim.asOf ? <a href={`/claims/${claim.slug}`}>Show it as it is now</a> : null}
        {asOf.problem ? (
          <p className="field-error" id="as-of-problem" role="alert">
            {asOf.problem}
          </p>
        ) : null}
      </form>
      {claim.asOf ? (
        <p className="as-of-note" role="status">
          As of {claim.asOf.toISOString().slice(0, 10)}: {plural(claim.stances.length, "stance")} from sources published by then.{" "}
          {claim.laterStanceCount > 0
            ? `${plural(claim.laterStanceCount, "stance")} from later or undated sources ${claim.laterStanceCount === 1 ? "is" : "are"} hidden.`
            : null}
        </p>
      ) : null}

      <section aria-labelledby="agreement">
        <h2 id="agreement">Agreement at a glance</h2>
        <AgreementBar supports={agreement.sources.SUPPORTS} qualifies={agreement.sources.QUALIFIES} disputes={agreement.sources.DISPUTES} />
        {agreement.byOutletKind.length > 0 ? (
          <table className="by-kind">
            <caption>Sources by kind of outlet</caption>
            <thead>
              <tr>
                <th scope="col">Outlet kind</th>
                {POSITIONS.map((p) => (
                  <th key={p} scope="col">
                    {POSITION_LABEL[p]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {agreement.byOutletKind.map((row) => (
                <tr key={row.outletKind}>
                  <th scope="row">{OUTLET_KIND_LABEL[row.outletKind] ?? row.outletKind}</th>
                  {POSITIONS.map((p) => (
                    <td key={p}>{row.counts[p]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="origins">
        <h2 id="origins">{`${plural(claim.sourceCount, "source")}, ${plural(analysis.summary.originCount, "independent origin")}`}</h2>
        <p className="muted">
          Publishers repeating one named speaker are one origin; a publisher&apos;s own reporting and its unnamed sources are its own origin; copies of one
          article published more than once are one origin.
        </p>
        {analysis.origins.some((o) => o.kind === "copies") ? (
          <p className="notice" role="note">
            {analysis.origins
              .filter((o) => o.kind === "copies")
              .map((o) => `${o.publishers.join(" and ")} published copies of one article: ${plural(o.sourceCount, "source")} counted as one origin.`)
              .join(" ")}
          </p>
        ) : null}
        <ul className="origins">
          {analysis.origins.map((o) => (
            <li key={o.key}>
              <strong>{o.label}</strong>
              {` → carried by ${o.publishers.join(", ")} (${plural(o.sourceCount, "source")}): ${o.positions.map((p) => POSITION_LABEL[p].toLowerCase()).join(" and ")}`}
            </li>
          ))}
        </ul>
      </section>

      {claim.camps.outlets.length > 0 ? (
        <section aria-labelledby="camps">
          <h2 id="camps">{claim.camps.agreement ? CAMPS_HEADING[claim.camps.agreement] : "Across camps"}</h2>
          <p>
            {claim.camps.agreement ? CAMPS_WORDS[claim.camps.agreement] : "Neither end of the axis clearly supports this claim."} The axis is learned from the
            stances alone: outlets that usually take opposite sides on the same claims sit at opposite ends (
            <a href="/about/statuses#camps">how it is fitted</a>).
          </p>
          <CampsAxis outlets={claim.camps.outlets} />
        </section>
      ) : null}

      {claim.quantityKind ? (
        <section aria-labelledby="figures">
          <h2 id="figures">{claim.quantityKind === "DATE" ? "The dates the sources give" : "The figures the sources give"}</h2>
          {analysis.intervals.length === 0 ? (
            <p>No source&apos;s words give a {claim.quantityKind === "DATE" ? "date" : "figure"} that the rules can read.</p>
          ) : (
            <>
              <IntervalAxis
                kind={claim.quantityKind}
                overlap={analysis.comparison.widest?.interval ?? null}
                rows={analysis.intervals.map((i) => {
                  const stance = stanceById.get(i.stanceId)!;
                  return {
                    key: i.stanceId,
                    label: stanceLabel.get(i.stanceId)!,
                    position: stance.position,
                    interval: i.interval,
                    words: i.words,
                    manual: i.manual,
                  };
                })}
              />
              <table className="intervals">
                <caption>Each source&apos;s words and the interval read from them</caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col">Position</th>
                    <th scope="col">Words</th>
                    <th scope="col">Interval</th>
                  </tr>
                </thead>
                <tbody>
                  {analysis.intervals.map((i) => {
                    const stance = stanceById.get(i.stanceId)!;
                    return (
                      <tr key={i.stanceId}>
                        <th scope="row">{stanceLabel.get(i.stanceId)}</th>
                        <td>
                          {POSITION_LETTER[stance.position]} · {POSITION_LABEL[stance.position]}
                        </td>
                        <td>
                          {i.manual ? (
                            <em>set by an analyst</em>
                          ) : (
                            <>
                              “{i.words}” <span className="muted">({i.rule})</span>
                            </>
                          )}
                        </td>
                        <td>{formatInterval(claim.quantityKind!, i.interval)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="overlap-summary">
                {analysis.comparison.common
                  ? `All ${analysis.intervals.length} overlap: ${formatInterval(claim.quantityKind, analysis.comparison.common)}.`
                  : analysis.comparison.widest
                    ? `No single value fits them all. ${analysis.comparison.widest.keys.length} of ${analysis.intervals.length} overlap at ${formatInterval(claim.quantityKind, analysis.comparison.widest.interval)}.`
                    : null}
              </p>
              {analysis.comparison.conflicts.length > 0 ? (
                <>
                  <h3>Cannot both be true</h3>
                  <ul className="interval-conflicts">
                    {analysis.comparison.conflicts.map(([a, b]) => (
                      <li key={`${a}-${b}`}>
                        {stanceLabel.get(a)} and {stanceLabel.get(b)}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
          <p className="muted">
            <a href="/about/statuses#intervals">How figures and dates are read</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="sources-side-by-side">
        <h2 id="sources-side-by-side">The sources side by side</h2>
        {ungraded > 0 ? (
          <p className="muted">
            {ungraded === claim.stances.length
              ? "No stance here is graded yet: source reliability and information credibility unassessed."
              : `${plural(ungraded, "stance")} without a grading line ${ungraded === 1 ? "is" : "are"} not graded yet.`}
          </p>
        ) : null}
        <div className="columns">
          {POSITIONS.map((position) => {
            const stances = claim.stances.filter((s) => s.position === position);
            return (
              <section key={position} className={`column column-${position.toLowerCase()}`} aria-labelledby={`col-${position}`}>
                <h3 id={`col-${position}`}>
                  {POSITION_COLUMN[position]} <span className="muted">{`(${plural(stances.length, "stance")})`}</span>
                </h3>
                {stances.length === 0 ? <p className="muted">No source {POSITION_LABEL[position].toLowerCase()} this claim.</p> : null}
                {stances.map((stance) => (
                  <StanceCard key={stance.id} stance={stance} canEdit={canEdit} quietWhenUngraded />
                ))}
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
                {canEdit ? (
                  <>
                    {" "}
                    · <a href={`/stances/${s.id}/edit`}>Restore or edit</a>
                  </>
                ) : null}
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
                <span className="relation">{RELATION_LABEL[r.kind]?.[r.direction] ?? r.kind}:</span> <a href={`/claims/${r.claim.slug}`}>{r.claim.text}</a>
                {r.claim.retractedAt ? (
                  <>
                    {" "}
                    <span className="badge badge-retracted">Retracted</span>
                  </>
                ) : null}
                {r.note ? <span className="muted"> — {r.note}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {claim.verdictHistory.length > 1 ? (
        <section aria-labelledby="verdict-history">
          <h2 id="verdict-history">Earlier verdicts</h2>
          <ol className="verdict-history">
            {claim.verdictHistory.slice(1).map((v) => (
              <li key={v.id}>
                <time dateTime={v.createdAt.toISOString()}>{v.createdAt.toISOString().slice(0, 10)}</time>: {VERDICT_LABEL[v.rating]} (
                {CONFIDENCE_LABEL[v.confidence].toLowerCase()} confidence) by {v.user?.name ?? "a former account"} — {v.rationale}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="timeline">
        <h2 id="timeline">Who said what, when</h2>
        <ol className="timeline">
          {timeline.map((entry) => (
            <li key={entry.source.id}>
              <PartialDate date={entry.source.publishedAt} precision={entry.source.datePrecision} />
              {" — "}
              <a href={`/sources/${entry.source.id}`}>{entry.source.outlet.name}</a>
              {`: ${entry.positions.map((p) => POSITION_LABEL[p].toLowerCase()).join(" and ")}, ${entry.voices.map((v) => (v ? `quoting ${v.name}` : "in its own voice")).join("; ")}`}
            </li>
          ))}
        </ol>
      </section>

      <Discussion
        comments={discussion}
        empty="No one has commented on this claim yet."
        form={viewer.canComment ? <CommentForm on={{ claimId: claim.id }} label="Add to the discussion" id="comment-new" /> : null}
      />
    </>
  );
}

const CAMPS_HEADING = { ACROSS: "Agreed across camps", ONE_SIDE: "Supported by one side" } as const;
const CAMPS_WORDS = {
  ACROSS: "Outlets at both ends of the axis support this claim: outlets that usually take opposite sides agree on it.",
  ONE_SIDE: "The outlets that support this claim sit at one end of the axis; at the other end, outlets dispute it or say nothing of it.",
} as const;
