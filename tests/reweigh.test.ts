import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionOf } from "../lib/database/create-client";
import { assessStance, gradeOutlet, gradeSource } from "../lib/review/grading";
import type { CurrentUser } from "../lib/roles";
import { refreshClaimSummaries } from "../lib/write/refresh-claim-summary";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Grading an outlet or a source moves the stored weights of the claims quoting it by the
// difference the grade makes (lib/write/reweigh-claims.ts), instead of recomputing those claims
// from all their stances. After every grade, the stored weights must be what a full recompute gives.

let t: TestDb;
const analyst: CurrentUser = { id: "u-reweigh", name: "Re Weigh", email: "reweigh@test", role: "ANALYST" };

beforeAll(async () => {
  t = await seededDatabase([analyst]);
});
afterAll(async () => {
  await t.drop();
});

const weights = async () =>
  Object.fromEntries(
    (await t.db.claim.findMany({ select: { slug: true, supportWeight: true, disputeWeight: true, conflictWeight: true }, orderBy: { slug: "asc" } })).map(
      ({ slug, ...w }) => [slug, w],
    ),
  );

/** The weights a full recompute of every claim gives (it writes them, so a later step starts from them). */
async function recomputed() {
  const ids = (await t.db.claim.findMany({ select: { id: true } })).map((c) => c.id);
  await t.db.$transaction((tx) => refreshClaimSummaries(connectionOf(t.db, tx), ids));
  return weights();
}

describe("grading reweighs the claims quoting what was graded", () => {
  it("to exactly what a full recompute gives, after each of a run of outlet and source grades", async () => {
    // Credibilities vary the weights within each origin, so that the heaviest stance of an origin matters.
    const stances = await t.db.stance.findMany({ where: { retractedAt: null }, select: { id: true, version: true }, orderBy: { id: "asc" } });
    for (const [i, s] of stances.entries()) {
      if (i % 3 === 0) await assessStance(t.db, analyst, { id: s.id, version: s.version, credibility: (i % 6) + 1, reason: "test" });
    }
    const start = await recomputed();
    expect(await weights()).toEqual(start);

    const outlets = await t.db.outlet.findMany({ select: { id: true }, orderBy: { slug: "asc" } });
    const sources = await t.db.source.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const steps: { grade: () => Promise<unknown>; what: string }[] = [
      ...outlets.map((o, i) => ({ what: `outlet ${i} → A`, grade: () => gradeOutletTo(o.id, "A") })),
      { what: "source 0 → E", grade: () => gradeSourceTo(sources[0]!.id, "E") },
      ...outlets.map((o, i) => ({ what: `outlet ${i} → D`, grade: () => gradeOutletTo(o.id, "D") })),
      { what: "source 1 → B", grade: () => gradeSourceTo(sources[1]!.id, "B") },
      { what: "source 0 → its outlet's grade", grade: () => gradeSourceTo(sources[0]!.id, null) },
      ...outlets.map((o, i) => ({ what: `outlet ${i} → ungraded`, grade: () => gradeOutletTo(o.id, null) })),
    ];
    let moved = 0;
    for (const step of steps) {
      const before = await weights();
      await step.grade();
      const after = await weights();
      if (JSON.stringify(after) !== JSON.stringify(before)) moved++;
      expect({ step: step.what, weights: after }).toEqual({ step: step.what, weights: await recomputed() });
    }
    // The grades did move weights (a reweigh that changed nothing would pass the comparison above only if nothing should change).
    expect(moved).toBeGreaterThan(outlets.length);
  });
});

async function gradeOutletTo(id: string, reliability: "A" | "D" | null) {
  const { version } = await t.db.outlet.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await gradeOutlet(t.db, analyst, { id, version, reliability, reason: reliability ? "test grade" : "" });
}

async function gradeSourceTo(id: string, reliability: "B" | "E" | null) {
  const { version } = await t.db.source.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await gradeSource(t.db, analyst, { id, version, reliability, reason: reliability ? "graded apart from its outlet" : "" });
}
