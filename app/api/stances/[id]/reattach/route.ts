import { db } from "@/lib/db";
import { apiWrite } from "@/lib/http/api-write";
import { reattachStance } from "@/lib/sources/text-versions";

/**
 * Places an orphaned stance in its source's current text (researchers): `{ "version", "quote",
 * "start"?, "end"?, "reason"? }`, the quote verbatim in the current text (decision 0025).
 */
export const POST = apiWrite(async (user, body, { params }: { params: Promise<{ id: string }> }) =>
  reattachStance(db, user, { ...body, id: (await params).id }),
);
