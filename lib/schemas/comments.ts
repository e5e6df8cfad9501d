import { z } from "zod";
import { TextSchema } from "./common";
import { Id, Version } from "./writes";
import { MAX_COMMENT_CHARS } from "./comment-limits";

const Body = TextSchema(MAX_COMMENT_CHARS);

/**
 * A new comment: on a claim, a stance or a source (exactly one), or a reply to a comment (which
 * then says what it is on).
 */
export const CommentCreateSchema = z
  .strictObject({
    claimId: Id.optional(),
    stanceId: Id.optional(),
    sourceId: Id.optional(),
    parentId: Id.optional(),
    body: Body,
  })
  .superRefine((data, ctx) => {
    const targets = [data.claimId, data.stanceId, data.sourceId].filter((t) => t !== undefined).length;
    if (data.parentId === undefined && targets !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["claimId"],
        message: "say what the comment is on: one of claimId, stanceId or sourceId (or parentId for a reply)",
      });
    }
    if (data.parentId !== undefined && targets > 0) {
      ctx.addIssue({ code: "custom", path: ["parentId"], message: "a reply is on what its comment is on: give parentId alone" });
    }
  });
export type CommentCreateInput = z.input<typeof CommentCreateSchema>;

export const CommentEditSchema = z.strictObject({ id: Id, version: Version, body: Body });
export const CommentRetractSchema = z.strictObject({ id: Id, version: Version });
export const CommentHideSchema = z.strictObject({ id: Id, version: Version, reason: TextSchema(1_000) });
