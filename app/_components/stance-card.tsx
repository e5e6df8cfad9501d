import type { ClaimWithStances } from "@/lib/claims/get-claim";
import { MODE_LABEL, OUTLET_KIND_LABEL, POSITION_LABEL, SOURCE_KIND_LABEL } from "@/lib/labels";
import { GradingNote } from "./grading-note";
import { PartialDate } from "./partial-date";

type Stance = ClaimWithStances["stances"][number];

/** One source's words on a claim: the quote, who says it, who published it and when. */
export function StanceCard({ stance, canEdit = false }: { stance: Stance; canEdit?: boolean }) {
  const { source, speaker } = stance;
  return (
    <article className={`stance stance-${stance.position.toLowerCase()}`} aria-label={`${POSITION_LABEL[stance.position]}: ${source.outlet.name}`}>
      <blockquote className="quote">
        <p>
          <span className="ellipsis" aria-hidden="true">
            …
          </span>
          {stance.quote}
          <span className="ellipsis" aria-hidden="true">
            …
          </span>
        </p>
      </blockquote>
      <p className="attribution">
        {speaker ? (
          <>
            Speaker: <a href={`/actors/${speaker.slug}`}>{speaker.name}</a>
            {speaker.description ? <span className="muted">, {speaker.description}</span> : null}
          </>
        ) : (
          <>Speaker: the source&apos;s own voice</>
        )}
      </p>
      <p className="published">
        <strong>{source.outlet.name}</strong> <span className="muted">({OUTLET_KIND_LABEL[source.outlet.kind] ?? source.outlet.kind})</span> ·{" "}
        <PartialDate date={source.publishedAt} precision={source.datePrecision} /> · {SOURCE_KIND_LABEL[source.kind] ?? source.kind}
      </p>
      <p className="mode">Put {MODE_LABEL[stance.mode] ?? stance.mode}.</p>
      <GradingNote source={source} credibility={stance.credibility} />
      {stance.note ? <p className="note">Note: {stance.note}</p> : null}
      <p>
        <a href={`/sources/${source.id}#stance-${stance.id}`}>Read the passage in “{source.title}”</a>
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
