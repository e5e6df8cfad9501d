import type { Tx, TxConnection } from "../database/create-client";
import { insertRows } from "../database/insert-rows";
import type { RevisionAction, RevisionEntity } from "../../generated/sqlite/enums";

/** field -> [before, after]. Dates are stored as ISO strings, absent values as null. */
export type FieldChanges = Record<string, [unknown, unknown]>;

const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/** The fields of `after` whose values differ from `before`. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(after)) {
    const was = plain(before[field]);
    const now = plain(value);
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[field] = [was, now];
  }
  return changes;
}

/** A new record's fields as changes from nothing: diffFields({}, fields), without comparing each value with nothing (an import makes 100,000). */
export function createdFields(fields: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(fields)) {
    const now = plain(value);
    if (now !== null) changes[field] = [null, now];
  }
  return changes;
}

export type RevisionInput = {
  entityType: RevisionEntity;
  entityId: string;
  version: number;
  action: RevisionAction;
  changes: FieldChanges;
  reason?: string | null;
  claimId?: string | null;
  sourceId?: string | null;
  userId: string | null;
};

/** A revision as its row: the changes as JSON text, a blank reason as none. Written out field by field: an import makes 100,000. */
const revisionRow = (r: Omit<RevisionInput, "userId">, userId: string | null) => ({
  entityType: r.entityType,
  entityId: r.entityId,
  version: r.version,
  action: r.action,
  changes: JSON.stringify(r.changes),
  reason: r.reason?.trim() || null,
  claimId: r.claimId ?? null,
  sourceId: r.sourceId ?? null,
  userId,
});

/** Records one change; call it in the transaction that makes the change. */
export async function recordRevision(tx: Tx, revision: RevisionInput): Promise<void> {
  await tx.revision.create({ data: revisionRow(revision, revision.userId) });
}

/** Records many changes in as few statements as can hold them (a merge moves every stance of a claim; an import adds thousands). */
export async function recordRevisions(target: TxConnection, revisions: readonly Omit<RevisionInput, "userId">[], userId: string | null): Promise<void> {
  await insertRows(
    target,
    "Revision",
    revisions.map((r) => revisionRow(r, userId)),
  );
}

/**
 * Records the creation of new rows (version 1), each with its fields as the changes from nothing,
 * each revision made straight as its row: an import records 100,000.
 */
export async function recordCreations(
  target: TxConnection,
  entityType: RevisionEntity,
  rows: readonly { id: string }[],
  describe: (i: number) => { fields: Record<string, unknown>; claimId?: string; sourceId?: string },
  userId: string | null,
): Promise<void> {
  await insertRows(
    target,
    "Revision",
    rows.map((row, i) => {
      const { fields, claimId, sourceId } = describe(i);
      const changes = JSON.stringify(createdFields(fields));
      return {
        entityType,
        entityId: row.id,
        version: 1,
        action: "CREATE" as const,
        changes,
        reason: null,
        claimId: claimId ?? null,
        sourceId: sourceId ?? null,
        userId,
      };
    }),
  );
}
