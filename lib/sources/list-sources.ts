import type { Db } from "../database/create-client";
import { AppError } from "../errors";

export const SOURCES_PAGE_SIZE = 50;

/** Sources newest first (undated last), a page at a time from the (publishedAt, id) index. */
export async function listSources(db: Db, { after }: { after?: string } = {}) {
  if (after && !(await db.source.findUnique({ where: { id: after }, select: { id: true } }))) {
    throw new AppError("INVALID", `The parameter "after" names no source ("${after.slice(0, 80)}").`, "after");
  }
  const rows = await db.source.findMany({
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
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
      _count: { select: { stances: { where: { retractedAt: null, claim: { retractedAt: null } } } } },
    },
  });
  const page = rows.slice(0, SOURCES_PAGE_SIZE);
  return { sources: page, nextAfter: rows.length > SOURCES_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null };
}
