import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDataset } from "../lib/export/dataset";
import { assessClaim, claimAssessments, revealAssessments } from "../lib/review/assessments";
import { reviewQueue } from "../lib/review/queue";
import { assignClaim, setVerdict } from "../lib/review/verdicts";
import { refusal } from "./helpers/refusal";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Independent assessments (issue 14): each analyst's own verdict, blind to the others' until given
// or revealed; the spread and disagreement the claim stores; the lead analyst's published verdict
// saying how many agreed; the queue ordered by disagreement; the dataset export.
let t: TestDb;
const people = {
  ana: { id: "u-as-ana", name: "Ana First", email: "ana-first@test", role: "ANALYST" as const },
  bo: { id: "u-as-bo", name: "Bo Second", email: "bo-second@test", role: "ANALYST" as const },
  cy: { id: "u-as-cy", name: "Cy Third", email: "cy-third@test", role: "ANALYST" as const },
  admin: { id: "u-as-admin", name: "Ad Min", email: "ad-min@test", role: "ADMIN" as const },
  reader: { id: "u-as-reader", name: "Rea Der", email: "rea-der@test", role: "READER" as const },
  researcher: { id: "u-as-res", name: "Res Earcher", email: "res-earcher@test", role: "RESEARCHER" as const },
};
let claim: { id: string; slug: string };
let other: { id: string; slug: string };
const rated = (rating: string, confidence = "MEDIUM") => ({ rating, confidence, rationale: `Because it is ${rating.toLowerCase()}.` });

beforeAll(async () => {
  t = await seededDatabase(Object.values(people));
  claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true, slug: true } });
  other = await t.db.claim.findFirstOrThrow({ where: { id: { not: claim.id }, verdicts: { none: {} } }, select: { id: true, slug: true } });
});
afterAll(async () => {
  await t.drop();
});

describe("blind assessments", () => {
  it("an analyst sees no other rating until they give theirs", async () => {
    await assessClaim(t.db, people.ana, { claimId: other.id, ...rated("FALSE", "HIGH") });
    const bo = await claimAssessments(t.db, other.id, people.bo.id);
    expect(bo).toMatchObject({ visible: false, count: 1, spread: null, all: [], mine: null });
    expect(JSON.stringify(bo)).not.toContain("FALSE");

    await assessClaim(t.db, people.bo, { claimId: other.id, ...rated("MOSTLY_TRUE", "LOW") });
    const after = await claimAssessments(t.db, other.id, people.bo.id);
    expect(after.visible).toBe(true);
    expect(after.all.map((a) => [a.analyst, a.rating, a.mine])).toEqual([
      ["Ana First", "FALSE", false],
      ["Bo Second", "MOSTLY_TRUE", true],
    ]);
    expect(after.spread!.disagreement).toBe(1);
  });

  it("or once they choose to see them", async () => {
    expect((await claimAssessments(t.db, other.id, people.cy.id)).visible).toBe(false);
    await revealAssessments(t.db, people.cy, { claimId: other.id });
    const cy = await claimAssessments(t.db, other.id, people.cy.id);
    expect(cy.visible).toBe(true);
    expect(cy.mine).toBeNull();
    expect(cy.all).toHaveLength(2);
  });

  it("stores how many assessed and how far apart they are; changing one's own recomputes it", async () => {
    await assessClaim(t.db, people.cy, { claimId: other.id, ...rated("FALSE") });
    let stored = await t.db.claim.findUniqueOrThrow({ where: { id: other.id }, select: { assessmentCount: true, disagreement: true } });
    expect(stored.assessmentCount).toBe(3);
    expect(stored.disagreement).toBeCloseTo(2 / 3);
    await assessClaim(t.db, people.bo, { claimId: other.id, ...rated("FALSE") });
    stored = await t.db.claim.findUniqueOrThrow({ where: { id: other.id }, select: { assessmentCount: true, disagreement: true } });
    expect(stored).toEqual({ assessmentCount: 3, disagreement: 0 });
    const history = await t.db.revision.findMany({
      where: { entityType: "ASSESSMENT" },
      orderBy: { createdAt: "asc" },
      select: { action: true, claimId: true },
    });
    expect(history.some((r) => r.action === "UPDATE")).toBe(true);
    // An assessment's history is its own: the claim's public history does not show it.
    expect(history.every((r) => r.claimId === null)).toBe(true);
  });

  it("refuses readers and researchers, an empty rationale, and a claim that is not there", async () => {
    for (const who of [people.reader, people.researcher]) {
      expect((await refusal(assessClaim(t.db, who, { claimId: claim.id, ...rated("TRUE") }))).code).toBe("FORBIDDEN");
      expect((await refusal(revealAssessments(t.db, who, { claimId: claim.id }))).code).toBe("FORBIDDEN");
    }
    expect((await refusal(assessClaim(t.db, null, { claimId: claim.id, ...rated("TRUE") }))).code).toBe("UNAUTHENTICATED");
    const empty = await refusal(assessClaim(t.db, people.ana, { claimId: claim.id, rating: "TRUE", confidence: "LOW", rationale: " " }));
    expect([empty.code, empty.field]).toEqual(["INVALID", "rationale"]);
    expect((await refusal(assessClaim(t.db, people.ana, { claimId: "nope", ...rated("TRUE") }))).code).toBe("NOT_FOUND");
    expect(await t.db.assessment.count({ where: { claimId: claim.id } })).toBe(0);
  });
});

