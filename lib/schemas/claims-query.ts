import { z } from "zod";
import { ClaimStatus } from "../../generated/sqlite/enums";
import { SlugSchema } from "./common";

const CURSOR_SHAPE = /^\d{12}:[a-z0-9-]+$/;

/** Cursors are opaque to clients: base64url of the last row's rank key. */
export const encodeCursor = (rankKey: string) => Buffer.from(rankKey, "utf8").toString("base64url");

const CursorSchema = z
  .string()
  .max(400, "is too long")
  .transform((value, ctx) => {
    const decoded = Buffer.from(value, "base64url").toString("utf8");
    if (!CURSOR_SHAPE.test(decoded)) {
      ctx.addIssue({ code: "custom", message: "is not a cursor this API gave out: use nextCursor from the previous page" });
      return z.NEVER;
    }
    return decoded;
  });

const statusValues = Object.values(ClaimStatus).map((s) => s.toLowerCase()) as [string, ...string[]];

/** The claim list's filters, shared by /claims and GET /api/claims. */
export const ClaimListQuerySchema = z.strictObject({
  status: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(statusValues, { error: `must be one of ${statusValues.join(", ")}` }))
    .transform((s) => s.toUpperCase() as ClaimStatus)
    .optional(),
  topic: SlugSchema.optional(),
  /** Claims agreed across camps, or supported by one side only (decision 0024). */
  agreement: z
    .enum(["across", "one-side"], { error: "must be across or one-side" })
    .transform((a) => (a === "across" ? "ACROSS" : "ONE_SIDE") as "ACROSS" | "ONE_SIDE")
    .optional(),
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  limit: z.coerce
    .number({ error: "must be a whole number from 1 to 100" })
    .int("must be a whole number from 1 to 100")
    .min(1, "must be a whole number from 1 to 100")
    .max(100, "must be a whole number from 1 to 100")
    .default(20),
  cursor: CursorSchema.optional(),
});

export type ClaimListQuery = z.infer<typeof ClaimListQuerySchema>;
