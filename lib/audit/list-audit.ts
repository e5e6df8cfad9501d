import { z } from "zod";
import type { Db } from "../database/create-client";
import { authorize, type CurrentUser } from "../roles";
import { AppError } from "../errors";

export const AUDIT_PAGE_SIZE = 100;

const AuditQuerySchema = z.strictObject({
  /** The last row of the previous page, "createdAt ISO|id". */
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[\w-]+$/, "must be the link from the previous page")
    .optional(),
});

/** The security audit log, newest first, a page at a time (admins only). */
export async function listAuditEvents(db: Db, user: CurrentUser | null, query: unknown) {
  authorize(user, "ADMIN", "read the audit log");
  const parsed = AuditQuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError("INVALID", `before: ${parsed.error.issues[0]!.message}`, "before");
  const [at, id] = parsed.data.before?.split("|") ?? [];
  const before = at ? new Date(at) : null;
  const rows = await db.auditEvent.findMany({
    where: before ? { OR: [{ createdAt: { lt: before } }, { createdAt: before, id: { lt: id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, kind: true, userId: true, email: true, address: true, detail: true, createdAt: true },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const last = page[page.length - 1];
  const userIds = [...new Set(page.map((r) => r.userId).filter((v): v is string => v !== null))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  return {
    events: page.map((r) => ({ ...r, account: r.userId ? (users.get(r.userId) ?? r.userId) : null })),
    next: rows.length > AUDIT_PAGE_SIZE && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}
