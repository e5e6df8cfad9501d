import { db } from "@/lib/db";
import { getSourceWithStances } from "@/lib/sources/get-source";
import { sourceJson } from "@/lib/http/api-shapes";
import { jsonRoute } from "@/lib/http/json-route";

export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ id: string }> }) =>
  sourceJson(await getSourceWithStances(db, { id: (await params).id })),
);
