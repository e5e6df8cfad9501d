import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../lib/roles";
import { createClaim, updateClaim } from "../lib/claims/write-claim";
import { decidedPairs, listDuplicatePairs, markDistinct } from "../lib/duplicates/review-pairs";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { mergeClaims, undoMerge } from "../lib/review/merge";
import { createStance } from "../lib/stances/write-stance";
import { dumpDatabase, seededDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

// Claims that say the same thing (decision 0022), on the real seeded database (SQLite, or
// PostgreSQL with TEST_DATABASE_URL): found by every door that writes a claim, listed for
// analysts, merged or marked distinct, and answered by the API.
let t: TestDb;
let api: { similar: typeof import("../app/api/claims/[slug]/similar/route"); suggestions: typeof import("../app/api/claim-suggestions/route") };
const users: Record<"researcher" | "analyst", CurrentUser> = {
  researcher: { id: "u-dup-researcher", name: "Ada Researcher", email: "ada@test", role: "RESEARCHER" },
  analyst: { id: "u-dup-analyst", name: "Ann Analyst", email: "ann@test", role: "ANALYST" },
};
const TROOPS = "dprk-troops-number-about-10000";
const REWORDED = "North Korea has sent some 10,000 troops to Russia.";

beforeAll(async () => {
  t = await seededDatabase(Object.values(users));
  process.env.DATABASE_URL = t.url;
  api = { similar: await import("../app/api/claims/[slug]/similar/route"), suggestions: await import("../app/api/claim-suggestions/route") };
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const similar = async (slug: string, query = "") => {
  const response = await api.similar.GET(new Request(`http://localhost/api/claims/${slug}/similar${query}`), params({ slug }));
  return { status: response.status, body: await response.json() };
};
const pairsListed = async () => (await listDuplicatePairs(t.db, { page: 1 })).pairs.map((p) => [p.claimA.slug, p.claimB.slug].sort().join(" + "));
const both = (x: string, y: string) => [x, y].sort().join(" + ");

describe("a claim said twice", () => {
  it("is found when a researcher adds it, listed for analysts above the threshold, and answered by /api/claims/{slug}/similar", async () => {
    const added = await createClaim(t.db, users.researcher, { text: REWORDED, topic: "troop-deployment" });
    expect(await pairsListed()).toContain(both(added.slug, TROOPS));
    const { status, body } = await similar(added.slug);
    expect(status).toBe(200);
    expect(body.claims[0]).toEqual({
      slug: TROOPS,
      text: "Some 10,000 North Korean troops have been sent to Russia.",
      score: expect.any(Number),
      method: "lexical",
    });
    expect(body.claims[0].score).toBeGreaterThanOrEqual(0.7);
    // Both ways: the seed claim finds the new one too.
    expect((await similar(TROOPS)).body.claims.map((c: { slug: string }) => c.slug)).toContain(added.slug);
  });

  it("is not proposed for a near miss that changes the figure", async () => {
    const other = await createClaim(t.db, users.researcher, { text: "Some 12,000 North Korean troops have been sent to Russia.", topic: "troop-deployment" });
    expect((await pairsListed()).filter((p) => p.includes(other.slug))).toEqual([]);
    expect((await similar(other.slug)).body.claims.map((c: { slug: string }) => c.slug)).not.toContain(TROOPS);
  });

  it("is shown to the tagging panel while a new claim is typed, and claims written in one import find each other", async () => {
    const response = await api.suggestions.GET(
      new Request(`http://localhost/api/claim-suggestions?similar=${encodeURIComponent("Russia's parliament unanimously approved the treaty.")}`),
      undefined,
    );
    const body = await response.json();
    expect(body.claims[0]).toMatchObject({ slug: "russian-parliament-passed-unanimously", method: "lexical" });

    const report = await importRecords(
      t.db,
      users.researcher,
      parseImportFile(
        "claims.json",
        JSON.stringify({
          claims: [
            { slug: "imported-drone-refinery", text: "A Ukrainian drone attack hit an oil refinery in Ryazan.", topic: "troop-deployment" },
            { slug: "imported-drone-refinery-again", text: "Ukrainian drones attacked an oil refinery in Ryazan.", topic: "troop-deployment" },
          ],
        }),
      ),
    );
    expect(report.records.map((r) => r.outcome)).toEqual(["created", "created"]);
    expect(await pairsListed()).toContain(both("imported-drone-refinery", "imported-drone-refinery-again"));
  });

  it("is a new claim's stance's claim too: the tagging panel's new claim is paired", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { text: { contains: "unanimously" } }, select: { id: true, text: true } });
    const quote = source.text.slice(source.text.indexOf("unanimously") - 20, source.text.indexOf("unanimously") + 11);
    const stance = await createStance(t.db, users.researcher, {
      sourceId: source.id,
      quote,
      claim: { new: { text: "The Russian parliament approved the treaty unanimously.", topic: "treaty-terms" } },
      position: "SUPPORTS",
      mode: "AS_FACT",
      speaker: null,
    });
    expect(await pairsListed()).toContain(both(stance.claimSlug, "russian-parliament-passed-unanimously"));
  });
});

