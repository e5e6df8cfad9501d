import { z } from "zod";
import { db } from "@/lib/db";
import { dialectOf } from "@/lib/database/create-client";
import { suggestClaims } from "@/lib/claims/suggest-claims";
import { similarClaims } from "@/lib/duplicates/find-duplicates";
import { jsonRoute } from "@/lib/http/json-route";
import { parseParams } from "@/lib/schemas/parse-params";

const SuggestQuerySchema = z.strictObject({
  q: z.string().max(5_000, "must be at most 5000 characters").default(""),
  /** A new claim's wording: the claims that may already say it (decision 0022). */
  similar: z.string().max(1_000, "must be at most 1000 characters").optional(),
});

/**
 * Search as you type for the tagging panel: claims sharing the most words with `q` first. With
 * `similar`, the live claims that may say the same as that wording, strongest first, with their scores.
 */
export const GET = jsonRoute(async (request) => {
  const { q, similar } = parseParams(SuggestQuerySchema, new URL(request.url).searchParams);
  if (similar !== undefined) {
    const found = similar.trim() ? await similarClaims({ runner: db, dialect: dialectOf(db) }, similar, { limit: 5 }) : [];
    return { claims: found.map(({ id, slug, text, score, method }) => ({ id, slug, text, score, method })) };
  }
  const claims = await suggestClaims(db, { q });
  return { claims: claims.map(({ id, slug, text, status, topic }) => ({ id, slug, text, status, topic: topic.name })) };
});
