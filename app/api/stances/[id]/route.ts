import { db } from "@/lib/db";
import { apiWrite } from "@/lib/http/api-write";
import { updateStance } from "@/lib/stances/write-stance";

/** Changes how a stance reads its passage (researchers); `version` is the one the edit started from. */
export const PATCH = apiWrite(async (user, body, { params }: { params: Promise<{ id: string }> }) => updateStance(db, user, { ...body, id: (await params).id }));
