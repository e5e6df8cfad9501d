import type { Db, Tx } from "../database/create-client";
import { changedFields } from "../database/sync-rows";
import { rankKey, summarizeClaim } from "../conflict";
import { stanceFact, stanceFactSelect } from "../analysis/stance-facts";

/**
 * Recomputes what a claim stores about its live (unretracted) stances (status, counts, score, first
 * appearance, rank key, weights and origins) and writes it only where it changed. Call it inside the
 * transaction that changed the stances, so the summary is never stale.
 */
export async function refreshClaimSummaries(tx: Tx, claimIds: readonly string[]): Promise<void> {
  const claims = await tx.claim.findMany({
    where: { id: { in: [...claimIds] } },
    select: {
      id: true,
      slug: true,
      status: true,
      supportsCount: true,
      disputesCount: true,
      qualifiesCount: true,
      sourceCount: true,
      stanceCount: true,
      conflictScore: true,
      firstSeenAt: true,
      supportWeight: true,
      disputeWeight: true,
      conflictWeight: true,
      originCount: true,
      lastEvidenceAt: true,
      rankKey: true,
      stances: { where: { retractedAt: null }, select: stanceFactSelect },
    },
  });
  for (const { stances, id, slug, ...stored } of claims) {
    const summary = summarizeClaim(stances.map(stanceFact));
    const changes = changedFields(stored, { ...summary, rankKey: rankKey(summary.conflictScore, slug) });
    if (Object.keys(changes).length > 0) await tx.claim.update({ where: { id }, data: changes });
  }
}

/**
 * Claims whose stored summary predates the weights and origins (a database migrated from
 * before them: live stances but no origin counted) get it computed, 500 at a time. `npm
 * start` runs it after migrating; on an up-to-date database it finds nothing.
 */
export async function summariseMigratedClaims(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.claim.findMany({ where: { stanceCount: { gt: 0 }, originCount: 0 }, select: { id: true }, take: 500 });
    if (batch.length === 0) return done;
    await db.$transaction((tx) => refreshClaimSummaries(tx, batch.map((c) => c.id)), { timeout: 120_000 });
    done += batch.length;
  }
}
