import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertSignInAllowed,
  delayAfter,
  FREE_FAILURES,
  recordSignIn,
  recordSignInFailure,
  UNTRUSTED_ACCOUNT_FAILURES,
  WINDOW_MINUTES,
  type SignInClient,
} from "../lib/auth/sign-in-throttle";
import { assertSignUpAllowed, MAX_SIGN_UPS, recordSignUp } from "../lib/auth/sign-up-limit";
import { clientKey } from "../lib/auth/client-key";
import { freshDatabase, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => {
  await t.drop();
});

const start = new Date("2026-11-22T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1_000);
const stranger = (address: string): SignInClient => ({ address, client: clientKey(address, null), trustedCookie: null });
const browser = (address: string, cookie: string): SignInClient => ({ address, client: clientKey(address, cookie), trustedCookie: cookie });

describe("sign-in throttle", () => {
  it("lets a few failures pass, then makes the failing client wait longer after each", async () => {
    expect([1, 2, 3, 4, 5, 6, 14, 30].map(delayAfter)).toEqual([0, 0, 0, 2_000, 4_000, 8_000, 900_000, 900_000]);
    const attacker = stranger("203.0.113.9");
    let clock = 0;
    for (let i = 0; i < FREE_FAILURES; i += 1) {
      await assertSignInAllowed(t.db, "Victim@Example.com", attacker, at(clock));
      await recordSignInFailure(t.db, "victim@example.com", attacker, at(clock));
    }
    await expect(assertSignInAllowed(t.db, "victim@example.com", attacker, at(clock + 1))).rejects.toThrow(
      "Too many failed sign-ins from this browser. Try again in 1 second.",
    );
    await expect(assertSignInAllowed(t.db, "victim@example.com", attacker, at(clock + 2))).resolves.toBeUndefined();
    clock += 2;
    await recordSignInFailure(t.db, "victim@example.com", attacker, at(clock));
    await expect(assertSignInAllowed(t.db, "victim@example.com", attacker, at(clock + 3))).rejects.toThrow("Try again in 1 second.");
    // The throttled attempt is in the audit log, with the address.
    expect(await t.db.auditEvent.count({ where: { kind: "SIGN_IN_THROTTLED", address: "203.0.113.9" } })).toBe(2);
  });

  it("does not hold back the owner on another connection, nor another account", async () => {
    await expect(assertSignInAllowed(t.db, "victim@example.com", stranger("198.51.100.7"), at(10))).resolves.toBeUndefined();
    await expect(assertSignInAllowed(t.db, "other@example.com", stranger("203.0.113.9"), at(10))).resolves.toBeUndefined();
  });

  it("holds back clients new to an account that draws failures from everywhere, but not a browser that signed in before", async () => {
    const owner = browser("192.0.2.1", "owner-browser-cookie-000001");
    await recordSignIn(t.db, { email: "target@example.com", userId: "u-target" }, { ...owner, cookie: owner.trustedCookie! });
    for (let i = 0; i < UNTRUSTED_ACCOUNT_FAILURES; i += 1) await recordSignInFailure(t.db, "target@example.com", stranger(`10.9.${i}.1`), at(i));
    const newcomer = stranger("198.51.100.99");
    await expect(assertSignInAllowed(t.db, "target@example.com", newcomer, at(60))).rejects.toThrow("from new places");
    await expect(assertSignInAllowed(t.db, "target@example.com", owner, at(60))).resolves.toBeUndefined();
    await expect(assertSignInAllowed(t.db, "target@example.com", newcomer, at(WINDOW_MINUTES * 60 + 60))).resolves.toBeUndefined();
  });

  it("forgets a client's failures once it signs in", async () => {
    const me = browser("203.0.113.50", "my-own-browser-cookie-0001");
    for (let i = 0; i < 8; i += 1) await recordSignInFailure(t.db, "forgetful@example.com", me, at(i));
    await expect(assertSignInAllowed(t.db, "forgetful@example.com", me, at(9))).rejects.toThrow();
    await recordSignIn(t.db, { email: "forgetful@example.com", userId: "u-f" }, { ...me, cookie: me.trustedCookie! });
    await expect(assertSignInAllowed(t.db, "forgetful@example.com", me, at(9))).resolves.toBeUndefined();
  });
});

describe("sign-up limit", () => {
  it(`allows ${MAX_SIGN_UPS} sign-ups per client an hour`, async () => {
    const prober = stranger("203.0.113.77");
    for (let i = 0; i < MAX_SIGN_UPS; i += 1) {
      await assertSignUpAllowed(t.db, prober, at(i));
      await recordSignUp(t.db, prober, at(i));
    }
    await expect(assertSignUpAllowed(t.db, prober, at(10))).rejects.toThrow("Too many sign-ups from here. Try again in 60 minutes.");
    await expect(assertSignUpAllowed(t.db, stranger("203.0.113.78"), at(10))).resolves.toBeUndefined();
    await expect(assertSignUpAllowed(t.db, prober, at(3_601))).resolves.toBeUndefined();
  });
});
