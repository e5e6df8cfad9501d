import type { AuditKind } from "../../generated/sqlite/client";
import type { Db, Tx } from "../database/create-client";

export type AuditEntry = {
  kind: AuditKind;
  userId?: string | null;
  email?: string | null;
  address?: string | null;
  client?: string | null;
  detail?: string | null;
};

/**
 * Adds one row to the security audit log. Inside a write's transaction when given one, so the
 * event and what it records are kept or lost together.
 */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: { ...entry, detail: entry.detail?.slice(0, 500) ?? null } });
}
