import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeOutlet } from "../lib/review/grading";
import { setVerdict } from "../lib/review/verdicts";
import { addRelation } from "../lib/review/relations";
import { mergeClaims, undoMerge } from "../lib/review/merge";
import { updateClaim } from "../lib/claims/write-claim";
import { createStance } from "../lib/stances/write-stance";
import { updateSource } from "../lib/sources/write-source";
import { onWriteCommitted, tag } from "../lib/write/cache-tags";
import { refusal } from "./helpers/refusal";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Every write names the pages it changed once it has committed, so that a cache renders exactly
// those again (lib/write/cache-tags.ts). What a reader would see stale is what is checked here.
let t: TestDb;
const analyst = { id: "u-tags-analyst", name: "Tag Analyst", email: "tags@test", role: "ANALYST" as const };
const announced: string[][] = [];

beforeAll(async () => {
  t = await seededDatabase([analyst]);
  onWriteCommitted("cache-tags.test", (tags) => announced.push([...tags]));
});
afterAll(async () => {
  await t.drop();
});

/** What the next write announces. */
async function tagsOf(write: () => Promise<unknown>): Promise<string[]> {
  announced.length = 0;
  await write();
  expect(announced).toHaveLength(1);
  return announced[0]!;
}

describe("the pages a write changes", () => {
  it("linking a passage: its claim, the topic's matrix, the passage's source and speaker, the lists and the counts, and no other page", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true, topicId: true, status: true } });
    const source = await t.db.source.findUniqueOrThrow({ where: { id: "sputnik-federation-council-ratifies" }, select: { id: true, text: true } });
    const speaker = await t.db.actor.findUniqueOrThrow({ where: { slug: "pentagon" }, select: { id: true } });
    const tags = await tagsOf(() =>
      createStance(t.db, analyst, {
        sourceId: source.id,
        quote: source.text.slice(0, 40).trim(),
        claim: { id: claim.id },
        position: "QUALIFIES",
        mode: "ASSESSMENT",
        speaker: { id: speaker.id },
      }),
    );
    expect(await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).toEqual({ status: claim.status });
    expect(tags.sort()).toEqual(
      [tag.claim(claim.id), tag.topic(claim.topicId), tag.source(source.id), tag.actor(speaker.id), tag.claims, tag.sources, tag.actors, tag.counts].sort(),
    );
  });

  it("a passage that changes its claim's status: the pages of every source and speaker quoting that claim show the new status", async () => {
    const claim = await t.db.claim.findFirstOrThrow({
      where: { status: "CORROBORATED", stances: { some: { speakerId: { not: null } } } },
      select: { id: true, status: true, stances: { select: { sourceId: true, speakerId: true } } },
    });
    const source = await t.db.source.findFirstOrThrow({ where: { id: { notIn: claim.stances.map((s) => s.sourceId) } }, select: { id: true, text: true } });
    const tags = await tagsOf(() =>
      createStance(t.db, analyst, {
        sourceId: source.id,
        quote: source.text.slice(0, 30).trim(),
        claim: { id: claim.id },
        position: "DISPUTES",
        mode: "AS_FACT",
        speaker: null,
      }),
    );
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } })).status).not.toBe(claim.status);
    expect(tags).toEqual(
      expect.arrayContaining([
        tag.claim(claim.id),
        ...claim.stances.map((s) => tag.source(s.sourceId)),
        ...claim.stances.flatMap((s) => (s.speakerId ? [tag.actor(s.speakerId)] : [])),
      ]),
    );
  });

  it("grading an outlet: every claim quoting it, and the outlet's own pages", async () => {
    const outlet = await t.db.outlet.findUniqueOrThrow({ where: { slug: "sputnik" } });
    const quoting = await t.db.stance.findMany({
      where: { source: { outletId: outlet.id }, retractedAt: null },
      select: { claimId: true },
      distinct: ["claimId"],
    });
    expect(quoting.length).toBeGreaterThan(1);
    const tags = await tagsOf(() => gradeOutlet(t.db, analyst, { id: outlet.id, version: outlet.version, reliability: "D", reason: "Often wrong." }));
    expect(tags).toEqual(expect.arrayContaining([...quoting.map((c) => tag.claim(c.claimId)), tag.outlet(outlet.id), tag.outlets]));
  });

  it("editing a source's title: the claims quoting it show the title, so their pages change too", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { id: "sputnik-federation-council-ratifies" } });
    const quoting = await t.db.stance.findMany({ where: { sourceId: source.id }, select: { claimId: true }, distinct: ["claimId"] });
    const tags = await tagsOf(() =>
      updateSource(t.db, analyst, {
        id: source.id,
        version: source.version,
        title: `${source.title} (corrected)`,
        outlet: { id: source.outletId },
        kind: source.kind,
        language: source.language,
      }),
    );
    expect(tags).toEqual(expect.arrayContaining([tag.source(source.id), ...quoting.map((c) => tag.claim(c.claimId))]));
  });

  it("a verdict: the claim's page and matrix; new wording: the pages quoting it too; a relation: both claims", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "treaty-signed-june-2024" } });
    const shownOn = await t.db.stance.findMany({ where: { claimId: claim.id }, select: { sourceId: true } });
    const verdict = await tagsOf(() =>
      setVerdict(t.db, analyst, { claimId: claim.id, rating: "TRUE", confidence: "HIGH", rationale: "Dated in every source." }),
    );
    expect(verdict.sort()).toEqual([tag.claim(claim.id), tag.topic(claim.topicId)].sort());
    const topic = await t.db.topic.findFirstOrThrow({ where: { id: { not: claim.topicId } }, select: { id: true, slug: true } });
    const reworded = await tagsOf(() =>
      updateClaim(t.db, analyst, { id: claim.id, version: claim.version, text: `${claim.text} (reworded)`, topic: topic.slug }),
    );
    // Moved to another topic: both matrices change.
    expect(reworded).toEqual(
      expect.arrayContaining([tag.claim(claim.id), tag.topic(claim.topicId), tag.topic(topic.id), tag.claims, ...shownOn.map((s) => tag.source(s.sourceId))]),
    );
    const other = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true } });
    const related = await tagsOf(() => addRelation(t.db, analyst, { fromClaimId: claim.id, toClaim: "dprk-troops-number-about-10000", kind: "CONTRADICTS" }));
    expect(related).toEqual(expect.arrayContaining([tag.claim(claim.id), tag.claim(other.id)]));
  });

  it("a merge and its undoing: both claims' pages (the merged one's address redirects, then does not), and the lists", async () => {
    const gone = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-mainly-in-kursk" }, select: { id: true } });
    const kept = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true } });
    const merged = await tagsOf(() => mergeClaims(t.db, analyst, { fromClaimId: gone.id, intoClaim: "dprk-troops-number-about-10000", reason: "One claim." }));
    expect(merged).toEqual(expect.arrayContaining([tag.claim(gone.id), tag.claim(kept.id), tag.claims]));
    const merge = await t.db.claimMerge.findFirstOrThrow({ where: { fromClaimId: gone.id, undoneAt: null } });
    const undone = await tagsOf(() => undoMerge(t.db, analyst, { mergeId: merge.id, reason: "Two claims after all." }));
    expect(undone).toEqual(expect.arrayContaining([tag.claim(gone.id), tag.claim(kept.id), tag.claims]));
  });

  it("a refused write changes nothing, and announces nothing", async () => {
    announced.length = 0;
    const outlet = await t.db.outlet.findUniqueOrThrow({ where: { slug: "sputnik" } });
    await refusal(gradeOutlet(t.db, analyst, { id: outlet.id, version: outlet.version - 1, reliability: "A", reason: "Stale." }));
    expect(announced).toEqual([]);
  });
});
