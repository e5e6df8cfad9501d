import { db } from "@/lib/db";
import { getClaimWithStances, getClaimHeading } from "@/lib/claims/get-claim";
import { claimJson } from "@/lib/http/api-shapes";
import { jsonRoute } from "@/lib/http/json-route";
import { apiWrite } from "@/lib/http/api-write";
import { updateClaim } from "@/lib/claims/write-claim";
import { notFound } from "@/lib/errors";

export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ slug: string }> }) =>
  claimJson(await getClaimWithStances(db, { slug: (await params).slug })),
);

/** Edits a claim's wording or topic (researchers); `version` is the one the edit started from. */
export const PATCH = apiWrite(async (user, body, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const claim = await getClaimHeading(db, slug);
  if (!claim) throw notFound(`The claim "${slug}"`);
  return updateClaim(db, user, { ...body, id: claim.id });
});
