import type { Db } from "../database/create-client";

/** The corpus counts for the home page: one row, whatever the corpus size. */
export async function getCorpusCounts(db: Db) {
  const row = await db.corpusCounts.findUnique({
    where: { id: 1 },
    select: { claims: true, contested: true, sources: true, stances: true, actors: true },
  });
  return row ?? { claims: 0, contested: 0, sources: 0, stances: 0, actors: 0 };
}
