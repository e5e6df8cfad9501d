import { db } from "@/lib/db";
import { listClaims } from "@/lib/claims/list-claims";
import { claimRowJson } from "@/lib/http/api-shapes";
import { jsonRoute } from "@/lib/http/json-route";
import { apiWrite } from "@/lib/http/api-write";
import { createClaim } from "@/lib/claims/write-claim";
import { ClaimListQuerySchema } from "@/lib/schemas/claims-query";
import { parseParams } from "@/lib/schemas/parse-params";

export const GET = jsonRoute(async (request) => {
  const query = parseParams(ClaimListQuerySchema, new URL(request.url).searchParams);
  const page = await listClaims(db, query);
  return { claims: page.claims.map(claimRowJson), total: page.total, nextCursor: page.nextCursor };
});

/** Adds a claim (researchers): one checkable sentence and its topic (id or slug). */
export const POST = apiWrite((user, body) => createClaim(db, user, body), 201);
