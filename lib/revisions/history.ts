import type { Db, Tx } from "../database/create-client";
import { AppError } from "../errors";
import type { RevisionEntity } from "../../generated/sqlite/enums";
import type { FieldChanges } from "./record";

const revisionSelect = {
  id: true,
  entityType: true,
  entityId: true,
  version: true,
  action: true,
  changes: true,
  reason: true,
  claimId: true,
  sourceId: true,
  createdAt: true,
  user: { select: { name: true } },
} as const;

type RevisionRow = { changes: string } & Record<string, unknown>;
const withChanges = <R extends RevisionRow>(row: R) => ({ ...row, changes: JSON.parse(row.changes) as FieldChanges });

/** The changes made to one record after `version`, oldest first. */
export async function revisionsSince(db: Db | Tx, entityType: RevisionEntity, entityId: string, version: number) {
  const rows = await db.revision.findMany({
    where: { entityType, entityId, version: { gt: version } },
    orderBy: { version: "asc" },
    select: revisionSelect,
  });
  return rows.map(withChanges);
}

export type RevisionView = Awaited<ReturnType<typeof revisionsSince>>[number];

/**
 * The error for an edit made from an out-of-date copy: it carries what changed since, so
 * the second editor sees it instead of overwriting it.
 */
export async function staleEditError(tx: Tx, entityType: RevisionEntity, entityId: string, noun: string, version: number) {
  const since = await revisionsSince(tx, entityType, entityId, version);
  const who = [...new Set(since.map((r) => r.user?.name ?? "someone"))].join(", ");
  return new AppError(
    "CONFLICT",
    `${who || "Someone"} changed this ${noun} after you opened it, so your edit was not saved. Their changes are below; reload to edit the current version.`,
    "version",
    { revisions: since },
  );
}

/** Every change to a claim and to the stances on it, newest first. */
export function claimHistory(db: Db, claimId: string) {
  return historyWhere(db, { claimId });
}

/** Every change to a source's metadata and to the stances that quote it, newest first. */
export function sourceHistory(db: Db, sourceId: string) {
  return historyWhere(db, { sourceId });
}

async function historyWhere(db: Db, where: { claimId: string } | { sourceId: string }) {
  const rows = await db.revision.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500, select: revisionSelect });
  const stanceIds = rows.filter((r) => r.entityType === "STANCE").map((r) => r.entityId);
  const stances = await db.stance.findMany({
    where: { id: { in: [...new Set(stanceIds)] } },
    select: { id: true, quote: true, claim: { select: { slug: true, text: true } }, source: { select: { id: true, title: true } } },
  });
  const stanceById = new Map(stances.map((s) => [s.id, s]));
  return rows.map((row) => ({ ...withChanges(row), stance: stanceById.get(row.entityId) ?? null }));
}

export type HistoryEntry = Awaited<ReturnType<typeof claimHistory>>[number];
