import { z } from "zod";
import type { Db } from "../database/create-client";

// The request list (/requests), "most wanted" first: the most distinct requesters, then the newest
// ask, through the [status, askerCount, lastAskedAt] index; one request with its asks; and the
// requests a user made, with what was decided.

export const REQUESTS_PAGE_SIZE = 50;

export const RequestsQuerySchema = z.strictObject({
  status: z.enum(["open", "accepted", "declined"], { error: "must be open, accepted or declined" }).default("open"),
  page: z.coerce.number({ error: "must be a page number" }).int("must be a page number").min(1, "must be 1 or more").max(10_000, "is too far").default(1),
});
export type RequestsQuery = z.output<typeof RequestsQuerySchema>;

const STATUS = { open: "OPEN", accepted: "ACCEPTED", declined: "DECLINED" } as const;

const listSelect = {
  id: true,
  text: true,
  status: true,
  reason: true,
  askerCount: true,
  lastAskedAt: true,
  decidedAt: true,
  claim: { select: { slug: true, text: true } },
} as const;

/**
 * Counting stops here: past it the page says "more than 1,000", and paging goes on by "next"
 * (counting 80,000 open requests cost 10 ms a page on the benchmark; counting to 1,000, under 1).
 */
export const REQUEST_COUNT_CAP = 1_000;

export async function listRequests(db: Db, query: RequestsQuery) {
  const where = { status: STATUS[query.status] };
  const [counted, rows] = await Promise.all([
    db.checkRequest.findMany({ where, select: { id: true }, take: REQUEST_COUNT_CAP + 1 }),
    db.checkRequest.findMany({
      where,
      orderBy: [{ askerCount: "desc" }, { lastAskedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * REQUESTS_PAGE_SIZE,
      take: REQUESTS_PAGE_SIZE + 1,
      select: listSelect,
    }),
  ]);
  const capped = counted.length > REQUEST_COUNT_CAP;
  const total = capped ? null : counted.length;
  return {
    /** null: more than REQUEST_COUNT_CAP. */
    total,
    requests: rows.slice(0, REQUESTS_PAGE_SIZE),
    hasNext: rows.length > REQUESTS_PAGE_SIZE,
    /** null when not counted to the end. */
    pages: total === null ? null : Math.max(1, Math.ceil(total / REQUESTS_PAGE_SIZE)),
  };
}

/** One request with every ask (what each requester wrote; who asked is not shown). */
export async function getRequest(db: Db, id: string) {
  return db.checkRequest.findUnique({
    where: { id },
    select: {
      ...listSelect,
      version: true,
      createdAt: true,
      decidedBy: { select: { name: true } },
      asks: { orderBy: { createdAt: "asc" }, take: 200, select: { id: true, text: true, url: true, why: true, createdAt: true, userId: true } },
    },
  });
}

/** The requests a user asked for, newest ask first. */
export async function myRequests(db: Db, userId: string) {
  const asks = await db.checkAsk.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { createdAt: true, request: { select: listSelect } },
  });
  return asks.map((a) => ({ ...a.request, askedAt: a.createdAt }));
}
