import { z } from "zod";
import type { Db } from "../database/create-client";
import { AppError, notFound } from "../errors";
import { authorize, ROLES, type CurrentUser } from "../roles";
import { diffFields, recordRevision } from "../revisions/record";
import { parseInput } from "../schemas/parse-input";
import { recordAudit } from "../audit/record-audit";

/** Everyone with an account, for the admin page. */
export async function listUsers(db: Db, user: CurrentUser | null) {
  authorize(user, "ADMIN", "manage users");
  return db.user.findMany({ orderBy: [{ createdAt: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true, role: true, createdAt: true } });
}

const SetRoleSchema = z.strictObject({
  userId: z.string().min(1, "must be chosen"),
  role: z.enum(ROLES, { error: "must be one of reader, researcher, analyst, admin" }),
});

/** Changes an account's role. There is always at least one admin left. */
export async function setRole(db: Db, user: CurrentUser | null, input: unknown) {
  const admin = authorize(user, "ADMIN", "change roles");
  const data = parseInput(SetRoleSchema, input);
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: data.userId }, select: { id: true, role: true, email: true } });
    if (!target) throw notFound("The account");
    if (target.role === data.role) return { changed: false };
    if (target.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) === 1) {
      throw new AppError("CONFLICT", "This is the only admin account; make another admin first.", "role");
    }
    await tx.user.update({ where: { id: target.id }, data: { role: data.role } });
    const version = (await tx.revision.count({ where: { entityType: "USER", entityId: target.id } })) + 1;
    await recordRevision(tx, {
      entityType: "USER",
      entityId: target.id,
      version,
      action: "UPDATE",
      changes: diffFields(target, { role: data.role }),
      userId: admin.id,
    });
    await recordAudit(tx, { kind: "ROLE_CHANGED", userId: target.id, email: target.email, detail: `${target.role} → ${data.role}, by ${admin.email}` });
    return { changed: true };
  });
}
