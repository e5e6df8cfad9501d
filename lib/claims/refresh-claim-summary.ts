import type { Tx } from "../database/create-client";
import { changedFields } from "../database/sync-rows";
import { rankKey, summarizeClaim } from "../conflict";

/**
 * Recomputes what a claim stores about its live (unretracted) stances (status, counts, score, first
 * appearance, rank key) and writes it only where it changed. Call it inside the
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
      rankKey: true,
      stances: { where: { retractedAt: null }, select: { position: true, sourceId: true, source: { select: { publishedAt: true } } } },
    },
  });
  for (const { stances, id, slug, ...stored } of claims) {
    const summary = summarizeClaim(stances.map((s) => ({ ...s, publishedAt: s.source.publishedAt })));
    const changes = changedFields(stored, { ...summary, rankKey: rankKey(summary.conflictScore, slug) });
    if (Object.keys(changes).length > 0) await tx.claim.update({ where: { id }, data: changes });
  }
}