describe("the published verdict", () => {
  it("is the lead analyst's: another analyst is refused, an admin is not", async () => {
    await assessClaim(t.db, people.ana, { claimId: claim.id, ...rated("CONFLICTING_EVIDENCE") });
    await assessClaim(t.db, people.bo, { claimId: claim.id, ...rated("CONFLICTING_EVIDENCE") });
    await assessClaim(t.db, people.cy, { claimId: claim.id, ...rated("MOSTLY_TRUE") });
    await assignClaim(t.db, people.ana, { claimId: claim.id, assigneeId: people.ana.id });
    const refused = await refusal(setVerdict(t.db, people.bo, { claimId: claim.id, ...rated("MOSTLY_TRUE") }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("Ana First leads the review");
    await setVerdict(t.db, people.ana, { claimId: claim.id, ...rated("CONFLICTING_EVIDENCE") });
    const verdict = await t.db.verdict.findFirstOrThrow({ where: { claimId: claim.id }, orderBy: { createdAt: "desc" } });
    expect([verdict.rating, verdict.assessed, verdict.agreeing]).toEqual(["CONFLICTING_EVIDENCE", 3, 2]);
    await setVerdict(t.db, people.admin, { claimId: claim.id, ...rated("MIXED") });
  });

  it("after it, every analyst sees the spread", async () => {
    const admin = await claimAssessments(t.db, claim.id, people.admin.id);
    expect(admin).toMatchObject({ visible: true, published: true, count: 3, mine: null });
  });
});

describe("the queue and the export", () => {
  it("the queue ranks the claims analysts disagree on, the widest first", async () => {
    const third = await t.db.claim.findFirstOrThrow({ where: { id: { notIn: [claim.id, other.id] } }, select: { id: true, slug: true } });
    await assessClaim(t.db, people.ana, { claimId: third.id, ...rated("TRUE") });
    await assessClaim(t.db, people.bo, { claimId: third.id, ...rated("FALSE") });
    const queue = await reviewQueue(t.db, people.ana.id, { show: "disagreed", review: "all", assignee: "all", page: 1 });
    expect(queue.claims.map((c) => [c.slug, Number(c.disagreement.toFixed(2))])).toEqual([
      [third.slug, 1],
      [claim.slug, 0.67],
    ]);
  });

  it("the dataset export carries every assessment of a claim with a published verdict, and none still blind", async () => {
    const { assessments } = await exportDataset(t.db);
    expect(assessments.filter((a) => a.claim === claim.slug).map((a) => [a.analyst, a.rating])).toEqual([
      ["Ana First", "CONFLICTING_EVIDENCE"],
      ["Bo Second", "CONFLICTING_EVIDENCE"],
      ["Cy Third", "MOSTLY_TRUE"],
    ]);
    expect(assessments.some((a) => a.claim === other.slug)).toBe(false);
  });
});
