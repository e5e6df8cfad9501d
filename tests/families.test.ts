import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../lib/roles";
import type { StoredAnalysis } from "../lib/analysis/claim-analysis";
import { fingerprintMigratedSources } from "../lib/families/find-copies";
import { splitCopies } from "../lib/families/copies";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";
import { dumpDatabase, seededDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

// Copies of one article (decision 0023) on the real seeded database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): found when a source is added by any door, one origin on the claims they bear
// on, split by an analyst, answered by GET /api/sources/{id}/copies.
let t: TestDb;
let api: typeof import("../app/api/sources/[id]/copies/route");
const users: Record<"researcher" | "analyst", CurrentUser> = {
  researcher: { id: "u-fam-researcher", name: "Ada Researcher", email: "ada@test", role: "RESEARCHER" },
  analyst: { id: "u-fam-analyst", name: "Ann Analyst", email: "ann@test", role: "ANALYST" },
};
const ORIGINAL = "npr-new-era-two-continents";
const article = readFileSync(resolve(import.meta.dirname, "../seeds/articles/000_ae04f69023b7a511.txt"), "utf8");
/** A re-post: a line before, a line after, a word changed. */
const repost = `Republished from NPR with permission.\n\n${article.replace(/\bsaid\b/g, "stated")}\n\nShare this story.`;
const PASSAGE = "signed the treaty in June in Pyongyang";

beforeAll(async () => {
  t = await seededDatabase(Object.values(users));
  process.env.DATABASE_URL = t.url;
  api = await import("../app/api/sources/[id]/copies/route");
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const copies = async (id: string) => {
  const response = await api.GET(new Request(`http://localhost/api/sources/${id}/copies`), { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
};
const claimState = async (slug: string) => {
  const claim = await t.db.claim.findUniqueOrThrow({ where: { slug }, select: { status: true, originCount: true, sourceCount: true, analysis: true } });
  return {
    status: claim.status,
    originCount: claim.originCount,
    sourceCount: claim.sourceCount,
    origins: (JSON.parse(claim.analysis!) as StoredAnalysis).origins,
  };
};
let copyId = "";
let claimSlug = "";

describe("copies of one article", () => {
  it("are not found among the five seed articles, each a text of its own", async () => {
    expect(await t.db.source.count({ where: { familyId: { not: null } } })).toBe(0);
    expect(await t.db.sourceBand.count()).toBe(5 * 48);
    expect(await copies(ORIGINAL)).toEqual({ status: 200, body: { copies: [] } });
  });

  it("are found when a researcher adds a re-post in another outlet, with the overlap, and answered by the API", async () => {
    copyId = (
      await createSource(t.db, users.researcher, {
        title: "The treaty signals a new era (republished)",
        outlet: { new: { name: "Aggregator Daily", kind: "NEWS_WEBSITE" } },
        kind: "NEWS_REPORT",
        language: "en",
        text: repost,
      })
    ).id;
    const family = await t.db.source.findMany({ where: { id: { in: [ORIGINAL, copyId] } }, select: { familyId: true } });
    expect(family.map((s) => s.familyId)).toEqual([[ORIGINAL, copyId].sort()[0], [ORIGINAL, copyId].sort()[0]]);
    const answer = await copies(copyId);
    expect(answer.body.copies).toEqual([{ id: ORIGINAL, title: expect.stringContaining("new era"), outlet: "NPR", overlap: expect.any(Number) }]);
    expect(answer.body.copies[0].overlap).toBeGreaterThan(0.9);
    expect((await copies(ORIGINAL)).body.copies.map((c: { id: string }) => c.id)).toEqual([copyId]);
    expect(await copies("no-such-source")).toMatchObject({ status: 404 });
  });

  it("count as one origin: a claim supported by the article and its re-post is single-source", async () => {
    const first = await createStance(t.db, users.researcher, {
      sourceId: ORIGINAL,
      quote: PASSAGE,
      claim: { new: { text: "The treaty was signed in Pyongyang in June (copies test).", topic: "treaty-terms" } },
      position: "SUPPORTS",
      mode: "AS_FACT",
      speaker: null,
    });
    claimSlug = first.claimSlug;
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: claimSlug }, select: { id: true } });
    await createStance(t.db, users.researcher, {
      sourceId: copyId,
      quote: PASSAGE,
      claim: { id: claim.id },
      position: "SUPPORTS",
      mode: "AS_FACT",
      speaker: null,
    });
    const state = await claimState(claimSlug);
    expect(state).toMatchObject({ status: "SINGLE_SOURCE", originCount: 1, sourceCount: 2 });
    expect(state.origins).toEqual([
      expect.objectContaining({ kind: "copies", label: "One article, published more than once", publishers: ["NPR", "Aggregator Daily"], sourceCount: 2 }),
    ]);
  });

  it("are not joined when a brief quotes one passage of the article", async () => {
    const passage = article.split(/\s+/).slice(100, 180).join(" ");
    const brief = await createSource(t.db, users.researcher, {
      title: "In brief: the treaty",
      outlet: { new: { name: "Briefs Weekly", kind: "MAGAZINE" } },
      kind: "NEWS_REPORT",
      language: "en",
      text: `Our summary. ${passage} More next week.`,
    });
    expect((await t.db.source.findUniqueOrThrow({ where: { id: brief.id } })).familyId).toBeNull();
  });

  it("are split by an analyst, not by a researcher: each counts as its own origin again, and the link is kept", async () => {
    const link = await t.db.sourceCopy.findFirstOrThrow({ where: { OR: [{ sourceAId: copyId }, { sourceBId: copyId }] } });
    const before = await dumpDatabase(t.db);
    expect((await refusal(splitCopies(t.db, users.researcher, { copyId: link.id }))).code).toBe("FORBIDDEN");
    expect(await dumpDatabase(t.db)).toEqual(before);
    expect(await refusal(splitCopies(t.db, users.analyst, { copyId: "no-such-link" }))).toMatchObject({ code: "NOT_FOUND" });

    await splitCopies(t.db, users.analyst, { copyId: link.id });
    expect(await claimState(claimSlug)).toMatchObject({ status: "CORROBORATED", originCount: 2 });
    expect((await copies(copyId)).body.copies).toEqual([]);
    expect(await t.db.source.count({ where: { familyId: { not: null } } })).toBe(0);
    expect(await t.db.sourceCopy.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ splitById: users.analyst.id, splitAt: expect.any(Date) });
    expect(await refusal(splitCopies(t.db, users.analyst, { copyId: link.id }))).toMatchObject({ code: "CONFLICT" });
  });

  it("are found within one import and among sources stored before copies were looked for", async () => {
    const wire = article.split(/\s+/).slice(0, 400).join(" ");
    const report = await importRecords(
      t.db,
      users.researcher,
      parseImportFile(
        "copies.json",
        JSON.stringify({
          sources: [
            { id: "wire-story", title: "Wire story", outlet: "wire-one", kind: "NEWS_REPORT", language: "en", text: `WIRE: ${wire}` },
            {
              id: "wire-story-again",
              title: "Wire story, local",
              outlet: "wire-two",
              kind: "NEWS_REPORT",
              language: "en",
              text: `${wire} Local reaction follows.`,
            },
          ],
          outlets: [
            { slug: "wire-one", name: "Wire One", kind: "NEWS_WEBSITE" },
            { slug: "wire-two", name: "Wire Two", kind: "NEWSPAPER" },
          ],
        }),
      ),
    );
    expect(report.records.filter((r) => r.outcome === "rejected")).toEqual([]);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: "wire-story-again" } })).familyId).toBe("wire-story");

    // As a database migrated from before: no band keys, no links, no families. Starting finds them again.
    await t.db.sourceCopy.deleteMany({ where: { sourceAId: "wire-story" } });
    await t.db.sourceBand.deleteMany({ where: { sourceId: { in: ["wire-story", "wire-story-again"] } } });
    await t.db.source.updateMany({ where: { id: { in: ["wire-story", "wire-story-again"] } }, data: { familyId: null } });
    expect(await fingerprintMigratedSources(t.db)).toBe(2);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: "wire-story-again" } })).familyId).toBe("wire-story");
    expect(await fingerprintMigratedSources(t.db)).toBe(0);
  });
});
