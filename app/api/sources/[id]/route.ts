import { db } from "@/lib/db";
import { getSourceWithStances } from "@/lib/sources/get-source";
import { sourceJson } from "@/lib/http/api-shapes";
import { jsonRoute } from "@/lib/http/json-route";
import { apiWrite } from "@/lib/http/api-write";
import { updateSource } from "@/lib/sources/write-source";

export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ id: string }> }) =>
  sourceJson(await getSourceWithStances(db, { id: (await params).id })),
);

/** Edits a source's details (researchers); `version` is the one the edit started from. */
export const PATCH = apiWrite(async (user, body, { params }: { params: Promise<{ id: string }> }) =>
  updateSource(db, user, { ...body, id: (await params).id }),
);
