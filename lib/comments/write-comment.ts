import { AppError, notFound } from "../errors";
import { CommentCreateSchema, CommentEditSchema, CommentHideSchema, CommentRetractSchema } from "../schemas/comments";
import { defineWrite, type WriteContext } from "../write/context";
import { commitVersion, type EditTarget } from "../write/versioned";
import { excerpt } from "../format";
import { usersByHandle } from "../users/handles";
import { mentionsIn } from "./markdown";

// Discussion: signed-in users comment on claims, stances and sources, and reply; an author edits
// (every version kept as a revision) or retracts their own comment; a moderator (an analyst or an
// admin) hides anyone's with a reason. Nothing is deleted. Each write names the pages that show
// the comment (the claim's, the source's), so their cached views are rendered again. A comment's
// revisions name only the comment: they are its own history (/comments/[id]), never part of the
// claim's or source's, where a hidden comment's words would show again.

type Target = { claimId: string | null; stanceId: string | null; sourceId: string | null };

/**
 * The pages that show a comment on this target (a stance's comments are on its claim's page and
 * its source's), and so the claim and source its watchers watch.
 */
async function showComment(w: WriteContext, target: Target): Promise<{ claimId: string | null; sourceId: string | null }> {
  let { claimId, sourceId } = target;
  if (target.stanceId) {
    const stance = await w.tx.stance.findUniqueOrThrow({ where: { id: target.stanceId }, select: { claimId: true, sourceId: true } });
    ({ claimId, sourceId } = stance);
  }
  if (claimId) w.showClaims(claimId);
  if (sourceId) w.sources.add(sourceId);
  return { claimId, sourceId };
}

/**
 * Tells the watchers of what the comment is on, and the users it newly mentions (lib/activity):
 * an edit tells only those its earlier wording did not mention.
 */
async function tellAbout(
  w: WriteContext,
  comment: { id: string; body: string },
  on: { claimId: string | null; sourceId: string | null },
  before: string | null,
) {
  const author = w.writer.name ?? "Someone";
  const href = `/comments/${comment.id}`;
  const line = excerpt(comment.body);
  if (before === null) w.notify({ kind: "COMMENT", summary: `${author} commented: ${line}`, ...on, href });
  const earlier = new Set(before === null ? [] : mentionsIn(before));
  const mentioned = await usersByHandle(
    w.tx,
    mentionsIn(comment.body).filter((h) => !earlier.has(h)),
  );
  if (mentioned.length > 0) {
    w.notify({ kind: "MENTION", summary: `${author} mentioned you: ${line}`, ...on, href, to: mentioned.map((u) => u.id), watched: false });
  }
}

/** Posts a comment, or a reply (on what its comment is on; a reply to a reply joins the same thread). */
export const postComment = defineWrite({ role: "READER", doing: "comment", input: CommentCreateSchema }, async (w, data) => {
  const { tx } = w;
  let target: Target;
  let parentId: string | null = null;
  if (data.parentId) {
    const parent = await tx.comment.findUnique({
      where: { id: data.parentId },
      select: { id: true, parentId: true, claimId: true, stanceId: true, sourceId: true, hiddenAt: true },
    });
    if (!parent) throw notFound("The comment you reply to");
    if (parent.hiddenAt) throw new AppError("CONFLICT", "That comment was hidden by a moderator; it takes no replies.", "parentId");
    parentId = parent.parentId ?? parent.id;
    target = { claimId: parent.claimId, stanceId: parent.stanceId, sourceId: parent.sourceId };
  } else {
    target = { claimId: data.claimId ?? null, stanceId: data.stanceId ?? null, sourceId: data.sourceId ?? null };
    const exists = target.claimId
      ? await tx.claim.findUnique({ where: { id: target.claimId }, select: { id: true } })
      : target.stanceId
        ? await tx.stance.findUnique({ where: { id: target.stanceId }, select: { id: true } })
        : await tx.source.findUnique({ where: { id: target.sourceId! }, select: { id: true } });
    if (!exists) throw notFound(target.claimId ? "The claim" : target.stanceId ? "The stance" : "The source");
  }
  const comment = await tx.comment.create({ data: { ...target, parentId, userId: w.userId, body: data.body }, select: { id: true, version: true } });
  await w.revise({
    entityType: "COMMENT",
    entityId: comment.id,
    version: 1,
    action: "CREATE",
    changes: { body: [null, data.body] },
  });
  await tellAbout(w, { id: comment.id, body: data.body }, await showComment(w, target), null);
  return comment;
});

