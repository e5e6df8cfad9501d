import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../lib/roles";
import { getClaimWithStances } from "../lib/claims/get-claim";
import { restoreClaim } from "../lib/claims/write-claim";
import { compareForReview } from "../lib/analysis/conflict";
import { claimHistory } from "../lib/revisions/history";
import { assessStance, gradeOutlet, gradeSource, setClaimQuantity } from "../lib/review/grading";
import { mergeClaims, undoMerge } from "../lib/review/merge";
import { reviewQueue } from "../lib/review/queue";
import { addRelation, removeRelation } from "../lib/review/relations";
import { getTopicMatrix, MATRIX_SOURCES } from "../lib/review/topic-matrix";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { assignClaim, setVerdict } from "../lib/review/verdicts";
import { createStance } from "../lib/stances/write-stance";
import { getCorpusCounts } from "../lib/stats/get-corpus-counts";
import { dumpDatabase, seededDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

let t: TestDb;
const users: Record<"reader" | "researcher" | "analyst" | "other", CurrentUser> = {
  reader: { id: "u-reader", name: "Rea Der", email: "reader@test", role: "READER" },
  researcher: { id: "u-researcher", name: "Ada Researcher", email: "ada@test", role: "RESEARCHER" },
  analyst: { id: "u-analyst", name: "Ann Analyst", email: "ann@test", role: "ANALYST" },
  other: { id: "u-other", name: "Bo Analyst", email: "bo@test", role: "ANALYST" },
};
const TROOPS = "dprk-troops-number-about-10000";

const claimId = async (slug: string) => (await t.db.claim.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

beforeAll(async () => {
  t = await seededDatabase(Object.values(users));
});
afterAll(async () => {
  await t.drop();
});

describe("who may review", () => {
  it("refuses verdicts, grades, assessments, relations, assignment and merges from readers and researchers, changing nothing", async () => {
    const troops = await claimId(TROOPS);
    const outlet = await t.db.outlet.findUniqueOrThrow({ where: { slug: "sputnik" } });
    const stance = await t.db.stance.findFirstOrThrow({ where: { claimId: troops } });
    const before = await dumpDatabase(t.db);
    for (const user of [null, users.reader, users.researcher]) {
      const writes = [
        setVerdict(t.db, user, { claimId: troops, rating: "FALSE", confidence: "HIGH", rationale: "No." }),
        gradeOutlet(t.db, user, { id: outlet.id, version: outlet.version, reliability: "E", reason: "State media" }),
        gradeSource(t.db, user, { id: "blog-friends-with-geopolitical-benefits", version: 1, reliability: "E", reason: "Unsourced" }),
        assessStance(t.db, user, { id: stance.id, version: stance.version, credibility: 1 }),
        setClaimQuantity(t.db, user, { id: troops, version: 1, quantityKind: null }),
        addRelation(t.db, user, { fromClaimId: troops, toClaim: "dprk-troops-deployed-to-russia", kind: "NARROWER_THAN" }),
        assignClaim(t.db, user, { claimId: troops, assigneeId: users.analyst.id }),
        mergeClaims(t.db, user, { fromClaimId: troops, intoClaim: "dprk-troops-deployed-to-russia", reason: "Same" }),
      ];
      for (const write of writes) expect((await refusal(write)).code).toBe(user ? "FORBIDDEN" : "UNAUTHENTICATED");
    }
    expect(await dumpDatabase(t.db)).toEqual(before);
  });
});

describe("verdicts", () => {
  it("keeps every verdict, shows the newest with its analyst, and records it in the claim's history", async () => {
    const troops = await claimId(TROOPS);
    await setVerdict(t.db, users.other, { claimId: troops, rating: "MIXED", confidence: "LOW", rationale: "First look." });
    await setVerdict(t.db, users.analyst, {
      claimId: troops,
      rating: "CONFLICTING_EVIDENCE",
      confidence: "MEDIUM",
      rationale: "Seoul and Washington say some 10,000; the Pentagon said several thousand.",
    });
    const claim = await getClaimWithStances(t.db, { slug: TROOPS });
    expect(claim.verdict).toMatchObject({ rating: "CONFLICTING_EVIDENCE", confidence: "MEDIUM", user: { name: "Ann Analyst" } });
    expect(claim.verdictHistory.map((v) => v.rating)).toEqual(["CONFLICTING_EVIDENCE", "MIXED"]);
    const stored = await t.db.claim.findUniqueOrThrow({ where: { id: troops } });
    expect(stored.verdict).toBe("CONFLICTING_EVIDENCE");
    const history = await claimHistory(t.db, troops);
    expect(history[0]).toMatchObject({ changes: { verdict: ["MIXED", "CONFLICTING_EVIDENCE"] }, user: { name: "Ann Analyst" } });
  });

  it("refuses a verdict without a rationale, an unknown rating and 'Unreviewed', naming the field", async () => {
    const troops = await claimId(TROOPS);
    expect(await refusal(setVerdict(t.db, users.analyst, { claimId: troops, rating: "TRUE", confidence: "HIGH", rationale: "  " }))).toMatchObject({
      code: "INVALID",
      field: "rationale",
    });
    expect(await refusal(setVerdict(t.db, users.analyst, { claimId: troops, rating: "UNREVIEWED", confidence: "HIGH", rationale: "x" }))).toMatchObject({
      field: "rating",
    });
    expect(await refusal(setVerdict(t.db, users.analyst, { claimId: troops, rating: "PANTS_ON_FIRE", confidence: "HIGH", rationale: "x" }))).toMatchObject({
      field: "rating",
    });
    expect(await refusal(setVerdict(t.db, users.analyst, { claimId: "nope", rating: "TRUE", confidence: "HIGH", rationale: "x" }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("assigns only to analysts, and 'my queue' shows what is assigned to me", async () => {
    const troops = await claimId(TROOPS);
    expect(await refusal(assignClaim(t.db, users.analyst, { claimId: troops, assigneeId: users.researcher.id }))).toMatchObject({
      code: "INVALID",
      field: "assigneeId",
    });
    await assignClaim(t.db, users.analyst, { claimId: troops, assigneeId: users.other.id });
    const mine = await reviewQueue(t.db, users.other.id, { review: "all", assignee: "mine", page: 1 });
    expect(mine.claims.map((c) => c.slug)).toEqual([TROOPS]);
    const unreviewed = await reviewQueue(t.db, users.other.id, { review: "unreviewed", assignee: "all", page: 1 });
    expect(unreviewed.claims.map((c) => c.slug)).not.toContain(TROOPS);
  });
});

describe("origins and corroboration on the seed", () => {
  it("counts two publishers quoting only Putin as one origin, so the claim is single-source", async () => {
    const claim = await getClaimWithStances(t.db, { slug: "putin-called-it-breakthrough-document" });
    expect(claim).toMatchObject({ status: "SINGLE_SOURCE", sourceCount: 2 });
    expect(claim.analysis.summary.originCount).toBe(1);
    expect(claim.analysis.origins).toEqual([
      expect.objectContaining({ label: "Vladimir Putin", kind: "speaker", publishers: ["The Platform", "Unidentified news website"], sourceCount: 2 }),
    ]);
  });

  it("never merges 'Unnamed analysts or experts' across publishers into one origin", async () => {
    const claim = await getClaimWithStances(t.db, { slug: "partnership-will-not-outlast-the-war" });
    const labels = claim.analysis.origins.map((o) => o.label);
    expect(labels).not.toContain("Unnamed analysts or experts");
    expect(labels).toEqual(expect.arrayContaining(["The Platform (its own reporting)", "NPR (its own reporting)", "Choi Yonghwan"]));
  });
});

describe("grading", () => {
  it("reweighs every claim quoting an outlet, lets a source override it, and orders the queue by the weights", async () => {
    const troops = await claimId(TROOPS);
    const before = await t.db.claim.findUniqueOrThrow({ where: { id: troops } });
    const npr = await t.db.outlet.findUniqueOrThrow({ where: { slug: "npr" } });
    await gradeOutlet(t.db, users.analyst, { id: npr.id, version: npr.version, reliability: "A", reason: "Public broadcaster with named sources" });
    const afterOutlet = await t.db.claim.findUniqueOrThrow({ where: { id: troops } });
    // NPR quoting the three governments now weighs A6 = 0.5 instead of F6 = 0.25 on the supporting side.
    expect(afterOutlet.supportWeight).toBeGreaterThan(before.supportWeight);

    const blog = await t.db.source.findUniqueOrThrow({ where: { id: "blog-friends-with-geopolitical-benefits" } });
    expect(await refusal(gradeSource(t.db, users.analyst, { id: blog.id, version: blog.version, reliability: "E" }))).toMatchObject({ field: "reason" });
    await gradeSource(t.db, users.analyst, { id: blog.id, version: blog.version, reliability: "E", reason: "Anonymous blog" });
    const pentagon = await t.db.stance.findFirstOrThrow({ where: { claimId: troops, sourceId: blog.id, speaker: { slug: "pentagon" } } });
    await assessStance(t.db, users.analyst, { id: pentagon.id, version: pentagon.version, credibility: 2 });
    const claim = await getClaimWithStances(t.db, { slug: TROOPS });
    const assessed = claim.stances.find((s) => s.id === pentagon.id)!;
    expect(assessed).toMatchObject({ credibility: 2, source: { reliability: "E" } });

    const queue = await reviewQueue(t.db, users.analyst.id, { review: "all", assignee: "all", page: 1 });
    expect(queue.claims.length).toBeGreaterThan(5);
    expect(queue.claims.map((c) => c.slug)).toEqual([...queue.claims].sort(compareForReview).map((c) => c.slug));
    expect(queue.claims[0]!.conflictWeight).toBeGreaterThanOrEqual(queue.claims.at(-1)!.conflictWeight);
  });

  it("refuses a stale grade and a credibility outside 1–6", async () => {
    const npr = await t.db.outlet.findUniqueOrThrow({ where: { slug: "npr" } });
    expect(await refusal(gradeOutlet(t.db, users.other, { id: npr.id, version: npr.version - 1, reliability: "C" }))).toMatchObject({ code: "CONFLICT" });
    const stance = await t.db.stance.findFirstOrThrow();
    expect(await refusal(assessStance(t.db, users.analyst, { id: stance.id, version: stance.version, credibility: 7 }))).toMatchObject({
      field: "credibility",
    });
  });
});

describe("numbers", () => {
  it("reads each source's troop figure and finds which cannot both be true", async () => {
    const claim = await getClaimWithStances(t.db, { slug: TROOPS });
    const label = (id: string) => {
      const s = claim.stances.find((x) => x.id === id)!;
      return `${s.source.outlet.name}/${s.speaker?.name ?? "own"}`;
    };
    const intervals = Object.fromEntries(claim.analysis.intervals.map((i) => [label(i.stanceId), [i.interval.low, i.interval.high]]));
    expect(intervals).toEqual({
      "NPR/The U.S., Ukraine and South Korea": [9_000, 11_000],
      "Unidentified news website/The United States and South Korea": [10_000, null],
      "Unidentified news website/own": [10_000, 10_000],
      "HP McLovincraft's blog/The Pentagon": [3_000, 9_000],
    });
    const conflicts = claim.analysis.comparison.conflicts.map(([a, b]) => [label(a), label(b)].sort());
    expect(conflicts).toContainEqual(["HP McLovincraft's blog/The Pentagon", "Unidentified news website/The United States and South Korea"]);
    expect(claim.analysis.comparison.common).toBeNull();
  });

  it("lets an analyst set an interval by hand, and refuses one upside down or on a claim without figures", async () => {
    const claim = await getClaimWithStances(t.db, { slug: TROOPS });
    const npr = claim.stances.find((s) => s.source.outlet.name === "NPR")!;
    expect(
      await refusal(
        assessStance(t.db, users.analyst, {
          id: npr.id,
          version: npr.version,
          credibility: null,
          intervalManual: true,
          intervalLow: "12,000",
          intervalHigh: "10,000",
        }),
      ),
    ).toMatchObject({ field: "intervalHigh" });
    expect(
      await refusal(assessStance(t.db, users.analyst, { id: npr.id, version: npr.version, credibility: null, intervalManual: true, intervalLow: "lots" })),
    ).toMatchObject({ field: "intervalLow" });
    await assessStance(t.db, users.analyst, {
      id: npr.id,
      version: npr.version,
      credibility: null,
      intervalManual: true,
      intervalLow: "10,000",
      intervalHigh: "12,000",
    });
    const after = await getClaimWithStances(t.db, { slug: TROOPS });
    expect(after.analysis.intervals.find((i) => i.stanceId === npr.id)).toMatchObject({ manual: true, interval: { low: 10_000, high: 12_000 } });

    const plain = await t.db.stance.findFirstOrThrow({ where: { claim: { slug: "treaty-cites-un-charter-article-51" } } });
    expect(
      await refusal(assessStance(t.db, users.analyst, { id: plain.id, version: plain.version, credibility: null, intervalManual: true, intervalLow: "1" })),
    ).toMatchObject({ field: "intervalManual" });
  });
});

describe("as of a date", () => {
  it("shows only what was published by then, and the verdict given by then", async () => {
    const now = await getClaimWithStances(t.db, { slug: "dprk-troops-deployed-to-russia" });
    const then = await getClaimWithStances(t.db, { slug: "dprk-troops-deployed-to-russia", asOf: new Date("2024-11-30T00:00:00Z") });
    const outlets = (c: typeof now) => [...new Set(c.stances.map((s) => s.source.outlet.name))].sort();
    expect(outlets(now)).toEqual(["HP McLovincraft's blog", "NPR", "Sputnik", "Unidentified news website"]);
    expect(outlets(then)).toEqual(["NPR", "Sputnik"]);
    expect(then.laterStanceCount).toBe(now.stances.length - then.stances.length);
    // No source disputed the deployment until the blog in December.
    expect(then.status).toBe("CORROBORATED");
    expect(now.status).toBe("CONTESTED");
    const early = await getClaimWithStances(t.db, { slug: TROOPS, asOf: new Date("2024-01-01T00:00:00Z") });
    expect(early.verdict).toBeNull();
    expect(early.stances).toEqual([]);
  });
});

describe("relations", () => {
  it("adds the four kinds, refuses a duplicate and a self-relation, and removes with a record in both histories", async () => {
    const from = await claimId("dprk-troops-include-special-forces");
    const added = await addRelation(t.db, users.analyst, {
      fromClaimId: from,
      toClaim: "https://corroborate.example/claims/dprk-troops-in-combat",
      kind: "NARROWER_THAN",
    });
    expect(await refusal(addRelation(t.db, users.analyst, { fromClaimId: from, toClaim: "dprk-troops-in-combat", kind: "NARROWER_THAN" }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(
      await refusal(addRelation(t.db, users.analyst, { fromClaimId: from, toClaim: "dprk-troops-include-special-forces", kind: "SAME_AS" })),
    ).toMatchObject({ field: "toClaim" });
    expect(await refusal(addRelation(t.db, users.analyst, { fromClaimId: from, toClaim: "no-such-claim", kind: "SAME_AS" }))).toMatchObject({
      field: "toClaim",
    });
    expect((await getClaimWithStances(t.db, { slug: "dprk-troops-in-combat" })).related).toContainEqual(
      expect.objectContaining({ kind: "NARROWER_THAN", direction: "to" }),
    );
    await removeRelation(t.db, users.analyst, { id: added.id });
    const other = await claimHistory(t.db, await claimId("dprk-troops-in-combat"));
    expect(other.slice(0, 2).map((r) => r.changes.relation)).toEqual([
      ["Broader than dprk-troops-include-special-forces", null],
      [null, "Broader than dprk-troops-include-special-forces"],
    ]);
  });
});

describe("merging", () => {
  it("moves every stance to the survivor, retracts duplicates, redirects, records both histories, and undoes exactly", async () => {
    const fromSlug = "treaty-signed-18-june-2024";
    const intoSlug = "treaty-signed-june-2024";
    const [from, into] = [await claimId(fromSlug), await claimId(intoSlug)];
    const stancesBefore = await t.db.stance.findMany({ orderBy: { id: "asc" }, select: { id: true, claimId: true, retractedAt: true } });
    const countsBefore = await getCorpusCounts(t.db);
    // The blog's "on June 18, 2024" is linked to both claims: it is the duplicate.
    const result = await mergeClaims(t.db, users.analyst, {
      fromClaimId: from,
      intoClaim: intoSlug,
      reason: "The day-level claim adds nothing the survivor's stances lack.",
    });
    expect(result).toMatchObject({ slug: intoSlug });
    const merged = await t.db.claim.findUniqueOrThrow({ where: { id: from }, include: { mergedInto: { select: { slug: true } } } });
    expect(merged.mergedInto?.slug).toBe(intoSlug);
    expect(merged.retractedAt).not.toBeNull();
    expect(await t.db.stance.count({ where: { claimId: from, retractedAt: null } })).toBe(0);
    expect((await getCorpusCounts(t.db)).claims).toBe(countsBefore.claims - 1);
    expect((await claimHistory(t.db, from))[0]).toMatchObject({ action: "MERGE", changes: { mergedInto: [null, intoSlug] } });
    expect((await claimHistory(t.db, into)).find((r) => r.action === "MERGE")).toMatchObject({ changes: { mergedFrom: [null, fromSlug] } });

    // Merged claims take no stances, verdicts or restores, and cannot be merged again.
    expect(
      await refusal(
        createStance(t.db, users.researcher, {
          sourceId: "blog-friends-with-geopolitical-benefits",
          quote: "June 18, 2024",
          claim: { id: from },
          position: "SUPPORTS",
          mode: "AS_FACT",
          speaker: null,
        }),
      ),
    ).toMatchObject({ field: "claim" });
    expect(await refusal(setVerdict(t.db, users.analyst, { claimId: from, rating: "TRUE", confidence: "HIGH", rationale: "x" }))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await refusal(restoreClaim(t.db, users.researcher, { id: from, version: merged.version }))).toMatchObject({ code: "CONFLICT" });
    expect(
      await refusal(mergeClaims(t.db, users.analyst, { fromClaimId: await claimId("russia-under-un-sanctions"), intoClaim: fromSlug, reason: "x" })),
    ).toMatchObject({ field: "intoClaim" });

    await undoMerge(t.db, users.other, { mergeId: result.mergeId, reason: "Dates differ in precision; keep both." });
    const stancesAfter = await t.db.stance.findMany({ orderBy: { id: "asc" }, select: { id: true, claimId: true, retractedAt: true } });
    expect(stancesAfter).toEqual(stancesBefore);
    expect(await getCorpusCounts(t.db)).toEqual(countsBefore);
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: from } })).toMatchObject({ mergedIntoId: null, retractedAt: null, status: "SINGLE_SOURCE" });
    expect((await claimHistory(t.db, from))[0]).toMatchObject({ action: "UNMERGE", user: { name: "Bo Analyst" } });
    expect(await refusal(undoMerge(t.db, users.analyst, { mergeId: result.mergeId }))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses to undo a merge whose survivor was merged on, until that later merge is undone", async () => {
    const [a, b] = [await claimId("hanoi-summit-2019-failed"), await claimId("trump-said-one-day-to-end-war")];
    const first = await mergeClaims(t.db, users.analyst, { fromClaimId: a, intoClaim: "trump-said-one-day-to-end-war", reason: "test" });
    const second = await mergeClaims(t.db, users.analyst, { fromClaimId: b, intoClaim: "south-korea-phased-response", reason: "test" });
    expect(await refusal(undoMerge(t.db, users.analyst, { mergeId: first.mergeId }))).toMatchObject({ code: "CONFLICT" });
    await undoMerge(t.db, users.analyst, { mergeId: second.mergeId });
    await undoMerge(t.db, users.analyst, { mergeId: first.mergeId });
    expect(await t.db.stance.count({ where: { claimId: a, retractedAt: null } })).toBe(2);
    expect(await t.db.stance.count({ where: { claimId: b, retractedAt: null } })).toBe(2);
  });
});

describe("evidence matrix", () => {
  it("marks Sputnik, which confirms the deployment and disputes its fabrication, the most diagnostic troop source", async () => {
    const matrix = await getTopicMatrix(t.db, "troop-deployment", "diagnostic");
    const score = Object.fromEntries(matrix.columns.map((c) => [c.outlet, c.diagnosticity]));
    expect(score).toEqual({ Sputnik: 4, NPR: 3, "HP McLovincraft's blog": 3, "Unidentified news website": 1, "The Platform": 0 });
    expect(matrix.columns.filter((c) => c.mostDiagnostic).map((c) => c.outlet)).toEqual(["Sputnik"]);
    const deployed = matrix.rows.find((r) => r.slug === "dprk-troops-deployed-to-russia")!;
    const blog = matrix.columns.find((c) => c.outlet === "HP McLovincraft's blog")!;
    expect(matrix.cell(deployed.id, blog.id)?.positions.sort()).toEqual(["DISPUTES", "QUALIFIES", "SUPPORTS"]);
    const byDate = await getTopicMatrix(t.db, "troop-deployment", "date");
    expect(byDate.columns.map((c) => c.publishedAt?.toISOString().slice(0, 7))).toEqual(["2024-06", "2024-11", "2024-11", "2024-12", "2024-12"]);
    expect(byDate.totals).toEqual({ claims: byDate.rows.length, sources: 5 });
  });

  it("shows a large topic's 40 most contested claims and the first 60 sources on them, and says how many there are", async () => {
    const n = 70;
    const range = Array.from({ length: n }, (_, i) => i);
    const file = {
      topics: [{ slug: "large-topic", name: "A large topic" }],
      sources: range.flatMap((i) =>
        ["a", "b"].map((side) => ({
          id: `large-${side}${i}`,
          title: `Report ${side}${i}`,
          outlet: "npr",
          kind: "NEWS_REPORT",
          language: "en",
          text: `Report ${side}${i} says it.`,
        })),
      ),
      claims: range.map((i) => ({ slug: `large-claim-${i}`, text: `Large claim ${i} holds.`, topic: "large-topic" })),
      stances: range.flatMap((i) => [
        { claim: `large-claim-${i}`, source: `large-a${i}`, position: "SUPPORTS", mode: "AS_FACT", quote: `Report a${i} says it.` },
        { claim: `large-claim-${i}`, source: `large-b${i}`, position: "DISPUTES", mode: "AS_FACT", quote: `Report b${i} says it.` },
      ]),
    };
    const report = await importRecords(t.db, users.researcher, parseImportFile("large.json", JSON.stringify(file)));
    expect(report.records.filter((r) => r.outcome === "rejected")).toEqual([]);
    const matrix = await getTopicMatrix(t.db, "large-topic", "outlet");
    expect(matrix.rows).toHaveLength(40);
    expect(matrix.columns).toHaveLength(MATRIX_SOURCES);
    // Each shown claim has two sources of its own.
    expect(matrix.totals).toEqual({ claims: n, sources: 80 });
  });
});
