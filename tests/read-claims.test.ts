import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActorWithStances } from "../lib/actors/get-actor";
import { getClaimWithStances } from "../lib/claims/get-claim";
import { analyseClaim } from "../lib/analysis/claim-analysis";
import { updateActor } from "../lib/actors/write-actor";
import { listClaims } from "../lib/claims/list-claims";
import { loadCorpus } from "../lib/seed/load-corpus";
import { getSourceWithStances } from "../lib/sources/get-source";
import { listSources } from "../lib/sources/list-sources";
import { ClaimListQuerySchema } from "../lib/schemas/claims-query";
import { freshDatabase, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
});
afterAll(async () => {
  await t.drop();
});

const query = (params: Record<string, string> = {}) => ClaimListQuerySchema.parse(params);

describe("listClaims", () => {
  it("puts the most contested claims first", async () => {
    const { claims } = await listClaims(t.db, query({ limit: "5" }));
    expect(claims.every((c) => c.status === "CONTESTED")).toBe(true);
    expect(claims[0]!.slug).toBe("partnership-will-not-outlast-the-war");
  });

  it("walks every claim exactly once, in order, page by page", async () => {
    const all = await listClaims(t.db, query({ limit: "100" }));
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listClaims>> = await listClaims(t.db, query({ limit: "7", ...(cursor ? { cursor } : {}) }));
      walked.push(...page.claims.map((c) => c.slug));
      expect(page.total).toBe(all.total);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.claims.map((c) => c.slug));
    expect(all.total).toBe(39);
  });

  it("filters by status and topic, with totals that match", async () => {
    const contested = await listClaims(t.db, query({ status: "contested", limit: "100" }));
    expect(contested.claims.length).toBe(contested.total);
    expect(contested.claims.every((c) => c.status === "CONTESTED")).toBe(true);
    const treaty = await listClaims(t.db, query({ topic: "treaty-terms", limit: "100" }));
    expect(treaty.claims.length).toBeGreaterThan(5);
    expect(treaty.claims.every((c) => c.topic.slug === "treaty-terms")).toBe(true);
  });

  it("searches the wording by its words, without regard to case, and explains a search with no word in it", async () => {
    const kursk = await listClaims(t.db, query({ q: "KURSK" }));
    expect(kursk.claims.map((c) => c.slug).sort()).toEqual(["dprk-troops-mainly-in-kursk", "kursk-incursion-triggered-involvement"]);
    await expect(listClaims(t.db, query({ q: "%" }))).rejects.toMatchObject({ code: "INVALID", field: "q", message: "Search for at least one word." });
    expect((await listClaims(t.db, query({ q: "k_rsk" }))).total).toBe(0);
    expect((await listClaims(t.db, query({ q: "NORTH\u00a0korean   troops" }))).total).toBeGreaterThan(3);
  });

  it("refuses an unknown topic, naming the parameter", async () => {
    await expect(listClaims(t.db, query({ topic: "cooking" }))).rejects.toMatchObject({ code: "INVALID", field: "topic" });
  });
});

