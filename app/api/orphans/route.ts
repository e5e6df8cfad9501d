import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { listOrphans } from "@/lib/sources/versions-read";

/** Stances whose words their source's current text no longer has (decision 0025), newest first, 50 a page. */
export const GET = jsonRoute(async (request) => {
  const raw = new URL(request.url).searchParams.get("page") ?? "1";
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new AppError("INVALID", "page: must be a whole number from 1", "page");
  const { total, page, pages, stances } = await listOrphans(db, { page: Number(raw) });
  return {
    total,
    page,
    pages,
    orphans: stances.map((s) => ({
      id: s.id,
      version: s.version,
      position: s.position,
      quote: s.quote,
      textVersion: s.anchoredVersion,
      orphanedAt: s.orphanedAt!.toISOString(),
      claim: s.claim,
      source: { id: s.source.id, title: s.source.title, textVersion: s.source.textVersion },
    })),
  };
});
