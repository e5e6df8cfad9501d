import { z } from "zod";
import type { Db } from "../database/create-client";
import { AppError } from "../errors";
import { defineWrite } from "../write/context";
import { UNREAD_CAP } from "./unread-cap";

// A user's activity page and GET /api/activity: their rows (lib/write/deliver-activity.ts), newest
// first, paged by a cursor on [createdAt, id], read through the [userId, createdAt, id] index.

export const ACTIVITY_PAGE_SIZE = 50;
export { UNREAD_CAP } from "./unread-cap";

export const ActivityQuerySchema = z.strictObject({
  since: z.iso
    .datetime({ error: "must be an ISO date and time such as 2026-12-01T00:00:00Z" })
    .optional()
    .transform((v) => (v ? new Date(v) : undefined)),
  cursor: z.string().max(100, "is not a cursor from this list").optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .default(ACTIVITY_PAGE_SIZE),
});
export type ActivityQuery = { since?: Date; cursor?: string; limit: number };

/** The cursor is the last line's time and id: the next page starts after it. */
function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.getTime()}.${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString().split(".");
  const at = Number(time);
  if (!id || !Number.isSafeInteger(at)) throw new AppError("INVALID", "is not a cursor from this list", "cursor");
  return { createdAt: new Date(at), id };
}

export async function listActivity(db: Db, userId: string, query: ActivityQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.activity.findMany({
    where: {
      userId,
      ...(query.since ? { createdAt: { gt: query.since } } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      kind: true,
      summary: true,
      href: true,
      createdAt: true,
      claim: { select: { slug: true, text: true } },
      source: { select: { id: true, title: true } },
      by: { select: { name: true } },
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    activity: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      summary: r.summary,
      at: r.createdAt,
      by: r.by?.name ?? null,
      claim: r.claim,
      source: r.source,
      href: r.href,
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
  };
}

/** How many lines are newer than the user's last visit to their activity page, up to UNREAD_CAP + 1. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { activitySeenAt: true } });
  const rows = await db.activity.findMany({
    where: { userId, ...(user?.activitySeenAt ? { createdAt: { gt: user.activitySeenAt } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: UNREAD_CAP + 1,
    select: { id: true },
  });
  return rows.length;
}

/** When the user last looked: lines after it are shown as new. */
export async function activitySeenAt(db: Db, userId: string): Promise<Date | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { activitySeenAt: true } }))?.activitySeenAt ?? null;
}

/**
 * The user has seen their activity up to `until` (the newest line their page showed): lines
 * delivered after it stay unread. It never moves back, nor past now.
 */
export const markActivitySeen = defineWrite(
  { role: "READER", doing: "keep track of what you have read", input: z.strictObject({ until: z.iso.datetime({ error: "must be an ISO date and time" }) }) },
  async (w, data) => {
    const until = new Date(Math.min(new Date(data.until).getTime(), Date.now()));
    const { count } = await w.tx.user.updateMany({
      where: { id: w.userId!, OR: [{ activitySeenAt: null }, { activitySeenAt: { lt: until } }] },
      data: { activitySeenAt: until },
    });
    return { changed: count > 0 };
  },
);
