import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSignInAllowed, clearSignInFailures, MAX_FAILURES, recordSignInFailure, WINDOW_MINUTES } from "../lib/auth/sign-in-throttle";
import { freshDatabase, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe("sign-in throttle", () => {
  const start = new Date("2026-11-22T10:00:00Z");
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

  it(`allows ${MAX_FAILURES} failures in ${WINDOW_MINUTES} minutes, then refuses until the oldest leaves the window`, async () => {
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      await assertSignInAllowed(t.db, "Victim@Example.com", at(i));
      await recordSignInFailure(t.db, "victim@example.com", at(i));
    }
    await expect(assertSignInAllowed(t.db, "victim@example.com", at(10))).rejects.toThrow("Too many failed sign-ins for this address. Try again in 5 minutes.");
    await expect(assertSignInAllowed(t.db, "other@example.com", at(10))).resolves.toBeUndefined();
    await expect(assertSignInAllowed(t.db, "VICTIM@example.com", at(15.5))).resolves.toBeUndefined();
  });

  it("forgets an address's failures once it signs in", async () => {
    await clearSignInFailures(t.db, "victim@example.com");
    await expect(assertSignInAllowed(t.db, "victim@example.com", at(10))).resolves.toBeUndefined();
    expect(await t.db.signInFailure.count({ where: { email: "victim@example.com" } })).toBe(0);
  });
});
