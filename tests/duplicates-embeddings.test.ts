import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../lib/roles";
import { similarityOf } from "../lib/duplicates/similarity";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// The duplicate matcher's embeddings mode (decision 0026) on the real seeded database (SQLite, or
// PostgreSQL with TEST_DATABASE_URL), with CORROBORATE_EMBEDDINGS_MODEL pointing at the small model
// the tests ship: a paraphrase the lexical score misses is proposed by its embeddings' cosine, and
// a changed figure still lowers it.
vi.hoisted(() => {
  process.env.CORROBORATE_EMBEDDINGS_MODEL = `${process.cwd()}/tests/fixtures/embedding-model`;
});

let t: TestDb;
let api: typeof import("../app/api/claims/[slug]/similar/route");
let createClaim: typeof import("../lib/claims/write-claim").createClaim;
const researcher: CurrentUser = { id: "u-emb-researcher", name: "Ada Researcher", email: "ada@test", role: "RESEARCHER" };
const TROOPS = "dprk-troops-number-about-10000";
const TROOPS_TEXT = "Some 10,000 North Korean troops have been sent to Russia.";

beforeAll(async () => {
  t = await seededDatabase([researcher]);
  process.env.DATABASE_URL = t.url;
  api = await import("../app/api/claims/[slug]/similar/route");
  createClaim = (await import("../lib/claims/write-claim")).createClaim;
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const similar = async (slug: string) => {
  const response = await api.GET(new Request(`http://localhost/api/claims/${slug}/similar`), { params: Promise.resolve({ slug }) });
  return (await response.json()).claims as { slug: string; score: number; method: string }[];
};

describe("claims said twice, with an embeddings model", () => {
  it("proposes a paraphrase the lexical score leaves under the threshold, by its embeddings, and stores the pair so", async () => {
    const text = "About 10,000 North Korean servicemen were deployed to Russia.";
    expect(similarityOf(TROOPS_TEXT, text).score).toBeLessThan(0.7);
    const added = await createClaim(t.db, researcher, { text, topic: "troop-deployment" });
    const found = (await similar(added.slug)).find((c) => c.slug === TROOPS);
    expect(found).toMatchObject({ method: "embedding" });
    expect(found!.score).toBeGreaterThanOrEqual(0.7);
    const claims = await t.db.claim.findMany({ where: { slug: { in: [added.slug, TROOPS] } }, select: { id: true } });
    const pair = await t.db.claimPair.findFirstOrThrow({ where: { claimAId: { in: claims.map((c) => c.id) }, claimBId: { in: claims.map((c) => c.id) } } });
    expect(pair).toMatchObject({ method: "embedding", score: found!.score });
  });

  it("still lowers a pair whose figures differ, however alike their embeddings", async () => {
    const text = "About 12,000 North Korean servicemen were deployed to Russia.";
    const { configuredEmbedder, cosine } = await import("../lib/duplicates/embeddings");
    const [a, b] = await (await configuredEmbedder()!).embed([TROOPS_TEXT, text]);
    expect(cosine(a!, b!)).toBeGreaterThan(0.8);
    const { pairScore } = await import("../lib/duplicates/find-duplicates");
    expect((await pairScore(TROOPS_TEXT, text)).score).toBeLessThan(0.5);
    const added = await createClaim(t.db, researcher, { text, topic: "troop-deployment" });
    expect((await similar(added.slug)).map((c) => c.slug)).not.toContain(TROOPS);
  });
});
