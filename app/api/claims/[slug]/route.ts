import { db } from "@/lib/db";
import { getClaimWithStances } from "@/lib/claims/get-claim";
import { claimJson } from "@/lib/http/api-shapes";
import { jsonRoute } from "@/lib/http/json-route";

export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ slug: string }> }) =>
  claimJson(await getClaimWithStances(db, { slug: (await params).slug })),
);
