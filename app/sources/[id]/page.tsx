import type { Metadata } from "next";
import { connection } from "next/server";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { db } from "@/lib/db";
import { isWatching } from "@/lib/activity/watch";
import { SourceWatch } from "../../_components/for-you/page-parts";
import { RELIABILITY_LABEL } from "@/lib/analysis/grading";
import { GradingNote } from "../../_components/grading-note";
import { orNotFound } from "@/lib/http/page-data";
import { getSourceHeading, getSourceWithStances } from "@/lib/sources/get-source";
import { pageViewer } from "@/lib/auth/viewer";
import { hasRole } from "@/lib/roles";
import { MODE_LABEL, OUTLET_KIND_LABEL, POSITION_LABEL, POSITION_LETTER, SOURCE_KIND_LABEL, TEXT_ORIGIN_LABEL } from "@/lib/labels";
import { plural } from "@/lib/format";
import { HighlightedText } from "../../_components/highlighted-text";
import { PartialDate } from "../../_components/partial-date";
import { TaggingPanel } from "./tagging-panel";
import { Discussion } from "../../_components/discussion";
import { CommentForm } from "../../_components/forms/comment-forms";
import { sourceDiscussion } from "@/lib/comments/list-comments";
import { listSpeakerChoices, listTopicChoices } from "@/lib/choices";
import { notFound } from "next/navigation";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { tag } from "@/lib/write/cache-tags";
import { pageTags } from "@/lib/cache/page-tags";
import { copiesOf } from "@/lib/families/copies";
import { SplitCopiesButton } from "../../_components/forms/review-forms";

const percent = (share: number) => `${Math.round(share * 100)}%`;

type Props = { params: Promise<{ id: string }> };

