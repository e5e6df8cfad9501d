import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/roles";
import { commentHistory, getComment } from "@/lib/comments/list-comments";
import { commentHtml } from "@/lib/comments/markdown";
import { CommentForm, EditCommentForm, HideCommentForm, RetractCommentForm } from "../../_components/forms/comment-forms";

export const metadata: Metadata = { title: "Comment" };

const ACTION: Record<string, string> = { CREATE: "Posted", UPDATE: "Edited", RETRACT: "Retracted", HIDE: "Hidden" };

/** One comment: what it is on, its words, its history, and what this reader may do with it (reply, edit, retract, hide). */
export default async function CommentPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, user] = await Promise.all([params, currentUser()]);
  const comment = await getComment(db, id);
  if (!comment) notFound();
  const live = !comment.hiddenAt && !comment.retractedAt;
  const own = user !== null && comment.userId === user.id;
  const history = await commentHistory(db, comment.id);
  const on = comment.stance
    ? {
        href: `/claims/${comment.stance.claim.slug}#comment-${comment.id}`,
        words: `the passage “${comment.stance.quote}” on the claim “${comment.stance.claim.text}”`,
      }
    : comment.claim
      ? { href: `/claims/${comment.claim.slug}#comment-${comment.id}`, words: `the claim “${comment.claim.text}”` }
      : { href: `/sources/${comment.source!.id}#comment-${comment.id}`, words: `the source “${comment.source!.title}”` };
  return (
    <>
      <p className="eyebrow">
        Comment on <a href={on.href}>{on.words}</a>
      </p>
      <h1>{`Comment by ${comment.user?.name ?? "a former account"}`}</h1>
      {live ? (
        // Made by lib/comments/markdown.ts with raw HTML off.
        <div className="comment-body" dangerouslySetInnerHTML={{ __html: commentHtml(comment.body) }} />
      ) : (
        <p className="muted">{comment.hiddenAt ? `Hidden by a moderator: ${comment.hiddenReason}` : "Retracted by its author."}</p>
      )}
      {user && !comment.hiddenAt ? (
        <section aria-labelledby="reply">
          <h2 id="reply">Reply</h2>
          <CommentForm on={{ parentId: comment.id }} label="Your reply" id="comment-reply" />
        </section>
      ) : null}
      {own && live ? (
        <section aria-labelledby="yours">
          <h2 id="yours">Edit or retract your comment</h2>
          <EditCommentForm id={comment.id} version={comment.version} body={comment.body} />
          <RetractCommentForm id={comment.id} version={comment.version} />
        </section>
      ) : null}
      {hasRole(user, "ANALYST") && !comment.hiddenAt ? (
        <section aria-labelledby="moderate">
          <h2 id="moderate">Moderate</h2>
          <HideCommentForm id={comment.id} version={comment.version} />
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <ol className="history">
          {history.map((revision) => (
            <li key={revision.id}>
              <strong>{ACTION[revision.action] ?? revision.action}</strong>
              {` by ${revision.user?.name ?? "a former account"} on ${revision.createdAt.toISOString().slice(0, 10)}`}
              {/* The words of earlier versions are shown while the comment stands; a hidden or retracted one keeps them to itself. */}
              {live && revision.changes.body ? <blockquote className="comment-version">{String(revision.changes.body[1])}</blockquote> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