describe("an analyst's decision on a pair", () => {
  it("refuses a researcher's 'not the same', changing nothing, and a pair that does not exist", async () => {
    const pair = (await listDuplicatePairs(t.db, { page: 1 })).pairs[0]!;
    const before = await dumpDatabase(t.db);
    expect((await refusal(markDistinct(t.db, users.researcher, { pairId: pair.id }))).code).toBe("FORBIDDEN");
    expect((await refusal(markDistinct(t.db, null, { pairId: pair.id }))).code).toBe("UNAUTHENTICATED");
    expect(await dumpDatabase(t.db)).toEqual(before);
    expect(await refusal(markDistinct(t.db, users.analyst, { pairId: "no-such-pair" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(markDistinct(t.db, users.analyst, {}))).toMatchObject({ code: "INVALID", field: "pairId" });
  });

  it("keeps a 'not the same' mark: the pair leaves the list and is not proposed again when a wording is edited", async () => {
    const [a, b] = ["imported-drone-refinery", "imported-drone-refinery-again"];
    const pair = (await listDuplicatePairs(t.db, { page: 1 })).pairs.find((p) => [p.claimA.slug, p.claimB.slug].sort().join(" + ") === both(a, b))!;
    await markDistinct(t.db, users.analyst, { pairId: pair.id });
    expect(await pairsListed()).not.toContain(both(a, b));
    expect(await refusal(markDistinct(t.db, users.analyst, { pairId: pair.id }))).toMatchObject({ code: "CONFLICT" });
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: b }, select: { id: true, version: true } });
    await updateClaim(t.db, users.researcher, {
      id: claim.id,
      version: claim.version,
      text: "Ukrainian drones attacked an oil refinery in Ryazan overnight.",
      topic: "troop-deployment",
    });
    expect(await pairsListed()).not.toContain(both(a, b));
    const stored = await t.db.claimPair.findUniqueOrThrow({ where: { id: pair.id } });
    expect(stored).toMatchObject({ distinctById: users.analyst.id, distinctAt: expect.any(Date) });
  });

  it("takes a merged pair off the list, brings it back when the merge is undone, and counts merges and marks as the matcher's labels", async () => {
    const added = await t.db.claim.findFirstOrThrow({ where: { text: REWORDED }, select: { id: true, slug: true } });
    const merged = await mergeClaims(t.db, users.analyst, { fromClaimId: added.id, intoClaim: TROOPS, reason: "Same claim, reworded." });
    expect(await pairsListed()).not.toContain(both(added.slug, TROOPS));
    const labels = await decidedPairs(t.db);
    expect(labels).toContainEqual({ a: REWORDED, b: "Some 10,000 North Korean troops have been sent to Russia.", same: true });
    expect(labels).toContainEqual({
      a: expect.stringContaining("drone attack hit an oil refinery"),
      b: expect.stringContaining("Ukrainian drones attacked"),
      same: false,
    });
    await undoMerge(t.db, users.analyst, { mergeId: merged.mergeId });
    expect(await pairsListed()).toContain(both(added.slug, TROOPS));
  });
});

describe("GET /api/claims/{slug}/similar", () => {
  it("answers 404 for an unknown claim and 400 for a bad limit", async () => {
    expect(await similar("no-such-claim")).toMatchObject({ status: 404 });
    const bad = await similar(TROOPS, "?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("limit");
  });
});
