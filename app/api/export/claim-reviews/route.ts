import { db } from "@/lib/db";
import { allClaimReviews } from "@/lib/export/claim-review";
import { errorResponse } from "@/lib/http/json-route";
import { siteOrigin } from "@/lib/http/origin";
import { perRequest } from "@/lib/http/per-request";

/** Every claim with a verdict as schema.org ClaimReview, one JSON-LD graph, as a download. */
export async function GET(request: Request) {
  await perRequest();
  try {
    const reviews = await allClaimReviews(db, siteOrigin(request));
    const graph = { "@context": "https://schema.org", "@graph": reviews.map(({ "@context": _, ...review }) => review) };
    return new Response(JSON.stringify(graph, null, 2), {
      headers: { "content-type": "application/ld+json; charset=utf-8", "content-disposition": 'attachment; filename="corroborate-claim-reviews.jsonld"' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
