import { db } from "@/lib/db";
import { updateActor } from "@/lib/actors/write-actor";
import { apiWrite } from "@/lib/http/api-write";

/** Edits a speaker (researchers); `version` is the one the edit started from. */
export const PATCH = apiWrite(async (user, body, { params }: { params: Promise<{ id: string }> }) => updateActor(db, user, { ...body, id: (await params).id }));
