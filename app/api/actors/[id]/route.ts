import { db } from "@/lib/db";
import { getActor } from "@/lib/actors/get-actor";
import { updateActor } from "@/lib/actors/write-actor";
import { actorJson } from "@/lib/http/api-shapes";
import { apiWrite } from "@/lib/http/api-write";
import { jsonRoute } from "@/lib/http/json-route";

export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => actorJson(await getActor(db, { id: (await params).id })));

/** Edits a speaker (researchers); `version` is the one the edit started from. */
export const PATCH = apiWrite(async (user, body, { params }: { params: Promise<{ id: string }> }) => updateActor(db, user, { ...body, id: (await params).id }));
