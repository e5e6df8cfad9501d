import type { Db } from "../database/create-client";
import type { Prisma } from "../../generated/sqlite/client";

export const QUEUE_PAGE_SIZE = 50;

export type QueueFilters = {
  topic?: string;
  /** unreviewed: no verdict yet; reviewed: has one. */
  review: "unreviewed" | "reviewed" | "all";
  /** mine: assigned to the signed-in analyst. */
  assignee: "mine" | "unassigned" | "all";
  page: number;
};

/**
 * The contested claims an analyst should look at, the strongest conflict first (the weaker
 * side's weight), then the newest evidence: the order compareForReview (lib/conflict.ts)
 * defines, asked of the database through the [status, retractedAt, conflictWeight] index.
 */
export async function reviewQueue(db: Db, userId: string, filters: QueueFilters) {
  const where: Prisma.ClaimWhereInput = {
    status: "CONTESTED",
    retractedAt: null,
    ...(filters.topic ? { topic: { slug: filters.topic } } : {}),
    ...(filters.review === "unreviewed" ? { verdict: "UNREVIEWED" } : filters.review === "reviewed" ? { verdict: { not: "UNREVIEWED" } } : {}),
    ...(filters.assignee === "mine" ? { assigneeId: userId } : filters.assignee === "unassigned" ? { assigneeId: null } : {}),
  };
  const [total, claims] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: [{ conflictWeight: "desc" }, { lastEvidenceAt: { sort: "desc", nulls: "last" } }, { slug: "asc" }],
      skip: (filters.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        text: true,
        supportWeight: true,
        disputeWeight: true,
        conflictWeight: true,
        supportsCount: true,
        disputesCount: true,
        originCount: true,
        sourceCount: true,
        lastEvidenceAt: true,
        verdict: true,
        topic: { select: { slug: true, name: true } },
        assignee: { select: { id: true, name: true } },
      },
    }),
  ]);
  return { total, claims, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}
