import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../database/create-client";
import type { Role } from "../roles";
import { freeHandle } from "../users/handles";

/**
 * One account per role, for trying Corroborate locally. The passwords are public (README):
 * never keep these accounts on a server other people can reach.
 */
export const DEMO_USERS: readonly { role: Role; name: string; email: string; password: string }[] = [
  { role: "READER", name: "Demo Reader", email: "reader@example.com", password: "reader-demo-password" },
  { role: "RESEARCHER", name: "Demo Researcher", email: "researcher@example.com", password: "researcher-demo-password" },
  { role: "ANALYST", name: "Demo Analyst", email: "analyst@example.com", password: "analyst-demo-password" },
  { role: "ADMIN", name: "Demo Admin", email: "admin@example.com", password: "admin-demo-password" },
];

/**
 * Creates the demo accounts that are missing, in one transaction; existing accounts (and
 * any role an admin gave them since) are left alone. Password hashes are better-auth's own
 * (scrypt), so its sign-in verifies them.
 */
export async function seedDemoUsers(db: Db): Promise<number> {
  const existing = new Set((await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  const rows = await Promise.all(missing.map(async (u) => ({ ...u, id: randomUUID(), hash: await hashPassword(u.password) })));
  await db.$transaction(async (tx) => {
    for (const u of rows) {
      await tx.user.create({ data: { id: u.id, name: u.name, email: u.email, role: u.role, emailVerified: true, handle: await freeHandle(tx, u.name) } });
      await tx.account.create({ data: { id: randomUUID(), accountId: u.id, providerId: "credential", userId: u.id, password: u.hash } });
    }
  });
  return rows.length;
}
