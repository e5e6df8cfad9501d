import type { ReactNode } from "react";
import type { CommentView } from "@/lib/comments/list-comments";

/** A page's discussion: threads oldest first, each with its replies, and the form to add one. */
export function Discussion({ comments, form, empty }: { comments: CommentView[]; form: ReactNode; empty: string }) {
  return (
    <section aria-labelledby="discussion">
      <h2 id="discussion">Discussion</h2>
      {comments.length === 0 ? <p className="muted">{empty}</p> : null}
      {comments.map((comment) => (
        <Comment key={comment.id} comment={comment} />
      ))}
      {form ?? (
        <p>
          <a href="/sign-in">Sign in</a> to take part.
        </p>
      )}
    </section>
  );
}

function Comment({ comment }: { comment: CommentView }) {
  const author = comment.author ?? "a former account";
  return (
    <article className="comment" id={`comment-${comment.id}`} aria-label={`Comment by ${author}`}>
      <p className="comment-meta">
        <strong>{author}</strong>
        {` · ${comment.createdAt.toISOString().slice(0, 10)}${comment.edited ? " · edited" : ""}`}
        {comment.on.kind === "stance" ? ` · on the passage “${comment.on.quote}”` : null} · <a href={`/comments/${comment.id}`}>Reply, edit or hide</a>
      </p>
      {comment.state === "live" ? (
        // Made by lib/comments/markdown.ts with raw HTML off: no tag a comment contains reaches the page as a tag.
        <div className="comment-body" dangerouslySetInnerHTML={{ __html: comment.html! }} />
      ) : (
        <p className="muted">{comment.state === "retracted" ? "Retracted by its author." : `Hidden by a moderator: ${comment.hiddenReason}`}</p>
      )}
      {comment.replies.map((reply) => (
        <Comment key={reply.id} comment={reply} />
      ))}
    </article>
  );
}