const loadSource = cache((id: string) => orNotFound(getSourceWithStances(db, { id })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection(); // never at build: it reads the database
  return { title: (await sourceHeading((await params).id))?.title };
}

/** Whether the source exists (a missing one is cached until a source is added), and its title. */
async function sourceHeading(id: string) {
  "use cache";
  const source = await getSourceHeading(db, id);
  keepUntilChanged(source ? tag.source(source.id) : tag.sources);
  return source;
}

export default async function SourcePage({ params }: Props) {
  const [{ id }, viewer, requestHeaders] = await Promise.all([params, pageViewer(), headers()]);
  if (!(await sourceHeading(id))) notFound();
  // A search result's passage, marked: the same small script a visitor's plain page keeps.
  const foundWords = <script src="/reader/found-words.js" async nonce={requestHeaders.get("x-nonce") ?? undefined} />;
  // Theirs alone: given when the page is rendered for its user, fetched on a page kept for a role (decision 0021).
  const { user } = viewer;
  const watch = viewer.role ? <SourceWatch sourceId={id} given={user ? { watching: await isWatching(db, user.id, { sourceId: id }) } : null} /> : null;
  return (
    <>
      {foundWords}
      <Source id={id} canTag={hasRole(viewer, "RESEARCHER")} canSplit={hasRole(viewer, "ANALYST")} canComment={viewer.role !== null} watch={watch} />
    </>
  );
}

/**
 * Cached until the source, its outlet or a claim it quotes changes; for researchers, who get the
 * tagging panel, also until the speakers or claims it offers change.
 */
async function Source({ id, canTag, canSplit, canComment, watch }: { id: string; canTag: boolean; canSplit: boolean; canComment: boolean; watch: ReactNode }) {
  "use cache";
  const source = await loadSource(id);
  const copies = await copiesOf(db, source.id);
  keepUntilChanged(...pageTags.source({ id: source.id, outletId: source.outlet.id }, canTag));
  const excerpts = source.stances.map((s, i) => ({ ...s, number: i + 1 }));
  const discussion = await sourceDiscussion(db, source.id);
  const text = <HighlightedText text={source.text} excerpts={excerpts} />;
  return (
    <>
      <header>
        <p className="eyebrow">Source · {SOURCE_KIND_LABEL[source.kind] ?? source.kind}</p>
        <h1>{source.title}</h1>
        <p className="page-actions">
          {canTag ? (
            <>
              <a href={`/sources/${source.id}/edit`}>Edit details</a> ·{" "}
            </>
          ) : null}
          <a href={`/sources/${source.id}/history`}>History</a> · <a href={`/sources/${source.id}/versions`}>Versions of the text</a>
        </p>
        {watch}
      </header>
      <dl className="metadata">
        <div>
          <dt>Outlet</dt>
          <dd>
            {source.outlet.name} ({OUTLET_KIND_LABEL[source.outlet.kind] ?? source.outlet.kind}
            {source.outlet.country ? `, ${source.outlet.country}` : ""})
          </dd>
        </div>
        <div>
          <dt>Reliability</dt>
          <dd>
            {source.reliability
              ? `${source.reliability} — ${RELIABILITY_LABEL[source.reliability]}, graded apart from its outlet${source.reliabilityReason ? `: ${source.reliabilityReason}` : ""}`
              : source.outlet.reliability
                ? `${source.outlet.reliability} — ${RELIABILITY_LABEL[source.outlet.reliability]} (the outlet's grade)`
                : "Not graded"}
          </dd>
        </div>
        <div>
          <dt>Author(s)</dt>
          <dd>{source.authors.length > 0 ? source.authors.map((a) => a.name).join(", ") : "Not named"}</dd>
        </div>
        <div>
          <dt>Published</dt>
          <dd>
            <PartialDate date={source.publishedAt} precision={source.datePrecision} />
          </dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{source.language}</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd>
            {source.url && /^https?:\/\//.test(source.url) ? (
              <a href={source.url} rel="noreferrer nofollow">
                {source.url}
              </a>
            ) : (
              (source.url ?? "Not recorded")
            )}
          </dd>
        </div>
        <div>
          <dt>Text</dt>
          <dd>
            Version {source.textVersion}, {TEXT_ORIGIN_LABEL[source.textOrigin] ?? source.textOrigin},{" "}
            <time dateTime={(source.textAt ?? source.createdAt).toISOString()}>{(source.textAt ?? source.createdAt).toISOString().slice(0, 10)}</time>
            {source.textVersion > 1 ? (
              <>
                {" "}
                (<a href={`/sources/${source.id}/versions`}>{source.textVersion - 1} earlier, and what changed</a>)
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Text fingerprint</dt>
          <dd>
            <code title={source.contentHash}>sha256 {source.contentHash.slice(0, 16)}…</code>
          </dd>
        </div>
        {source.metadataNote ? (
          <div>
            <dt>About this record</dt>
            <dd>{source.metadataNote}</dd>
          </div>
        ) : null}
      </dl>

      {copies.length > 0 ? (
        <section aria-labelledby="copies" className="copies">
          <h2 id="copies">Copies of this article</h2>
          <p>
            This text was published more than once. Copies of one article count as one origin on every claim they bear on (
            <a href="/about/statuses#origins">how origins are counted</a>).
          </p>
          <ul>
            {copies.map((copy) => (
              <li key={copy.copyId}>
                {percent(copy.overlap)} of this text also appears in <a href={`/sources/${copy.id}`}>{copy.title}</a> ({copy.outlet}).
                {canSplit ? <SplitCopiesButton copyId={copy.copyId} title={copy.title} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="source-layout">
        <section aria-labelledby="full-text">
          <h2 id="full-text">Full text</h2>
          <p className="legend">
            Highlights: <mark className="hl hl-supports">supports [S]</mark> <mark className="hl hl-qualifies">qualifies [Q]</mark>{" "}
            <mark className="hl hl-disputes">disputes [D]</mark> <mark className="hl hl-mixed">several</mark>. Each reference links to its claim.
          </p>
          {canTag ? (
            <TaggingPanel sourceId={source.id} actors={await listSpeakerChoices(db)} topics={await listTopicChoices(db)}>
              {text}
            </TaggingPanel>
          ) : (
            text
          )}
        </section>
        <section aria-labelledby="excerpts" className="excerpts">
          <h2 id="excerpts">{plural(excerpts.length, "excerpt")}</h2>
          <ol>
            {excerpts.map((s) => (
              <li key={s.id}>
                <p>
                  <span className={`ref ref-${s.position.toLowerCase()}`}>
                    [{POSITION_LETTER[s.position]}
                    {s.number}]
                  </span>{" "}
                  <strong>{POSITION_LABEL[s.position]}</strong> <a href={`/claims/${s.claim.slug}`}>{s.claim.text}</a>
                </p>
                <p className="muted">
                  {s.speaker ? (
                    <>
                      Speaker <a href={`/actors/${s.speaker.slug}`}>{s.speaker.name}</a>, put{" "}
                    </>
                  ) : (
                    <>In its own voice, put </>
                  )}
                  {MODE_LABEL[s.mode] ?? s.mode}. <a href={`#stance-${s.id}`}>Show in text</a>
                  {canTag ? (
                    <>
                      {" "}
                      · <a href={`/stances/${s.id}/edit`}>Edit</a>
                    </>
                  ) : null}
                </p>
                <GradingNote source={source} credibility={s.credibility} />
              </li>
            ))}
          </ol>
          {source.orphanedStances.length > 0 ? (
            <>
              <h3>Orphaned</h3>
              <p className="muted">Their words are not in the current text: each is quoted from the version it was taken from.</p>
              <ul className="retracted-list">
                {source.orphanedStances.map((s) => (
                  <ApartStance
                    key={s.id}
                    stance={s}
                    badge="Orphaned"
                    note={`version ${s.anchoredVersion}`}
                    action={canTag ? { href: `/review/orphans#orphan-${s.id}`, label: "Re-attach or retract" } : null}
                  />
                ))}
              </ul>
            </>
          ) : null}
          {source.retractedStances.length > 0 ? (
            <>
              <h3>Retracted</h3>
              <ul className="retracted-list">
                {source.retractedStances.map((s) => (
                  <ApartStance
                    key={s.id}
                    stance={s}
                    badge="Retracted"
                    note={s.retractedReason ?? (s.claim.retractedAt ? "the claim is retracted" : null)}
                    action={canTag ? { href: `/stances/${s.id}/edit`, label: "Restore or edit" } : null}
                  />
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>

      <Discussion
        comments={discussion}
        empty="No one has commented on this source yet."
        form={canComment ? <CommentForm on={{ sourceId: source.id }} label="Add to the discussion" id="comment-new" /> : null}
      />
    </>
  );
}

type ApartProps = {
  stance: { quote: string; position: keyof typeof POSITION_LABEL; claim: { slug: string; text: string } };
  badge: "Orphaned" | "Retracted";
  note: string | null;
  action: { href: string; label: string } | null;
};

/** A stance listed apart from the highlighted excerpts: retracted, or orphaned by a new text (decision 0025). */
function ApartStance({ stance, badge, note, action }: ApartProps) {
  return (
    <li>
      <span className={`badge badge-${badge.toLowerCase()}`}>{badge}</span> “{stance.quote}” — {POSITION_LABEL[stance.position].toLowerCase()}{" "}
      <a href={`/claims/${stance.claim.slug}`}>{stance.claim.text}</a>
      {note ? <span className="muted"> ({note})</span> : null}
      {action ? (
        <>
          {" "}
          · <a href={action.href}>{action.label}</a>
        </>
      ) : null}
    </li>
  );
}