describe("getClaimWithStances", () => {
  it("gives the troop-number claim's supporting and disputing quotes with their speakers", async () => {
    const claim = await getClaimWithStances(t.db, { slug: "dprk-troops-number-about-10000" });
    expect(claim.status).toBe("CONTESTED");
    const supports = claim.stances.filter((s) => s.position === "SUPPORTS");
    const disputes = claim.stances.filter((s) => s.position === "DISPUTES");
    expect(supports.map((s) => s.source.outlet.name)).toContain("NPR");
    expect(supports.find((s) => s.source.outlet.name === "NPR")?.speaker?.name).toBe("The U.S., Ukraine and South Korea");
    expect(disputes.find((s) => s.speaker?.slug === "pentagon")?.quote).toMatch(/several thousand DPRK troops/);
    expect(claim.related.map((r) => r.claim.slug)).toContain("dprk-troops-deployed-to-russia");
    expect(claim.agreement.sources).toEqual({ SUPPORTS: 2, DISPUTES: 1, QUALIFIES: 1 });
  });

  it("orders stances oldest source first", async () => {
    const claim = await getClaimWithStances(t.db, { slug: "kursk-incursion-triggered-involvement" });
    expect(claim.stances[0]!.source.outlet.name).toBe("The Platform");
  });

  it("throws NOT_FOUND for an unknown slug", async () => {
    await expect(getClaimWithStances(t.db, { slug: "no-such-claim" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("sources and actors", () => {
  it("gives a source's full text with its stances in reading order, each quote at its offsets", async () => {
    const source = await getSourceWithStances(t.db, { id: "sputnik-federation-council-ratifies" });
    expect(source.outlet.kind).toBe("STATE_NEWS_AGENCY");
    const starts = source.stances.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const s of source.stances) expect(source.text.slice(s.start, s.end)).toBe(s.quote);
  });

  it("lists sources newest first, undated last", async () => {
    const { sources } = await listSources(t.db);
    expect(sources.at(-1)!.id).toBe("platform-partnership-not-so-rosy");
    expect(sources.map((s) => s.publishedAt?.toISOString().slice(0, 7))).toEqual(["2024-12", "2024-12", "2024-11", "2024-11", "2024-06"]);
  });

  it("refuses a page of sources after a source that does not exist", async () => {
    await expect(listSources(t.db, { after: "no-such-source" })).rejects.toMatchObject({ code: "INVALID", field: "after" });
  });

  it("gives what a speaker is quoted as saying across sources", async () => {
    const putin = await getActorWithStances(t.db, { slug: "vladimir-putin" });
    expect(new Set(putin.stances.map((s) => s.source.outlet.name))).toEqual(new Set(["The Platform", "Unidentified news website", "Sputnik"]));
    await expect(getActorWithStances(t.db, { slug: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

// Last: it renames a speaker the tests above read.
describe("the claim's analysis, as the write stored it", () => {
  const researcher = { id: "u-analysis-researcher", name: "Ana Lysis", email: "ana@test", role: "RESEARCHER" as const };

  it("is what computing it from the live stances gives, for every claim; a past day is computed", async () => {
    const claims = await t.db.claim.findMany({ where: { retractedAt: null }, select: { slug: true, analysis: true } });
    expect(claims.every((c) => c.analysis !== null)).toBe(true);
    for (const { slug } of claims) {
      const claim = await getClaimWithStances(t.db, { slug });
      expect(claim.analysis, slug).toEqual(analyseClaim(claim.stances, claim.quantityKind));
    }
    const early = await getClaimWithStances(t.db, { slug: "dprk-troops-deployed-to-russia", asOf: new Date("2024-11-30T00:00:00Z") });
    expect(early.analysis).toEqual(analyseClaim(early.stances, early.quantityKind));
  });

  it("follows a speaker's new name and whether it is unnamed, which decides the claims' origins", async () => {
    await t.db.user.create({ data: researcher });
    const claim = await getClaimWithStances(t.db, { slug: "dprk-troops-number-about-10000" });
    const speaker = claim.stances.find((s) => s.speaker && !s.speaker.unnamed)!.speaker!;
    expect(claim.analysis.origins.map((o) => o.label)).toContain(speaker.name);
    const actor = await t.db.actor.findUniqueOrThrow({ where: { id: speaker.id } });
    await updateActor(t.db, researcher, { id: actor.id, version: actor.version, name: "A renamed speaker", kind: actor.kind, description: actor.description });
    const renamed = await getClaimWithStances(t.db, { slug: claim.slug });
    expect(renamed.analysis.origins.map((o) => o.label)).toContain("A renamed speaker");
    expect(renamed.analysis.origins.map((o) => o.label)).not.toContain(speaker.name);

    // Unnamed, its words count as each publisher's own: the origins are counted again.
    await updateActor(t.db, researcher, {
      id: actor.id,
      version: actor.version + 1,
      name: "A renamed speaker",
      kind: actor.kind,
      description: actor.description,
      unnamed: true,
    });
    const unnamed = await getClaimWithStances(t.db, { slug: claim.slug });
    expect(unnamed.analysis.origins.map((o) => o.label)).not.toContain("A renamed speaker");
    expect(unnamed.analysis).toEqual(analyseClaim(unnamed.stances, unnamed.quantityKind));
    expect(unnamed.originCount).toBe(unnamed.analysis.origins.length);
  });
});
