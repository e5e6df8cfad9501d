import type { Db } from "../database/create-client";

/** Every outlet with its grade and how many sources it published (the /outlets page). */
export function listOutletsWithGrades(db: Db) {
  return db.outlet.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      kind: true,
      country: true,
      reliability: true,
      reliabilityReason: true,
      version: true,
      _count: { select: { sources: true } },
    },
  });
}
