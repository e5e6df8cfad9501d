import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiWrite } from "@/lib/http/api-write";
import { jsonRoute } from "@/lib/http/json-route";
import { addSourceText, refetchSource } from "@/lib/sources/text-versions";
import { listSourceVersions } from "@/lib/sources/versions-read";

type Context = { params: Promise<{ id: string }> };

/** Every text the source has had, newest first (decision 0025); each one's words are at /api/sources/{id}/versions/{number}. */
export const GET = jsonRoute(async (_request, { params }: Context) => {
  const { source, versions } = await listSourceVersions(db, (await params).id);
  return {
    textVersion: source.textVersion,
    versions: versions.map((v) => ({
      number: v.number,
      current: v.number === source.textVersion,
      sha256: v.contentHash,
      origin: v.origin,
      fetchedAt: v.fetchedAt.toISOString(),
      replacedAt: v.replacedAt?.toISOString() ?? null,
      reason: v.reason,
      characters: v.text.length,
    })),
  };
});

/**
 * A new text of the source (researchers): `{ "version", "text", "reason"? }` uploads a corrected
 * text; `{ "version", "refetch": true, "reason"? }` fetches its address again. Every stance is
 * re-anchored in it; 201 with what became of them, or 200 `{ "changed": false }` when the text is
 * the current one.
 */
export const POST = apiWrite(async (user, body, { params }: Context) => {
  const id = (await params).id;
  let result;
  if ("refetch" in body) {
    const { refetch, ...rest } = body;
    if (refetch !== true) throw new AppError("INVALID", 'refetch: must be true, or left out to upload a "text"', "refetch");
    result = await refetchSource(db, user, { ...rest, id });
  } else result = await addSourceText(db, user, { ...body, id });
  return NextResponse.json(result, { status: result.changed ? 201 : 200 });
});
