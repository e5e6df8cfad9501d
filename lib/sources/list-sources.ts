import { dialectOf, type Db } from "../database/create-client";
import { AppError } from "../errors";

export const SOURCES_PAGE_SIZE = 50;

/** Sources newest first (undated last), a page at a time from the (publishedAt, id) index. */
export async function listSources(db: Db, { after }: { after?: string } = {}) {
  if (after && !(await db.source.findUnique({ where: { id: after }, select: { id: true } }))) {
    throw new AppError("INVALID", `The parameter "after" names no source ("${after.slice(0, 80)}").`, "after");
  }
  const rows = await db.source.findMany({
    // Undated last. SQLite puts NULLs last in a descending order by itself and reads it from the
    // index; Prisma's explicit "nulls last" made it sort every source (12 ms of 50,000).
    orderBy: [{ publishedAt: dialectOf(db) === "sqlite" ? "desc" : { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: SOURCES_PAGE_SIZE + 1,
    ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    select: {
      id: true,
      title: true,
      kind: true,
      language: true,
      publishedAt: true,
      datePrecision: true,
      outlet: { select: { name: true, kind: true } },
      authors: { select: { name: true }, orderBy: { position: "asc" } },
    },
  });
  const page = rows.slice(0, SOURCES_PAGE_SIZE);
  // The page's live stances counted apart: as a nested _count Prisma counted every source's
  // stances before taking the page (2.8 s on 50,000 sources and 500,000 stances).
  const counts = await db.stance.groupBy({
    by: ["sourceId"],
    where: { sourceId: { in: page.map((s) => s.id) }, retractedAt: null, claim: { retractedAt: null } },
    _count: { _all: true },
  });
  const stances = new Map(counts.map((c) => [c.sourceId, c._count._all]));
  return {
    sources: page.map((source) => ({ ...source, _count: { stances: stances.get(source.id) ?? 0 } })),
    nextAfter: rows.length > SOURCES_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
