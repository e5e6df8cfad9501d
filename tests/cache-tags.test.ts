import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeOutlet } from "../lib/review/grading";
import { setVerdict } from "../lib/review/verdicts";
import { addRelation } from "../lib/review/relations";
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
  it("linking a passage: its claim, the topic's matrix, the pages of every source and speaker showing that claim, the lists and the counts", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true, topicId: true } });
    const source = await t.db.source.findUniqueOrThrow({ where: { id: "sputnik-federation-council-ratifies" }, select: { id: true, text: true } });
    const speaker = await t.db.actor.findUniqueOrThrow({ where: { slug: "pentagon" }, select: { id: true } });
    const shown = await t.db.stance.findMany({ where: { claimId: claim.id }, select: { sourceId: true, speakerId: true } });
    const quote = source.text.slice(0, 40).trim();
    const tags = await tagsOf(() =>
      createStance(t.db, analyst, {
        sourceId: source.id,
        quote,
        claim: { id: claim.id },
        position: "QUALIFIES",
        mode: "ASSESSMENT",
        speaker: { id: speaker.id },
      }),
    );
    expect(tags).toEqual(
      expect.arrayContaining([
        tag.claim(claim.id),
        tag.topic(claim.topicId),
        tag.source(source.id),
        tag.actor(speaker.id),
        ...shown.map((s) => tag.source(s.sourceId)),
        ...shown.flatMap((s) => (s.speakerId ? [tag.actor(s.speakerId)] : [])),
        tag.claims,
        tag.sources,
        tag.actors,
        tag.counts,
      ]),
    );
    // Nothing else: another claim's page is not rendered again.
    const other = await t.db.claim.findUniqueOrThrow({ where: { slug: "treaty-signed-june-2024" }, select: { id: true } });
    expect(tags).not.toContain(tag.claim(other.id));
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
    expect(tags).toEqual(expect.arrayContaining([...quoting.map((c) => tag.claim(c.claimId)), tag.outlet(outlet.id), tag.outlets, tag.claims]));
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

  it("a verdict, new wording and a relation: the claims' pages, and the pages of the sources and speakers showing them", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "treaty-signed-june-2024" } });
    const shownOn = await t.db.stance.findMany({ where: { claimId: claim.id }, select: { sourceId: true } });
    const verdict = await tagsOf(() =>
      setVerdict(t.db, analyst, { claimId: claim.id, rating: "TRUE", confidence: "HIGH", rationale: "Dated in every source." }),
    );
    expect(verdict).toEqual(expect.arrayContaining([tag.claim(claim.id), ...shownOn.map((s) => tag.source(s.sourceId))]));
    const topic = await t.db.topic.findFirstOrThrow({ where: { id: { not: claim.topicId } }, select: { id: true, slug: true } });
    const reworded = await tagsOf(() =>
      updateClaim(t.db, analyst, { id: claim.id, version: claim.version, text: `${claim.text} (reworded)`, topic: topic.slug }),
    );
    // Moved to another topic: both matrices change.
    expect(reworded).toEqual(expect.arrayContaining([tag.claim(claim.id), tag.topic(claim.topicId), tag.topic(topic.id)]));
    const other = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true } });
    const related = await tagsOf(() => addRelation(t.db, analyst, { fromClaimId: claim.id, toClaim: "dprk-troops-number-about-10000", kind: "CONTRADICTS" }));
    expect(related).toEqual(expect.arrayContaining([tag.claim(claim.id), tag.claim(other.id)]));
  });

  it("a refused write changes nothing, and announces nothing", async () => {
    announced.length = 0;
    const outlet = await t.db.outlet.findUniqueOrThrow({ where: { slug: "sputnik" } });
    await refusal(gradeOutlet(t.db, analyst, { id: outlet.id, version: outlet.version - 1, reliability: "A", reason: "Stale." }));
    expect(announced).toEqual([]);
  });
});
