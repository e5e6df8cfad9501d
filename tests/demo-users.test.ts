import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS, seedDemoUsers } from "../lib/seed/demo-users";
import { freshDatabase, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("seedDemoUsers", () => {
  it("creates one account per role whose password better-auth accepts, and only once", async () => {
    expect(await seedDemoUsers(t.db)).toBe(4);
    const users = await t.db.user.findMany({ include: { accounts: true }, orderBy: { email: "asc" } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["admin@example.com", "ADMIN"],
      ["analyst@example.com", "ANALYST"],
      ["reader@example.com", "READER"],
      ["researcher@example.com", "RESEARCHER"],
    ]);
    for (const user of users) {
      const demo = DEMO_USERS.find((d) => d.email === user.email)!;
      const [account] = user.accounts;
      expect(account!.providerId).toBe("credential");
      expect(account!.password).not.toContain(demo.password);
      expect(await verifyPassword({ hash: account!.password!, password: demo.password })).toBe(true);
      expect(await verifyPassword({ hash: account!.password!, password: "wrong-password" })).toBe(false);
    }
    // A role an admin changed since is kept.
    await t.db.user.update({ where: { email: "reader@example.com" }, data: { role: "RESEARCHER" } });
    expect(await seedDemoUsers(t.db)).toBe(0);
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "reader@example.com" } })).role).toBe("RESEARCHER");
    expect(await t.db.account.count()).toBe(4);
  });
});
