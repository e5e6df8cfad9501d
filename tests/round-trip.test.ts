import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDataset } from "../lib/export/dataset";
import { allClaimReviews } from "../lib/export/claim-review";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { assessStance, gradeOutlet, gradeSource } from "../lib/review/grading";
import { addRelation } from "../lib/review/relations";
import { setVerdict } from "../lib/review/verdicts";
import { retractStance } from "../lib/stances/write-stance";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";
import { loadCorpus } from "../lib/seed/load-corpus";
import { freshDatabase, type TestDb } from "./helpers/test-db";

let from: TestDb;
let to: TestDb;
const analyst = { id: "u-analyst", name: "Ann Analyst", email: "ann@test", role: "ANALYST" as const };

beforeAll(async () => {
  [from, to] = await Promise.all([freshDatabase(), freshDatabase()]);
  await loadCorpus({ db: from.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
  for (const t of [from, to]) await t.db.user.create({ data: analyst });
  // Work done in the app on top of the seed: a new source and stance, grades, a verdict, a hand-set interval, a relation, a retraction.
  const db = from.db;
  const source = await createSource(db, analyst, {
    title: "A later count",
    outlet: { new: { name: "Round Trip Post", kind: "NEWSPAPER", country: "KR" } },
    authors: "Kim, Lee",
    published: "2025-01",
    kind: "ANALYSIS",
    language: "en",
    text: "Officials now say \u201cmore than 11,000\u201d soldiers \ud835\udd4f arrived.\r\nOthers doubt it.",
  });
  const stance = await createStance(db, analyst, {
    sourceId: source.id,
    quote: "more than 11,000",
    claim: { id: "dprk-troops-number-about-10000" },
    position: "QUALIFIES",
    mode: "REPORTED_ALLEGATION",
    speaker: { new: { name: "Officials", kind: "GROUP" } },
    note: "Says more.",
  });
  const outlet = await db.outlet.findUniqueOrThrow({ where: { slug: "npr" } });
  await gradeOutlet(db, analyst, { id: outlet.id, version: outlet.version, reliability: "B", reason: "Named sources" });
  await gradeSource(db, analyst, { id: source.id, version: 1, reliability: "D", reason: "Unnamed officials" });
  const stored = await db.stance.findUniqueOrThrow({ where: { id: stance.id } });
  await assessStance(db, analyst, { id: stance.id, version: stored.version, credibility: 3, intervalManual: true, intervalLow: "11,000", intervalHigh: "" });
  const claimId = (await db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" } })).id;
  await setVerdict(db, analyst, { claimId, rating: "MIXED", confidence: "LOW", rationale: "First look." });
  await setVerdict(db, analyst, { claimId, rating: "CONFLICTING_EVIDENCE", confidence: "MEDIUM", rationale: "Some 10,000 against several thousand." });
  await addRelation(db, analyst, { fromClaimId: claimId, toClaim: "dprk-troops-in-combat", kind: "SAME_AS", note: "Round trip" });
  const retracted = await db.stance.findFirstOrThrow({ where: { claim: { slug: "treaty-signed-june-2024" } } });
  await retractStance(db, analyst, { id: retracted.id, version: retracted.version, reason: "Left out of exports" });
});
afterAll(async () => {
  await Promise.all([from.drop(), to.drop()]);
});

describe("export and import", () => {
  it("exports, imports into an empty database and exports again, byte for byte", async () => {
    const first = JSON.stringify(await exportDataset(from.db), null, 2);
    const report = await importRecords(to.db, analyst, parseImportFile("dataset.json", first));
    expect(report.records.filter((r) => r.outcome === "rejected")).toEqual([]);
    expect(report.written).toBe(true);
    const second = JSON.stringify(await exportDataset(to.db), null, 2);
    expect(second).toBe(first);

    const doc = JSON.parse(first);
    expect(doc.stances.length).toBe(await from.db.stance.count({ where: { retractedAt: null } }));
    expect(doc.verdicts.map((v: { rating: string }) => v.rating)).toEqual(["MIXED", "CONFLICTING_EVIDENCE"]);
    expect(doc.stances.find((s: { quote: string }) => s.quote === "more than 11,000")).toMatchObject({
      credibility: 3,
      interval: { low: 11_000, high: null },
      speaker: "officials",
    });
    // What the claim pages show is the same too: statuses, weights and the current verdict.
    const summary = (db: TestDb["db"]) =>
      db.claim.findMany({
        orderBy: { slug: "asc" },
        select: { slug: true, status: true, supportWeight: true, disputeWeight: true, originCount: true, verdict: true },
      });
    expect(await summary(to.db)).toEqual(await summary(from.db));
  });

  it("imports the same export again without creating anything", async () => {
    const doc = JSON.stringify(await exportDataset(from.db));
    const again = await importRecords(to.db, analyst, parseImportFile("dataset.json", doc));
    expect(again.counts.created).toBe(0);
    expect(again.counts.updated).toBe(0);
  });
});

describe("exports past SQLite's parameter limit", () => {
  it("exports 1,200 sources with authors and 1,100 reviewed claims", async () => {
    const t = await freshDatabase();
    try {
      const db = t.db;
      await db.user.create({ data: analyst });
      const outlet = await db.outlet.create({ data: { slug: "many", name: "Many", kind: "BLOG" } });
      const topic = await db.topic.create({ data: { slug: "many", name: "Many" } });
      const ids = Array.from({ length: 1_200 }, (_, i) => `many-${String(i).padStart(4, "0")}`);
      await db.source.createMany({
        data: ids.map((id) => ({ id, title: id, outletId: outlet.id, kind: "BLOG_POST", language: "en", text: `Text ${id}`, contentHash: id })),
      });
      await db.sourceAuthor.createMany({
        data: ids.flatMap((id) => [
          { sourceId: id, name: `${id} second`, position: 1 },
          { sourceId: id, name: `${id} first`, position: 0 },
        ]),
      });
      await db.claim.createMany({
        data: ids.slice(0, 1_100).map((id) => ({ id, slug: id, text: id, searchText: id, topicId: topic.id, rankKey: id, verdict: "TRUE" as const })),
      });
      await db.verdict.createMany({
        data: ids.slice(0, 1_100).flatMap((id) => [
          {
            claimId: id,
            rating: "FALSE" as const,
            confidence: "LOW" as const,
            rationale: "older",
            createdAt: new Date("2025-01-01T00:00:00Z"),
            userId: analyst.id,
          },
          {
            claimId: id,
            rating: "TRUE" as const,
            confidence: "HIGH" as const,
            rationale: "newer",
            createdAt: new Date("2025-02-01T00:00:00Z"),
            userId: analyst.id,
          },
        ]),
      });
      const dataset = await exportDataset(db);
      expect(dataset.sources).toHaveLength(1_200);
      expect(dataset.sources[0]!.authors).toEqual(["many-0000 first", "many-0000 second"]);
      const reviews = await allClaimReviews(db, "https://corroborate.example");
      expect(reviews).toHaveLength(1_100);
      expect(reviews.every((r) => r.reviewRating.alternateName === "True" && r.reviewBody === "newer")).toBe(true);
    } finally {
      await t.drop();
    }
  });
});

describe("source texts", () => {
  it("are stored exactly as given, so offsets into untidy text (a leading blank, CRLF) stay true", async () => {
    const t = await freshDatabase();
    try {
      await t.db.user.create({ data: analyst });
      const text = "  \r\nFirst line.\r\nSecond line ";
      const doc = {
        topics: [{ slug: "t", name: "T" }],
        outlets: [{ slug: "o", name: "O", kind: "BLOG" }],
        sources: [{ id: "untidy", title: "Untidy", outlet: "o", kind: "BLOG_POST", language: "en", text }],
        claims: [{ slug: "c", text: "A claim.", topic: "t" }],
        stances: [
          {
            claim: "c",
            source: "untidy",
            position: "SUPPORTS",
            mode: "AS_FACT",
            quote: "Second line",
            start: text.indexOf("Second"),
            end: text.indexOf("Second") + 11,
          },
        ],
      };
      const report = await importRecords(t.db, analyst, parseImportFile("untidy.json", JSON.stringify(doc)));
      expect(report.counts.rejected).toBe(0);
      expect((await t.db.source.findUniqueOrThrow({ where: { id: "untidy" } })).text).toBe(text);
      expect((await exportDataset(t.db)).sources[0]!.text).toBe(text);
    } finally {
      await t.drop();
    }
  });
});
