import { z } from "zod";
import { db } from "@/lib/db";
import { dialectOf } from "@/lib/database/create-client";
import { getClaimHeading } from "@/lib/claims/get-claim";
import { similarClaims } from "@/lib/duplicates/find-duplicates";
import { notFound } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { parseParams } from "@/lib/schemas/parse-params";

const SimilarQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(50, "must be at most 50").default(10),
});

/** Live claims that may say the same as this one, at or above the threshold setting, strongest first (decision 0022). */
export const GET = jsonRoute(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const { limit } = parseParams(SimilarQuerySchema, new URL(request.url).searchParams);
  const claim = await getClaimHeading(db, slug);
  if (!claim) throw notFound(`The claim "${slug}"`);
  const similar = await similarClaims({ runner: db, dialect: dialectOf(db) }, claim.text, { except: [claim.id], limit });
  return { claims: similar.map(({ slug, text, score, method }) => ({ slug, text, score, method })) };
});
