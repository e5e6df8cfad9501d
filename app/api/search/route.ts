import { db } from "@/lib/db";
import { jsonRoute } from "@/lib/http/json-route";
import { search } from "@/lib/search/search";
import { SearchQuerySchema } from "@/lib/schemas/search-query";
import { parseParams } from "@/lib/schemas/parse-params";

/** Ranked full-text search over claims, sources and quotes (lib/search/search.ts). */
export const GET = jsonRoute(async (request) => search(db, parseParams(SearchQuerySchema, new URL(request.url).searchParams)));