/**
 * A retracted or hidden comment's words leave the activity lines that quoted them too: they say
 * what became of it instead.
 */
async function unquote(w: WriteContext, commentId: string, became: string): Promise<void> {
  await w.tx.activity.updateMany({ where: { href: `/comments/${commentId}` }, data: { summary: became } });
}

/** The comment, for a change by its author or a moderator. */
async function commentFor(w: WriteContext, id: string) {
  const comment = await w.tx.comment.findUnique({
    where: { id },
    select: { id: true, userId: true, body: true, version: true, retractedAt: true, hiddenAt: true, claimId: true, stanceId: true, sourceId: true },
  });
  if (!comment) throw notFound("The comment");
  return comment;
}

function ownComment(w: WriteContext, comment: { userId: string | null }, doing: string): void {
  if (comment.userId === null || comment.userId !== w.userId) throw new AppError("FORBIDDEN", `Only its author can ${doing} a comment.`);
}

const target = (id: string, expected: number): EditTarget => ({ entityType: "COMMENT", noun: "comment", id, expected });

/** Edits one's own comment; the earlier wording stays in its history. */
export const editComment = defineWrite({ role: "READER", doing: "edit comments", input: CommentEditSchema }, async (w, data) => {
  const comment = await commentFor(w, data.id);
  ownComment(w, comment, "edit");
  if (comment.retractedAt || comment.hiddenAt) throw new AppError("CONFLICT", "A retracted or hidden comment cannot be edited.");
  if (comment.body === data.body) return { id: comment.id, version: comment.version, changed: false };
  const version = await commitVersion(
    w,
    target(comment.id, data.version),
    (where) => w.tx.comment.updateMany({ where, data: { body: data.body, version: { increment: 1 } } }),
    { action: "UPDATE", changes: { body: [comment.body, data.body] } },
  );
  await tellAbout(w, { id: comment.id, body: data.body }, await showComment(w, comment), comment.body);
  return { id: comment.id, version, changed: true };
});

/** Retracts one's own comment: it stays in the thread as "retracted by its author", without its words. */
export const retractComment = defineWrite({ role: "READER", doing: "retract comments", input: CommentRetractSchema }, async (w, data) => {
  const comment = await commentFor(w, data.id);
  ownComment(w, comment, "retract");
  if (comment.retractedAt) throw new AppError("CONFLICT", "This comment is already retracted.");
  const retractedAt = new Date();
  const version = await commitVersion(
    w,
    target(comment.id, data.version),
    (where) => w.tx.comment.updateMany({ where, data: { retractedAt, version: { increment: 1 } } }),
    { action: "RETRACT", changes: { retractedAt: [null, retractedAt] } },
  );
  await unquote(w, comment.id, "A comment, since retracted by its author.");
  await showComment(w, comment);
  return { id: comment.id, version };
});

/** A moderator (analyst or admin) hides a comment, saying why; the reason is shown in its place. */
export const hideComment = defineWrite({ role: "ANALYST", doing: "hide comments", input: CommentHideSchema }, async (w, data) => {
  const comment = await commentFor(w, data.id);
  if (comment.hiddenAt) throw new AppError("CONFLICT", "This comment is already hidden.");
  const hiddenAt = new Date();
  const version = await commitVersion(
    w,
    target(comment.id, data.version),
    (where) => w.tx.comment.updateMany({ where, data: { hiddenAt, hiddenById: w.userId, hiddenReason: data.reason, version: { increment: 1 } } }),
    {
      action: "HIDE",
      changes: { hiddenAt: [null, hiddenAt], hiddenReason: [null, data.reason] },
      reason: data.reason,
    },
  );
  await unquote(w, comment.id, `A comment, since hidden by a moderator: ${data.reason}`);
  await showComment(w, comment);
  return { id: comment.id, version };
});
