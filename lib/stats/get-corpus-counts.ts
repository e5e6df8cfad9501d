import type { Db } from "../database/create-client";

export async function getCorpusCounts(db: Db) {
  const [claims, contested, sources, stances, actors] = await Promise.all([
    db.claim.count(),
    db.claim.count({ where: { status: "CONTESTED" } }),
    db.source.count(),
    db.stance.count(),
    db.actor.count(),
  ]);
  return { claims, contested, sources, stances, actors };
}
