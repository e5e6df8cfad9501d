import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setWatch } from "../lib/activity/watch";
import { assessClaim } from "../lib/review/assessments";
import { forYou } from "../lib/users/for-you";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// What /viewer answers a signed-in reader's islands on a page kept for their role (decision
// 0021): their own account line and what the page has of theirs, and nobody else's.
let t: TestDb;
const wendy = { id: "u-fy-wendy", name: "Wendy Watcher", email: "wendy-fy@test", role: "READER" as const };
const rita = { id: "u-fy-rita", name: "Rita Reader", email: "rita-fy@test", role: "READER" as const };
const ava = { id: "u-fy-ava", name: "Ava Analyst", email: "ava-fy@test", role: "ANALYST" as const };
const SLUG = "dprk-troops-number-about-10000";
const SOURCE = "sputnik-federation-council-ratifies";

beforeAll(async () => {
  t = await seededDatabase([wendy, rita, ava]);
});
afterAll(async () => {
  await t.drop();
});

describe("a signed-in reader's own part of a kept page", () => {
  it("is their account line, and on a claim or source page what they watch there; another reader's is theirs", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true, topic: { select: { id: true, name: true } } } });
    await setWatch(t.db, wendy, { claimId: claim.id, watch: true });
    await setWatch(t.db, wendy, { sourceId: SOURCE, watch: true });

    const wendys = await forYou(t.db, wendy, `/claims/${SLUG}`);
    expect(wendys.account).toEqual({ name: "Wendy Watcher", role: "READER", unread: 0 });
    expect(wendys.claim).toEqual({ claim: { watching: true }, topic: { ...claim.topic, watching: false }, assessment: null });
    expect(wendys.source).toBeNull();
    expect((await forYou(t.db, wendy, `/sources/${SOURCE}`)).source).toEqual({ watching: true });

    const ritas = await forYou(t.db, rita, `/claims/${SLUG}`);
    expect(ritas.account.name).toBe("Rita Reader");
    expect(ritas.claim?.claim.watching).toBe(false);
    expect((await forYou(t.db, rita, `/sources/${SOURCE}`)).source).toEqual({ watching: false });
  });

  it("gives an analyst their own assessment, and a reader none", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
    expect((await forYou(t.db, ava, `/claims/${SLUG}`)).claim?.assessment).toMatchObject({ mine: null, count: 0 });
    await assessClaim(t.db, ava, { claimId: claim.id, rating: "MOSTLY_TRUE", confidence: "HIGH", rationale: "Two independent officials." });
    expect((await forYou(t.db, ava, `/claims/${SLUG}`)).claim?.assessment).toMatchObject({ mine: { rating: "MOSTLY_TRUE", confidence: "HIGH" }, count: 1 });
    expect((await forYou(t.db, wendy, `/claims/${SLUG}`)).claim?.assessment).toBeNull();
  });

  it("is only the account line on another page, a missing record or a malformed address", async () => {
    for (const path of ["/", "/claims", "/claims/no-such-claim", "/claims/%E0%A4%A", "/sources/%", "/outlets"]) {
      const yours = await forYou(t.db, wendy, path);
      expect(yours.account.name, path).toBe("Wendy Watcher");
      expect(yours.claim, path).toBeNull();
      expect(yours.source, path).toBeNull();
    }
    expect((await forYou(t.db, wendy, "/sources/no-such-source")).source).toEqual({ watching: false });
  });
});
