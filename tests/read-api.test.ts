import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../lib/seed/load-corpus";
import { freshDatabase, type TestDb } from "./helpers/test-db";

// The real route handlers, on a real seeded database.
let t: TestDb;
let api: {
  claims: typeof import("../app/api/claims/route");
  claim: typeof import("../app/api/claims/[slug]/route");
  source: typeof import("../app/api/sources/[id]/route");
};

beforeAll(async () => {
  t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
  process.env.DATABASE_URL = t.url;
  api = {
    claims: await import("../app/api/claims/route"),
    claim: await import("../app/api/claims/[slug]/route"),
    source: await import("../app/api/sources/[id]/route"),
  };
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const get = (path: string) => new Request(`http://localhost${path}`);
const listClaims = async (qs: string) => {
  const response = await api.claims.GET(get(`/api/claims${qs}`), undefined);
  return { status: response.status, body: await response.json() };
};

describe("GET /api/claims", () => {
  it("answers with claims, counts, total and a cursor that reaches the next page", async () => {
    const first = await listClaims("?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(39);
    expect(first.body.claims[0]).toEqual({
      id: expect.any(String),
      slug: "partnership-will-not-outlast-the-war",
      text: expect.any(String),
      status: "CONTESTED",
      topic: "strategic-aims",
      counts: { supports: 2, disputes: 2, qualifies: 0 },
    });
    const second = await listClaims(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.claims[0].slug).not.toBe(first.body.claims[1].slug);
  });

  it.each([
    ["?limit=abc", "limit"],
    ["?limit=101", "limit"],
    ["?status=maybe", "status"],
    ["?topic=Not%20A%20Slug", "topic"],
    ["?cursor=bm90LWEtY3Vyc29y", "cursor"],
    ["?status=contested&status=disputed", "status"],
    ["?colour=red", "colour"],
    [`?q=${"x".repeat(201)}`, "q"],
  ])("answers %s with 400 naming %s", async (qs, field) => {
    const { status, body } = await listClaims(qs);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
    expect(body.error.message).toContain(`"${field}"`);
  });
});

describe("GET /api/claims/{slug}", () => {
  it("gives the claim, its stances with quote, offsets, speaker and source, and related claims", async () => {
    const response = await api.claim.GET(get("/api/claims/dprk-troops-number-about-10000"), {
      params: Promise.resolve({ slug: "dprk-troops-number-about-10000" }),
    });
    const body = await response.json();
    expect(body.claim).toMatchObject({ slug: "dprk-troops-number-about-10000", status: "CONTESTED", originCount: 5, verdict: null, mergedInto: null });
    const pentagon = body.stances.find((s: { speaker: { slug: string } | null }) => s.speaker?.slug === "pentagon");
    expect(pentagon).toMatchObject({
      position: "DISPUTES",
      mode: "REPORTED_ALLEGATION",
      // Verbatim: the blog's text has non-breaking spaces in this sentence.
      quote: "several thousand DPRK troops\u00a0likely traveled to Russia earlier this year",
      source: { id: "blog-friends-with-geopolitical-benefits", outlet: "HP McLovincraft's blog", publishedAt: "2024-12" },
    });
    expect(pentagon.end - pentagon.start).toBe(pentagon.quote.length);
    expect(body.related).toContainEqual(expect.objectContaining({ slug: "dprk-troops-deployed-to-russia", kind: "VARIANT_OF" }));
  });

  it("answers an unknown slug with a JSON 404", async () => {
    const response = await api.claim.GET(get("/api/claims/nope"), { params: Promise.resolve({ slug: "nope" }) });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/sources/{id}", () => {
  it("gives the source with its text and stances", async () => {
    const id = "npr-new-era-two-continents";
    const body = await (await api.source.GET(get(`/api/sources/${id}`), { params: Promise.resolve({ id }) })).json();
    expect(body.source).toMatchObject({ id, outlet: { name: "NPR", kind: "PUBLIC_BROADCASTER" }, publishedAt: "2024-11" });
    for (const s of body.stances) expect(body.source.text.slice(s.start, s.end)).toBe(s.quote);
  });

  it("answers an unknown id with a JSON 404", async () => {
    const response = await api.source.GET(get("/api/sources/x"), { params: Promise.resolve({ id: "x" }) });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/not found/);
  });
});
