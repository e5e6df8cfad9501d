import type { Tx } from "../database/create-client";

/**
 * Recounts the corpus and stores the counts, inside the writing transaction. Writes only
 * when a count changed, so an idempotent load leaves the row (and its updatedAt) alone.
 */
export async function refreshCorpusCounts(tx: Tx): Promise<void> {
  const [claims, contested, sources, stances, actors] = await Promise.all([
    tx.claim.count(),
    tx.claim.count({ where: { status: "CONTESTED" } }),
    tx.source.count(),
    tx.stance.count(),
    tx.actor.count(),
  ]);
  const wanted = { claims, contested, sources, stances, actors };
  const stored = await tx.corpusCounts.findUnique({ where: { id: 1 } });
  if (stored && (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => stored[k] === wanted[k])) return;
  await tx.corpusCounts.upsert({ where: { id: 1 }, create: { id: 1, ...wanted }, update: wanted });
}
