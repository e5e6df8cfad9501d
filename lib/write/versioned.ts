import type { Tx } from "../database/create-client";
import type { WriteContext } from "./context";
import { AppError } from "../errors";
import type { RevisionEntity } from "../../generated/sqlite/enums";
import { staleEditError } from "../revisions/history";
import { diffFields, type RevisionInput } from "../revisions/record";

/** Which record an edit is for, and the version the editor started from. */
export type EditTarget = { entityType: RevisionEntity; noun: string; id: string; expected: number };

/** Refuses an edit made from an older version than the stored one, showing what changed since. */
export async function assertVersion(tx: Tx, target: EditTarget, stored: { version: number }): Promise<void> {
  if (stored.version !== target.expected) throw await staleEditError(tx, target.entityType, target.id, target.noun, target.expected);
}

/**
 * Writes an edit only if the record is still at the expected version (`write` gets the
 * `where` to use with updateMany, and must increment the version), then records the
 * revision. Two concurrent edits from one version: the second updates nothing and is
 * refused. Returns the new version.
 */
export async function commitVersion(
  w: WriteContext,
  target: EditTarget,
  write: (where: { id: string; version: number }) => Promise<{ count: number }>,
  revision: Omit<RevisionInput, "entityType" | "entityId" | "version" | "userId">,
): Promise<number> {
  const { count } = await write({ id: target.id, version: target.expected });
  if (count === 0) throw await staleEditError(w.tx, target.entityType, target.id, target.noun, target.expected);
  await w.revise({ ...revision, entityType: target.entityType, entityId: target.id, version: target.expected + 1 });
  return target.expected + 1;
}

/**
 * The fields a retraction (or restoration) sets, and their change for the revision.
 * Retracting what is retracted, or restoring what is not, is refused.
 */
export function retraction(stored: { retractedAt: Date | null; retractedReason: string | null }, retract: boolean, reason: string | null, noun: string) {
  if ((stored.retractedAt !== null) === retract) {
    throw new AppError("CONFLICT", retract ? `This ${noun} is already retracted.` : `This ${noun} is not retracted.`);
  }
  const data = retract ? { retractedAt: new Date(), retractedReason: reason } : { retractedAt: null, retractedReason: null };
  return { data, action: retract ? ("RETRACT" as const) : ("RESTORE" as const), changes: diffFields(stored, data) };
}
