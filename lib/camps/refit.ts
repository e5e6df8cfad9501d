import type { Db } from "../database/create-client";
import { findByKeys } from "../database/in-chunks";
import { runWrite } from "../write/context";
import { agreementOf, fitCamps, type Agreement, type Vote } from "./fit";

// Agreement across camps, stored (decision 0024): the axis fitted from every live stance, each
// outlet's place on it and each claim's mark, written in one write so that pages and lists read
// them from their rows. Run in the background after writes (lib/camps/schedule.ts), by
// `npm run camps:fit`, and by `npm start`; never while a reader waits.

type Row = { outletId: string; claimId: string; supports: number | bigint; disputes: number | bigint };

/** An outlet's side on each claim: +1 when its sources only support it, −1 when they only dispute it; no side when they do both, or only qualify. */
async function outletVotes(db: Db): Promise<Vote[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT s."outletId" AS "outletId", st."claimId" AS "claimId",
            SUM(CASE WHEN st."position" = 'SUPPORTS' THEN 1 ELSE 0 END) AS supports,
            SUM(CASE WHEN st."position" = 'DISPUTES' THEN 1 ELSE 0 END) AS disputes
     FROM "Stance" st JOIN "Source" s ON s."id" = st."sourceId" JOIN "Claim" c ON c."id" = st."claimId"
     WHERE st."retractedAt" IS NULL AND c."retractedAt" IS NULL
     GROUP BY s."outletId", st."claimId"`,
  );
  return rows.flatMap((r): Vote[] => {
    const [supports, disputes] = [Number(r.supports), Number(r.disputes)];
    if (supports > 0 && disputes === 0) return [{ outlet: r.outletId, claim: r.claimId, value: 1 }];
    if (disputes > 0 && supports === 0) return [{ outlet: r.outletId, claim: r.claimId, value: -1 }];
    return [];
  });
}

/** Whether a claim's summary changed since the axis was last fitted (or it never was): `npm start` fits it again only then. */
export async function campsStale(db: Db): Promise<boolean> {
  const axis = await db.campAxis.findUnique({ where: { id: 1 }, select: { fittedAt: true } });
  if (!axis) return true;
  return (await db.claim.count({ where: { updatedAt: { gt: axis.fittedAt } }, take: 1 })) > 0;
}

export type Refit = { explained: number; placed: number; across: number; oneSide: number; changedClaims: number; changedOutlets: number };

/** Fits the axis again and stores what changed: the outlets' places, the claims' marks, the axis itself. */
export async function refitCamps(db: Db): Promise<Refit> {
  const votes = await outletVotes(db);
  const fit = fitCamps(votes);
  const byClaim = new Map<string, Vote[]>();
  for (const v of votes) if (fit.outlets.has(v.outlet)) byClaim.set(v.claim, [...(byClaim.get(v.claim) ?? []), v]);
  const marks = new Map<string, Agreement>();
  for (const [claim, vs] of byClaim) {
    const mark = agreementOf(
      vs.map((v) => ({ place: fit.outlets.get(v.outlet)!, value: v.value })),
      fit,
    );
    if (mark) marks.set(claim, mark);
  }
  return runWrite(
    db,
    { userId: null, role: "ADMIN" },
    async (w) => {
      const { tx } = w;
      const outlets = await tx.outlet.findMany({ select: { id: true, campPlace: true } });
      const movedOutlets = outlets.filter((o) => (fit.outlets.get(o.id) ?? null) !== o.campPlace);
      for (const o of movedOutlets) await tx.outlet.update({ where: { id: o.id }, data: { campPlace: fit.outlets.get(o.id) ?? null } });
      const marked = await tx.claim.findMany({ where: { agreement: { not: null } }, select: { id: true, agreement: true } });
      const was = new Map(marked.map((c) => [c.id, c.agreement]));
      const changed = [...new Set([...was.keys(), ...marks.keys()])].filter((id) => (was.get(id) ?? null) !== (marks.get(id) ?? null));
      for (const agreement of ["ACROSS", "ONE_SIDE", null] as const) {
        const ids = changed.filter((id) => (marks.get(id) ?? null) === agreement);
        await findByKeys(ids, async (chunk) => [await tx.claim.updateMany({ where: { id: { in: chunk } }, data: { agreement } })]);
      }
      const axis = { explained: fit.explained, outlets: fit.outlets.size, votes: votes.length, fittedAt: new Date() };
      await tx.campAxis.upsert({ where: { id: 1 }, create: { id: 1, ...axis }, update: axis });
      // The claims' pages and the lists that filter by the mark; the outlets' places show on the claims' pages.
      w.showWhereQuoted(...changed);
      for (const o of movedOutlets) w.outlets.add(o.id);
      if (movedOutlets.length > 0) await Promise.all(movedOutlets.map((o) => w.showChangedGrade({ outletId: o.id })));
      return {
        explained: fit.explained,
        placed: fit.outlets.size,
        across: [...marks.values()].filter((m) => m === "ACROSS").length,
        oneSide: [...marks.values()].filter((m) => m === "ONE_SIDE").length,
        changedClaims: changed.length,
        changedOutlets: movedOutlets.length,
      };
    },
    { revisions: false, timeout: 120_000 },
  );
}
