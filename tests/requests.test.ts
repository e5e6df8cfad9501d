import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listActivity } from "../lib/activity/list-activity";
import { askToCheck, decideRequest, MAX_ASKS_PER_ACCOUNT_DAY, MAX_ASKS_PER_ADDRESS_HOUR, wordOverlap } from "../lib/requests/check-requests";
import { getRequest, listRequests, myRequests } from "../lib/requests/list-requests";
import { reviewQueue } from "../lib/review/queue";
import { refusal } from "./helpers/refusal";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Reader requests (issue 14): matching an existing claim through the search index, one count per
// requester, "most wanted" first, the abuse limits, and an analyst's decision the requesters read.
let t: TestDb;
const people = {
  rhea: { id: "u-rq-rhea", name: "Rhea Reader", email: "rhea-rq@test", role: "READER" as const },
  otto: { id: "u-rq-otto", name: "Otto Other", email: "otto-rq@test", role: "READER" as const },
  res: { id: "u-rq-res", name: "Res Earcher", email: "res-rq@test", role: "RESEARCHER" as const },
  analyst: { id: "u-rq-analyst", name: "Ana Lyst", email: "ana-rq@test", role: "ANALYST" as const },
};
let troops: { id: string; slug: string; text: string };
const why = "Everyone is sharing it and nobody says where it comes from.";
let address = 0;
/** A made-up word for the i-th of several different requests ("ab", "ac", …). */
const word = (i: number) => `w${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
/** A fresh network address for each asker, so that the per-address limit is tested on its own. */
const from = (user: (typeof people)[keyof typeof people] | null, at = `198.51.100.${++address}`) => ({ user, address: at });

beforeAll(async () => {
  t = await seededDatabase(Object.values(people));
  troops = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true, slug: true, text: true } });
});
afterAll(async () => {
  await t.drop();
});

describe("asking", () => {
  it("a request in other words for a claim already here joins that claim", async () => {
    const reworded = troops.text.replace(/^Some /i, "").replace("about", "around");
    expect(wordOverlap(reworded, troops.text)).toBeGreaterThan(0.6);
    const asked = await askToCheck(t.db, from(people.rhea), { text: reworded, url: "https://example.com/post", why });
    expect(asked).toMatchObject({ counted: true, claim: { slug: troops.slug } });
    const request = await getRequest(t.db, asked.id);
    expect(request).toMatchObject({ status: "OPEN", askerCount: 1, claim: { slug: troops.slug } });
  });

  it("the same requester asking again counts once; another requester and a visitor count too", async () => {
    const again = await askToCheck(t.db, from(people.rhea), { text: troops.text, why: "Again." });
    expect(again.counted).toBe(false);
    await askToCheck(t.db, from(people.otto), { text: troops.text, why });
    const visitor = from(null);
    await askToCheck(t.db, visitor, { text: troops.text, why });
    expect((await askToCheck(t.db, visitor, { text: troops.text, why })).counted).toBe(false);
    const request = await getRequest(t.db, again.id);
    expect(request!.askerCount).toBe(3);
    expect(request!.asks).toHaveLength(3);
  });

  it("a request that matches no claim stands on its own, joined by the same words in another order", async () => {
    const first = await askToCheck(t.db, from(people.rhea), { text: "Penguins were seen marching in the Kremlin on Tuesday.", why });
    expect(first.claim).toBeNull();
    const second = await askToCheck(t.db, from(people.otto), { text: "On Tuesday penguins were seen marching in the Kremlin!", why });
    expect(second.id).toBe(first.id);
  });

  it("lists the most wanted first: the most requesters, then the newest", async () => {
    const open = await listRequests(t.db, { status: "open", page: 1 });
    expect(open.requests.map((r) => [r.askerCount, r.claim?.slug ?? null])).toEqual([
      [3, troops.slug],
      [2, null],
    ]);
    expect((await myRequests(t.db, people.rhea.id)).map((r) => r.askerCount)).toEqual([2, 3]);
  });

  it("refuses an empty or 2,001-character request, a bad link, and unknown fields, storing nothing", async () => {
    const before = await t.db.checkAsk.count();
    const long = await refusal(askToCheck(t.db, from(people.rhea), { text: "x".repeat(2_001), why }));
    expect([long.code, long.field, long.message]).toEqual(["INVALID", "text", "text: must be at most 2000 characters"]);
    expect((await refusal(askToCheck(t.db, from(people.rhea), { text: " ", why }))).field).toBe("text");
    expect((await refusal(askToCheck(t.db, from(people.rhea), { text: "A claim.", why: "" }))).field).toBe("why");
    expect((await refusal(askToCheck(t.db, from(people.rhea), { text: "A claim.", why, url: "javascript:alert(1)" }))).field).toBe("url");
    expect((await refusal(askToCheck(t.db, from(people.rhea), { text: "A claim.", why, admin: true }))).code).toBe("INVALID");
    expect(await t.db.checkAsk.count()).toBe(before);
  });

  it("limits one address per hour, and one account per day", async () => {
    const shared = "203.0.113.9";
    for (let i = 0; i < MAX_ASKS_PER_ADDRESS_HOUR; i++) await askToCheck(t.db, from(null, shared), { text: `Rockets said to hit town ${word(i)}.`, why });
    const limited = await refusal(askToCheck(t.db, from(people.otto, shared), { text: "One more claim about rockets.", why }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.message).toBe(`At most ${MAX_ASKS_PER_ADDRESS_HOUR} requests an hour come from one address. Try again later.`);
    // An hour later the address may ask again.
    const later = new Date(Date.now() + 3_600_001);
    expect((await askToCheck(t.db, from(null, shared), { text: "Later claim about rockets.", why }, later)).counted).toBe(true);

    const busy = { ...people.res };
    for (let i = 0; i < MAX_ASKS_PER_ACCOUNT_DAY; i++) await askToCheck(t.db, from(busy), { text: `Drones said to fly over town ${word(i)}.`, why });
    expect((await refusal(askToCheck(t.db, from(busy), { text: "Yet another claim on drones.", why }))).message).toContain("a day");
  });
});

describe("deciding", () => {
  it("only analysts and admins decide; readers, researchers and visitors are refused", async () => {
    const request = (await listRequests(t.db, { status: "open", page: 1 })).requests[0]!;
    const stored = (await getRequest(t.db, request.id))!;
    for (const who of [people.rhea, people.res]) {
      expect((await refusal(decideRequest(t.db, who, { id: request.id, version: stored.version, decision: "DECLINE", reason: "No." }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(decideRequest(t.db, null, { id: request.id, version: stored.version, decision: "DECLINE", reason: "No." }))).code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await refusal(decideRequest(t.db, people.analyst, { id: request.id, version: stored.version, decision: "DECLINE", reason: "" }))).field).toBe(
      "reason",
    );
    expect((await getRequest(t.db, request.id))!.status).toBe("OPEN");
  });

  it("accepting a matched request puts its claim in the queue's requested list and tells its requesters", async () => {
    const stored = (await getRequest(t.db, (await t.db.checkRequest.findUniqueOrThrow({ where: { matchKey: `claim:${troops.id}` } })).id))!;
    await decideRequest(t.db, people.analyst, { id: stored.id, version: stored.version, decision: "ACCEPT", reason: "On it." });
    const queue = await reviewQueue(t.db, people.analyst.id, { show: "requested", review: "all", assignee: "all", page: 1 });
    expect(queue.claims.map((c) => c.slug)).toEqual([troops.slug]);
    for (const reader of [people.rhea, people.otto]) {
      const [line] = (await listActivity(t.db, reader.id, { limit: 5 })).activity;
      expect(line).toMatchObject({ kind: "REQUEST", href: `/requests/${stored.id}`, claim: { slug: troops.slug } });
      expect(line!.summary).toContain("was accepted for checking: On it.");
    }
    const twice = await refusal(decideRequest(t.db, people.analyst, { id: stored.id, version: stored.version + 1, decision: "DECLINE", reason: "No." }));
    expect(twice.code).toBe("CONFLICT");
  });

  it("accepting an unmatched request adds its claim (a wording and a topic are required); declining gives the reason to read", async () => {
    const penguins = (await listRequests(t.db, { status: "open", page: 1 })).requests.find((r) => r.text.startsWith("Penguins"))!;
    const stored = (await getRequest(t.db, penguins.id))!;
    const noTopic = await refusal(
      decideRequest(t.db, people.analyst, { id: stored.id, version: stored.version, decision: "ACCEPT", claimText: "Penguins marched." }),
    );
    expect(noTopic.field).toBe("topic");
    const topic = await t.db.topic.findFirstOrThrow({ select: { slug: true } });
    const accepted = await decideRequest(t.db, people.analyst, {
      id: stored.id,
      version: stored.version,
      decision: "ACCEPT",
      claimText: "Penguins were seen marching in the Kremlin.",
      topic: topic.slug,
    });
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: accepted.claimId! }, select: { text: true, requestedAt: true } });
    expect(claim.text).toBe("Penguins were seen marching in the Kremlin.");
    expect(claim.requestedAt).not.toBeNull();
    // Later requests for it join the same request.
    expect((await askToCheck(t.db, from(people.otto), { text: "Penguins were seen marching in the Kremlin", why })).id).toBe(stored.id);

    const rockets = (await listRequests(t.db, { status: "open", page: 1 })).requests.find((r) => r.text.includes("Rockets"))!;
    const open = (await getRequest(t.db, rockets.id))!;
    await decideRequest(t.db, people.analyst, { id: open.id, version: open.version, decision: "DECLINE", reason: "Not a checkable claim." });
    const declined = await listRequests(t.db, { status: "declined", page: 1 });
    expect(declined.requests.map((r) => r.reason)).toEqual(["Not a checkable claim."]);
  });
});
