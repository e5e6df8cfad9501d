import type { Db } from "../database/create-client";
import type { Prisma } from "../../generated/sqlite/client";

export const QUEUE_PAGE_SIZE = 50;

export type QueueFilters = {
  /** Which claims, in which order (QUEUE_ORDERS). */
  show?: "contested" | "disagreed" | "requested" | "across";
  topic?: string;
  /** unreviewed: no verdict yet; reviewed: has one. */
  review: "unreviewed" | "reviewed" | "all";
  /** mine: assigned to the signed-in analyst. */
  assignee: "mine" | "unassigned" | "all";
  page: number;
};

/**
 * The three queues. Contested claims, the strongest conflict first (the weaker side's weight),
 * then the newest evidence: the order compareForReview (lib/conflict.ts) defines, through the
 * [status, retractedAt, conflictWeight] index. Claims the analysts' own assessments disagree on,
 * the widest disagreement first ([retractedAt, disagreement]). Claims readers asked to have
 * checked, the most recently accepted first ([requestedAt]). Claims outlets at both ends of the
 * camps' axis support (decision 0024), the most heavily supported first.
 */
const QUEUE_ORDERS = {
  contested: {
    where: { status: "CONTESTED" },
    orderBy: [{ conflictWeight: "desc" }, { lastEvidenceAt: { sort: "desc", nulls: "last" } }, { slug: "asc" }],
  },
  disagreed: {
    where: { disagreement: { gt: 0 } },
    orderBy: [{ disagreement: "desc" }, { assessmentCount: "desc" }, { slug: "asc" }],
  },
  requested: {
    where: { requestedAt: { not: null } },
    orderBy: [{ requestedAt: "desc" }, { slug: "asc" }],
  },
  across: {
    where: { agreement: "ACROSS" },
    orderBy: [{ supportWeight: "desc" }, { slug: "asc" }],
  },
} satisfies Record<NonNullable<QueueFilters["show"]>, { where: Prisma.ClaimWhereInput; orderBy: Prisma.ClaimOrderByWithRelationInput[] }>;

export async function reviewQueue(db: Db, userId: string, filters: QueueFilters) {
  const queue = QUEUE_ORDERS[filters.show ?? "contested"];
  const where: Prisma.ClaimWhereInput = {
    ...queue.where,
    retractedAt: null,
    ...(filters.topic ? { topic: { slug: filters.topic } } : {}),
    ...(filters.review === "unreviewed" ? { verdict: "UNREVIEWED" } : filters.review === "reviewed" ? { verdict: { not: "UNREVIEWED" } } : {}),
    ...(filters.assignee === "mine" ? { assigneeId: userId } : filters.assignee === "unassigned" ? { assigneeId: null } : {}),
  };
  const [total, claims] = await Promise.all([
    db.claim.count({ where }),
    db.claim.findMany({
      where,
      orderBy: queue.orderBy,
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
        status: true,
        assessmentCount: true,
        disagreement: true,
        requestedAt: true,
        topic: { select: { slug: true, name: true } },
        assignee: { select: { id: true, name: true } },
      },
    }),
  ]);
  return { total, claims, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}
