import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../lib/roles";
import { campsStale, refitCamps } from "../lib/camps/refit";
import { refitAfterWrites } from "../lib/camps/schedule";
import { END } from "../lib/camps/fit";
import { getClaimWithStances } from "../lib/claims/get-claim";
import { listClaims } from "../lib/claims/list-claims";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { reviewQueue } from "../lib/review/queue";
import { createStance } from "../lib/stances/write-stance";
import { freshDatabase, type TestDb } from "./helpers/test-db";

// Agreement across camps (decision 0024) on a real database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): a generated corpus with two planted camps, imported; the fit stored, the
// list filter, the review queue and the claim page reading it; and the fit run again after a write.
let t: TestDb;
const researcher: CurrentUser = { id: "u-camps", name: "Cam Researcher", email: "cam@test", role: "RESEARCHER" };
const OUTLETS = [...[0, 1, 2, 3, 4, 5].map((i) => `left-${i}`), ...[0, 1, 2, 3, 4, 5].map((i) => `right-${i}`)];
const CLAIMS = [
  ...Array.from({ length: 12 }, (_, i) => ({ slug: `camp-left-${i}`, camp: "left" })),
  ...Array.from({ length: 12 }, (_, i) => ({ slug: `camp-right-${i}`, camp: "right" })),
  ...Array.from({ length: 4 }, (_, i) => ({ slug: `camp-both-${i}`, camp: "both" })),
];
const point = (i: number) => `Point ${i} is made here`;

/** Every outlet has one source making every point; it takes a side on a claim three times in four. */
function plantedFile() {
  let state = 3;
  const random = () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const stances = CLAIMS.flatMap((claim, i) =>
    OUTLETS.flatMap((outlet) => {
      if (random() > 0.75) return [];
      const supports = claim.camp === "both" || outlet.startsWith(claim.camp);
      return [{ claim: claim.slug, source: `source-${outlet}`, position: supports ? "SUPPORTS" : "DISPUTES", mode: "AS_FACT", quote: point(i) }];
    }),
  );
  return JSON.stringify({
    topics: [{ slug: "camps", name: "Camps" }],
    outlets: OUTLETS.map((o) => ({ slug: o, name: `Outlet ${o}`, kind: "NEWS_WEBSITE" })),
    sources: OUTLETS.map((o) => ({
      id: `source-${o}`,
      title: `What ${o} says`,
      outlet: o,
      kind: "OPINION",
      language: "en",
      text: `${CLAIMS.map((_, i) => `${point(i)} by ${o}.`).join(" ")}`,
    })),
    claims: CLAIMS.map((c, i) => ({ slug: c.slug, text: `Claim number ${i} of the ${c.camp} kind.`, topic: "camps" })),
    stances,
  });
}

beforeAll(async () => {
  t = await freshDatabase();
  await t.db.user.create({ data: researcher });
  const report = await importRecords(t.db, { ...researcher, role: "ADMIN" }, parseImportFile("camps.json", plantedFile()));
  expect(report.records.filter((r) => r.outcome === "rejected")).toEqual([]);
});
let stopRefits: (() => Promise<void>) | null = null;
afterAll(async () => {
  await stopRefits?.();
  await t.drop();
});

const place = async (slug: string) => (await t.db.outlet.findUniqueOrThrow({ where: { slug }, select: { campPlace: true } })).campPlace!;

describe("agreement across camps", () => {
  it("separates the planted camps and marks the cross-camp claims across and the others one side", async () => {
    expect(await campsStale(t.db)).toBe(true);
    const fit = await refitCamps(t.db);
    expect(await campsStale(t.db)).toBe(false);
    expect(fit).toMatchObject({ placed: 12, across: 4, oneSide: 24, changedClaims: 28 });
    expect(fit.explained).toBeGreaterThan(0.5);
    const left = await Promise.all(OUTLETS.filter((o) => o.startsWith("left")).map(place));
    const right = await Promise.all(OUTLETS.filter((o) => o.startsWith("right")).map(place));
    const sign = Math.sign(left[0]!);
    for (const p of left) expect(p * sign).toBeGreaterThanOrEqual(END);
    for (const p of right) expect(p * -sign).toBeGreaterThanOrEqual(END);
    const marks = await t.db.claim.findMany({ select: { slug: true, agreement: true }, orderBy: { slug: "asc" } });
    for (const claim of marks) expect([claim.slug, claim.agreement]).toEqual([claim.slug, claim.slug.startsWith("camp-both") ? "ACROSS" : "ONE_SIDE"]);
    expect(await t.db.campAxis.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ outlets: 12, explained: fit.explained });
    // The same stances, fitted again: nothing changes.
    expect(await refitCamps(t.db)).toMatchObject({ changedClaims: 0, changedOutlets: 0 });
  });

  it("is what /claims?agreement=across, the review queue and the claim page read", async () => {
    const across = await listClaims(t.db, { agreement: "ACROSS", limit: 50 });
    expect(across.total).toBe(4);
    expect(across.claims.map((c) => c.slug).sort()).toEqual(["camp-both-0", "camp-both-1", "camp-both-2", "camp-both-3"]);
    expect((await listClaims(t.db, { agreement: "ONE_SIDE", limit: 50 })).total).toBe(24);
    const queue = await reviewQueue(t.db, researcher.id, { show: "across", review: "all", assignee: "all", page: 1 });
    expect(queue.claims.map((c) => c.slug).sort()).toEqual(across.claims.map((c) => c.slug).sort());
    const page = await getClaimWithStances(t.db, { slug: "camp-both-0" });
    expect(page.camps.agreement).toBe("ACROSS");
    const places = page.camps.outlets.map((o) => o.place);
    expect(Math.min(...places)).toBeLessThanOrEqual(-END);
    expect(Math.max(...places)).toBeGreaterThanOrEqual(END);
    expect(page.camps.outlets.every((o) => o.side === "supports")).toBe(true);
  });

  it("is fitted again in the background after a write: a left claim the right camp comes to support is agreed across camps", async () => {
    stopRefits = refitAfterWrites(t.db, 50, 100);
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "camp-left-0" }, select: { id: true, agreement: true } });
    expect(claim.agreement).toBe("ONE_SIDE");
    for (const outlet of OUTLETS.filter((o) => o.startsWith("right"))) {
      await t.db.stance.deleteMany({ where: { claimId: claim.id, source: { id: `source-${outlet}` } } });
    }
    for (const outlet of OUTLETS.filter((o) => o.startsWith("right")))
      await createStance(t.db, researcher, {
        sourceId: `source-${outlet}`,
        quote: `${point(0)} by ${outlet}`,
        claim: { id: claim.id },
        position: "SUPPORTS",
        mode: "AS_FACT",
        speaker: null,
      });
    let agreement: string | null = null;
    for (let waited = 0; waited < 10_000 && agreement !== "ACROSS"; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      agreement = (await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { agreement: true } })).agreement;
    }
    expect(agreement).toBe("ACROSS");
  });
});
