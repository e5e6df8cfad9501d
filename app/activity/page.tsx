import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { activitySeenAt, ActivityQuerySchema, listActivity, UNREAD_CAP, unreadCount } from "@/lib/activity/list-activity";
import { listWatches } from "@/lib/activity/watch";
import { handleOf } from "@/lib/users/handles";
import { orProblem } from "@/lib/http/page-data";
import { parseParams } from "@/lib/schemas/parse-params";
import { MarkSeen, WatchButton } from "../_components/forms/activity-forms";

export const metadata: Metadata = { title: "Your activity" };

type SearchParams = Record<string, string | string[] | undefined>;

const KIND_LABEL = {
  CLAIM: "New claim",
  STANCE: "New stance",
  VERDICT: "Verdict",
  COMMENT: "Comment",
  MENTION: "Mention",
  SOURCE: "Source changed",
  REQUEST: "Your request",
} as const;

/** What changed on what the user watches, and where they were mentioned, since they last looked: newest first. */
export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user } = await pageUser("READER", "/activity");
  const raw = await searchParams;
  const [seenAt, unread, handle, watches, { data, problem }] = await Promise.all([
    activitySeenAt(db, user.id),
    unreadCount(db, user.id),
    handleOf(db, user.id),
    listWatches(db, user.id),
    orProblem(() => listActivity(db, user.id, parseParams(ActivityQuerySchema, { cursor: raw.cursor }))),
  ]);
  const lines = data?.activity ?? [];
  return (
    <>
      <h1>Your activity</h1>
      <p>
        New stances, verdicts, comments and source changes on the claims, sources and topics you watch, and comments that mention you (as @{handle ?? "…"};{" "}
        <a href="/settings#handle-heading">{handle ? "change your handle" : "choose a handle"}</a>), newest first.
      </p>
      {problem ? (
        <p className="problem" role="alert">
          {problem} <a href="/activity">Show the newest</a>.
        </p>
      ) : null}
      {raw.cursor ? null : (
        <p role="status" className="unread-summary">
          {unread === 0 ? "Nothing new since you last looked." : `${unread > UNREAD_CAP ? `More than ${UNREAD_CAP}` : unread} new since you last looked.`}
        </p>
      )}
      {lines.length === 0 && !problem ? <p className="muted">Nothing yet. Watch a claim, a source or a topic from its page.</p> : null}
      <ol className="activity">
        {lines.map((a) => {
          const isNew = !seenAt || a.at > seenAt;
          return (
            <li key={a.id} className={isNew ? "activity-new" : undefined}>
              <p>
                {isNew ? <span className="badge badge-new">New</span> : null} <strong>{KIND_LABEL[a.kind]}</strong>{" "}
                {a.href ? <a href={a.href}>{a.summary}</a> : a.summary}
              </p>
              <p className="muted">
                <time dateTime={a.at.toISOString()}>{a.at.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                {a.by ? <> · by {a.by}</> : null}
                {a.claim ? (
                  <>
                    {" "}
                    · on <a href={`/claims/${a.claim.slug}`}>{a.claim.text}</a>
                  </>
                ) : null}
                {a.source ? (
                  <>
                    {" "}
                    · in <a href={`/sources/${a.source.id}`}>{a.source.title}</a>
                  </>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
      {data?.nextCursor ? (
        <nav className="pager" aria-label="Pages">
          <a href={`/activity?cursor=${encodeURIComponent(data.nextCursor)}`} rel="next">
            Older
          </a>
        </nav>
      ) : null}
      {raw.cursor ? null : <MarkSeen until={lines[0]?.at.toISOString() ?? null} />}

      <section aria-labelledby="watching-heading">
        <h2 id="watching-heading">What you watch</h2>
        {watches.length === 0 ? <p className="muted">Nothing yet.</p> : null}
        <ul className="watches">
          {watches.map((w) => (
            <li key={`${w.kind}:${w.id}`}>
              {w.kind === "claim" ? "Claim" : w.kind === "source" ? "Source" : "Topic"}: <a href={w.href}>{w.name}</a>{" "}
              <WatchButton
                target={w.kind === "claim" ? { claimId: w.id } : w.kind === "source" ? { sourceId: w.id } : { topicId: w.id }}
                watching
                noun={w.kind === "topic" ? "this topic" : `this ${w.kind}`}
              />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
