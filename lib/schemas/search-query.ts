import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../search/query";
import { MAX_SEARCH_LIMIT, SEARCH_TYPES } from "../search/search";

const limitMessage = `must be a whole number from 1 to ${MAX_SEARCH_LIMIT}`;

/**
 * GET /api/search and /search. The query's own syntax (words, "phrases", prefix*) is read by
 * lib/search/query.ts, which says what is wrong with a malformed one; here only its length.
 */
export const SearchQuerySchema = z.strictObject({
  q: z
    .string({ error: "is required: the words to search for" })
    .trim()
    .min(1, "is required: the words to search for")
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`),
  type: z.enum(SEARCH_TYPES, { error: `must be one of ${SEARCH_TYPES.join(", ")}` }).optional(),
  limit: z.coerce.number({ error: limitMessage }).int(limitMessage).min(1, limitMessage).max(MAX_SEARCH_LIMIT, limitMessage).default(20),
  cursor: z.string().max(100, "is not a cursor this search gave out: use nextCursor from the previous page").optional(),
});

export type SearchQueryParams = z.infer<typeof SearchQuerySchema>;
