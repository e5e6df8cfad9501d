import { z } from "zod";
import { db } from "@/lib/db";
import { suggestClaims } from "@/lib/claims/suggest-claims";
import { jsonRoute } from "@/lib/http/json-route";
import { parseParams } from "@/lib/schemas/parse-params";

const SuggestQuerySchema = z.strictObject({ q: z.string().max(5_000, "must be at most 5000 characters").default("") });

/** Search as you type for the tagging panel: claims sharing the most words with `q` first. */
export const GET = jsonRoute(async (request) => {
  const { q } = parseParams(SuggestQuerySchema, new URL(request.url).searchParams);
  const claims = await suggestClaims(db, { q });
  return { claims: claims.map(({ id, slug, text, status, topic }) => ({ id, slug, text, status, topic: topic.name })) };
});
