import type { Db } from "../database/create-client";
import { findByKeys } from "../database/in-chunks";
import { AppError, notFound } from "../errors";
import { DuplicatesQuerySchema, MarkDistinctSchema } from "../schemas/review";
import { defineWrite } from "../write/context";
import { duplicateThreshold } from "./find-duplicates";
import type { LabelledPair } from "./evaluate";
import type { z } from "zod";

// The analysts' side of duplicate claims (decision 0022): the pairs proposed, strongest first,
// each merged (lib/review/merge.ts) or marked distinct here; both decisions are the labels
// `npm run duplicates:evaluate` measures the matcher by.

export const PAIRS_PAGE_SIZE = 25;

const live = { retractedAt: null, mergedIntoId: null };
const claimSelect = { select: { id: true, slug: true, text: true, status: true, sourceCount: true, topic: { select: { name: true } } } } as const;

/** The undecided pairs of live claims at or above the threshold, strongest first. */
export async function listDuplicatePairs(db: Db, query: z.output<typeof DuplicatesQuerySchema>) {
  const threshold = duplicateThreshold();
  const where = { distinctAt: null, score: { gte: threshold }, claimA: live, claimB: live };
  const [total, pairs] = await Promise.all([
    db.claimPair.count({ where }),
    db.claimPair.findMany({
      where,
      orderBy: [{ score: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PAIRS_PAGE_SIZE,
      take: PAIRS_PAGE_SIZE,
      select: { id: true, score: true, method: true, claimA: claimSelect, claimB: claimSelect },
    }),
  ]);
  return { threshold, total, pages: Math.max(1, Math.ceil(total / PAIRS_PAGE_SIZE)), pairs };
}

/** Two claims proposed as one say different things: the pair is kept, marked, and not proposed again. */
export const markDistinct = defineWrite({ role: "ANALYST", doing: "mark claims as distinct", input: MarkDistinctSchema }, async (w, data) => {
  const pair = await w.tx.claimPair.findUnique({ where: { id: data.pairId }, select: { id: true, distinctAt: true } });
  if (!pair) throw notFound("The pair of claims");
  if (pair.distinctAt) throw new AppError("CONFLICT", "These two claims are already marked as distinct.");
  await w.tx.claimPair.update({ where: { id: pair.id }, data: { distinctAt: new Date(), distinctById: w.userId } });
  return { pairId: pair.id };
});

/** The analysts' decisions as labelled pairs: each merge not undone says "the same", each distinct mark "not the same". */
export async function decidedPairs(db: Db): Promise<LabelledPair[]> {
  const [merges, distinct] = await Promise.all([
    db.claimMerge.findMany({ where: { undoneAt: null }, select: { fromClaimId: true, intoClaimId: true } }),
    db.claimPair.findMany({ where: { distinctAt: { not: null } }, select: { claimA: { select: { text: true } }, claimB: { select: { text: true } } } }),
  ]);
  const texts = new Map(
    (
      await findByKeys(
        merges.flatMap((m) => [m.fromClaimId, m.intoClaimId]),
        (ids) => db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } }),
      )
    ).map((c) => [c.id, c.text]),
  );
  return [
    ...merges.map((m) => ({ a: texts.get(m.fromClaimId)!, b: texts.get(m.intoClaimId)!, same: true })),
    ...distinct.map((p) => ({ a: p.claimA.text, b: p.claimB.text, same: false })),
  ];
}
