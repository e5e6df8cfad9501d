import { z } from "zod";

/** /sources pages newest first; `after` is the id of the last source on the previous page. */
export const SourceListQuerySchema = z.strictObject({
  after: z.string().max(200, "must be at most 200 characters").optional(),
});

export type SourceListQuery = z.infer<typeof SourceListQuerySchema>;
