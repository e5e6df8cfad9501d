import type { Tx } from "../database/create-client";
import { rankKey, summarizeClaim } from "../conflict";

/**
 * Recomputes what a claim stores about its stances (status, counts, score, first
 * appearance, rank key) and writes it only where it changed. Call it inside the
 * transaction that changed the stances, so the summary is never stale.
 */
export async function refreshClaimSummaries(tx: Tx, claimIds: readonly string[]): Promise<number> {
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
      conflictScore: true,
      firstSeenAt: true,
      rankKey: true,
      stances: { select: { position: true, sourceId: true, source: { select: { publishedAt: true } } } },
    },
  });
  let changed = 0;
  for (const { stances, id, slug, ...stored } of claims) {
    const summary = summarizeClaim(stances.map((s) => ({ ...s, publishedAt: s.source.publishedAt })));
    const wanted = { ...summary, rankKey: rankKey(summary.conflictScore, slug) };
    const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).some(
      (key) => String(stored[key] instanceof Date ? stored[key].getTime() : stored[key]) !==
        String(wanted[key] instanceof Date ? wanted[key].getTime() : wanted[key]),
    );
    if (differs) {
      await tx.claim.update({ where: { id }, data: wanted });
      changed += 1;
    }
  }
  return changed;
}
