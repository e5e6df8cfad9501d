import type { ClaimWithStances } from "@/lib/claims/get-claim";
import { MODE_LABEL, OUTLET_KIND_LABEL, POSITION_LABEL, SOURCE_KIND_LABEL } from "@/lib/labels";
import { GradingNote } from "./grading-note";
import { PartialDate } from "./partial-date";

type Stance = ClaimWithStances["stances"][number];

/**
 * One source's words on a claim: the quote, who says it, who published it and when. A page that
 * lists many says once that the cards without a grading line are not graded (quietWhenUngraded).
 */
export function StanceCard({ stance, canEdit = false, quietWhenUngraded = false }: { stance: Stance; canEdit?: boolean; quietWhenUngraded?: boolean }) {
  const { source, speaker } = stance;
  return (
    <article className={`stance stance-${stance.position.toLowerCase()}`} aria-label={`${POSITION_LABEL[stance.position]}: ${source.outlet.name}`}>
      {/* The ellipses that mark a quote as an excerpt are drawn by the stylesheet (.quote p). */}
      <blockquote className="quote">
        <p>{stance.quote}</p>
      </blockquote>
      <PassageChanges stance={stance} sourceId={source.id} />
      <p className="attribution">
        {speaker ? (
          <>
            Speaker: <a href={`/actors/${speaker.slug}`}>{speaker.name}</a>
            {speaker.description ? <span className="muted">{`, ${speaker.description}`}</span> : null}
          </>
        ) : (
          "Speaker: the source's own voice"
        )}
      </p>
      <p className="published">
        <strong>{source.outlet.name}</strong>
        {` (${OUTLET_KIND_LABEL[source.outlet.kind] ?? source.outlet.kind}) · `}
        <PartialDate date={source.publishedAt} precision={source.datePrecision} />
        {` · ${SOURCE_KIND_LABEL[source.kind] ?? source.kind}`}
      </p>
      <p className="mode">{`Put ${MODE_LABEL[stance.mode] ?? stance.mode}.`}</p>
      <GradingNote source={source} credibility={stance.credibility} quietWhenUngraded={quietWhenUngraded} />
      {stance.note ? <p className="note">{`Note: ${stance.note}`}</p> : null}
      <p>
        <a href={`/sources/${source.id}#stance-${stance.id}`}>{`Read the passage in “${source.title}”`}</a>
        {canEdit ? (
          <>
            {" "}
            · <a href={`/stances/${stance.id}/edit`}>Edit or retract</a>
          </>
        ) : null}
      </p>
    </article>
  );
}

const day = (date: Date) => <time dateTime={date.toISOString()}>{date.toISOString().slice(0, 10)}</time>;

/**
 * What a changing source did to the passage (decision 0025): an orphan says its words are gone from
 * the current text; a passage whose wording changed shows both wordings and when.
 */
export function PassageChanges({ stance, sourceId }: { stance: Pick<Stance, "orphanedAt" | "anchoredVersion" | "anchors">; sourceId: string }) {
  const changes = stance.anchors.filter((a) => a.quote !== a.nextQuote);
  if (!stance.orphanedAt && changes.length === 0) return null;
  return (
    <div className="passage-changes">
      {stance.orphanedAt ? (
        <p className="orphan-note">
          <span className="badge badge-orphan">Orphaned</span> The source&apos;s current text no longer has these words (since {day(stance.orphanedAt)}). They
          are quoted from <a href={`/sources/${sourceId}/versions/${stance.anchoredVersion}`}>version {stance.anchoredVersion}</a> of its text.
        </p>
      ) : null}
      {changes.map((change) => (
        <p key={`${change.version}-${change.nextVersion}`} className="changed-note">
          The source changed this passage on {day(change.movedAt)}: version {change.version} read “{change.quote}”; version {change.nextVersion} reads “
          {change.nextQuote}”.
        </p>
      ))}
    </div>
  );
}
