import { db } from "@/lib/db";
import { stanceJson } from "@/lib/http/api-shapes";
import { apiWrite } from "@/lib/http/api-write";
import { jsonRoute } from "@/lib/http/json-route";
import { getStance } from "@/lib/stances/get-stance";
import { updateStance } from "@/lib/stances/write-stance";

export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => stanceJson(await getStance(db, { id: (await params).id })));

/** Changes how a stance reads its passage (researchers); `version` is the one the edit started from. */
export const PATCH = apiWrite(async (user, body, { params }: { params: Promise<{ id: string }> }) =>
  updateStance(db, user, { ...body, id: (await params).id }),
);
