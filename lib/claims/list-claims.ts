import type { Db } from "../database/create-client";
import type { Prisma } from "../../generated/sqlite/client";
import { AppError } from "../errors";
import { encodeCursor, type ClaimListQuery } from "../schemas/claims-query";
import { matchingClaimIds } from "../search/search";
import { claimRowSelect } from "./selects";
import { getCorpusCounts } from "../stats/get-corpus-counts";

/**
 * One page of claims, most contested first. Keyset pagination on the indexed rank key:
 * each page reads `limit + 1` rows from the index wherever it starts. A search (`q`) keeps the
 * claims the full-text index matches (every word, phrase and prefix), in the list's own order.
 */
export async function listClaims(db: Db, query: ClaimListQuery) {
  const topicId = query.topic ? await topicIdFor(db, query.topic) : undefined;
  const where: Prisma.ClaimWhereInput = {
    retractedAt: null,
    status: query.status,
    topicId,
    agreement: query.agreement,
    id: query.q ? { in: await matchingClaimIds(db, query.q) } : undefined,
  };
  const [rows, total] = await Promise.all([
    db.claim.findMany({
      where: { ...where, rankKey: query.cursor ? { gt: query.cursor } : undefined },
      orderBy: { rankKey: "asc" },
      take: query.limit + 1,
      select: { ...claimRowSelect, rankKey: true },
    }),
    countClaims(db, where),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    claims: page.map(({ rankKey, ...claim }) => claim),
    total,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.rankKey) : null,
  };
}

export type ClaimRow = Awaited<ReturnType<typeof listClaims>>["claims"][number];

/**
 * How many claims match. With no filter, or only "contested", the answer is already kept in
 * CorpusCounts (in step with every write); counting the rows costs a scan on SQLite, because
 * Prisma's count reads the table rather than the index.
 */
async function countClaims(db: Db, where: Prisma.ClaimWhereInput): Promise<number> {
  if (!where.topicId && !where.id && !where.agreement && (!where.status || where.status === "CONTESTED")) {
    const counts = await getCorpusCounts(db);
    return where.status ? counts.contested : counts.claims;
  }
  return db.claim.count({ where });
}

async function topicIdFor(db: Db, slug: string): Promise<string> {
  const topic = await db.topic.findUnique({ where: { slug }, select: { id: true } });
  if (!topic) throw new AppError("INVALID", `The parameter "topic" names no known topic ("${slug}").`, "topic");
  return topic.id;
}

export function listTopics(db: Db) {
  return db.topic.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
