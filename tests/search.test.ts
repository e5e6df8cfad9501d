import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, restoreClaim, retractClaim, updateClaim } from "../lib/claims/write-claim";
import { createStance, restoreStance, retractStance } from "../lib/stances/write-stance";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { loadCorpus } from "../lib/seed/load-corpus";
import { search, type SearchResult } from "../lib/search/search";
import { createSource, updateSource } from "../lib/sources/write-source";
import { suggestClaims } from "../lib/claims/suggest-claims";
import { listClaims } from "../lib/claims/list-claims";
import { freshDatabase, type TestDb } from "./helpers/test-db";

// Full-text search on the real seeded database (SQLite, or PostgreSQL with TEST_DATABASE_URL),
// through the real route handler where a reader or a program would see it.
let t: TestDb;
let route: typeof import("../app/api/search/route");
const researcher = { id: "u-search-researcher", name: "Sam Searcher", email: "sam@test", role: "RESEARCHER" as const };

beforeAll(async () => {
  t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
  await t.db.user.create({ data: researcher });
  process.env.DATABASE_URL = t.url;
  route = await import("../app/api/search/route");
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const get = async (qs: string) => {
  const response = await route.GET(new Request(`http://localhost/api/search?${qs}`), undefined);
  return { status: response.status, body: await response.json() };
};
const find = (q: string, type?: "claims" | "sources" | "quotes", limit = 50) => search(t.db, { q, type, limit });
const titles = (results: SearchResult[]) => results.map((r) => r.title);

describe("GET /api/search", () => {
  it("answers ranked results in the documented shape, each snippet verbatim and each offset on the matching words", async () => {
    const { status, body } = await get(`q=${encodeURIComponent('"military alliance"')}&type=sources`);
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.nextCursor).toBeNull();
    for (const result of body.results) {
      expect(Object.keys(result).sort()).toEqual(["clipped", "end", "highlights", "id", "score", "snippet", "sourceId", "start", "title", "type"]);
      // These texts are long: the snippet leaves words out on both sides of these matches.
      expect(result.clipped).toEqual({ start: true, end: true });
      const source = await t.db.source.findUniqueOrThrow({ where: { id: result.sourceId }, select: { text: true } });
      expect(source.text.slice(result.start, result.end).toLowerCase()).toBe("military alliance");
      expect(source.text).toContain(result.snippet);
      const [from, to] = result.highlights[0];
      expect(result.snippet.slice(from, to).toLowerCase()).toBe("military alliance");
    }
  });

  it("matches a quoted phrase only where its words stand together, and loose words anywhere", async () => {
    const phrase = await find('"military alliance"', "sources");
    const words = await find("military alliance", "sources");
    expect(phrase.total).toBe(2);
    expect(words.total).toBeGreaterThan(phrase.total);
    expect(titles(words.results)).toEqual(expect.arrayContaining(titles(phrase.results)));
  });

  it("matches a prefix, and every word of a query must match", async () => {
    const prefix = await find("deploy*", "claims");
    expect(prefix.results.map((r) => r.title)).toContain("The North Korean troops in Russia are deployed mainly in the Kursk region.");
    expect((await find("deploy", "claims")).total).toBe(0);
    const both = await find("Kursk troops", "claims");
    expect(both.total).toBeGreaterThan(0);
    for (const r of both.results) expect(r.title.toLowerCase()).toMatch(/kursk.*troops|troops.*kursk/);
  });

  it("ranks a source whose title has the word above one whose text alone has it", async () => {
    const { results } = await find("ratifies", "sources");
    expect(results[0]!.title).toMatch(/ratifies/i);
    const textOnly = results.findIndex((r) => !/ratifies/i.test(r.title));
    if (textOnly !== -1) expect(textOnly).toBeGreaterThan(0);
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));
  });

  it("finds quotes and says which claim and source each belongs to, with the passage's offsets in the source", async () => {
    const { results } = await find('"clearly fabricated"', "quotes");
    expect(results.length).toBeGreaterThan(0);
    const quote = results[0]!;
    expect(quote.type).toBe("quote");
    if (quote.type !== "quote") return;
    const source = await t.db.source.findUniqueOrThrow({ where: { id: quote.sourceId }, select: { text: true } });
    expect(source.text.slice(quote.start, quote.end).toLowerCase()).toBe("clearly fabricated");
    expect(quote.claim.slug).toBeTruthy();
    // A quote this short is shown whole.
    expect(quote.clipped).toEqual({ start: false, end: false });
  });

  it("pages with a cursor: no result twice, the same total, and without a type claims before sources before quotes", async () => {
    const all = await find("treaty");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await get(`q=treaty&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(body.total).toBe(all.total);
      seen.push(...body.results.map((r: SearchResult) => `${r.type}:${r.id}`));
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(all.total);
    expect(new Set(seen).size).toBe(all.total);
    const order = seen.map((key) => key.split(":")[0]);
    expect(order).toEqual([...order].sort((a, b) => ["claim", "source", "quote"].indexOf(a!) - ["claim", "source", "quote"].indexOf(b!)));
    expect(new Set(order)).toEqual(new Set(["claim", "source", "quote"]));
  });

  it.each([
    ['"unbalanced quote', /quotation mark is not closed/],
    ["NEAR(troops kursk)", /"\(" is not understood/],
    ["troops AND kursk", /"AND" is read as a word/],
    ["title:treaty", /":" is not understood/],
    ["*", /A \* can only end a word/],
    ["tr*eaty", /A \* can only end a word/],
    ["—", /at least one word/],
    ["x".repeat(10_000), /at most 300 characters/],
  ])("refuses the malformed query %j with a 400 that says why", async (q, message) => {
    const { status, body } = await get(`q=${encodeURIComponent(q)}`);
    expect(status).toBe(400);
    expect(body.error).toEqual(expect.objectContaining({ code: "INVALID", field: "q", message: expect.stringMatching(message) }));
  });

  it.each([
    ["", "q"],
    ["q=treaty&type=people", "type"],
    ["q=treaty&limit=0", "limit"],
    ["q=treaty&limit=51", "limit"],
    ["q=treaty&cursor=bm90LWEtY3Vyc29y", "cursor"],
    ["q=treaty&colour=red", "colour"],
  ])("refuses %j with a 400 naming %s", async (qs, field) => {
    const { status, body } = await get(qs);
    expect(status).toBe(400);
    expect(body.error.field).toBe(field);
  });
});

describe("the search index follows every write, in the same transaction", () => {
  it("finds a source as soon as it is added, and by its new title once edited", async () => {
    const added = await createSource(t.db, researcher, {
      title: "Quillwort ledger of the border",
      outlet: { new: { name: "Search Wire", kind: "NEWS_WEBSITE" } },
      kind: "NEWS_REPORT",
      language: "en",
      text: "Officials counted the xylograph convoys twice.",
    });
    expect(titles((await find("xylograph", "sources")).results)).toEqual(["Quillwort ledger of the border"]);
    const stored = await t.db.source.findUniqueOrThrow({ where: { id: added.id }, select: { version: true, outletId: true } });
    await updateSource(t.db, researcher, {
      id: added.id,
      version: stored.version,
      title: "Marram ledger of the border",
      outlet: { id: stored.outletId },
      kind: "NEWS_REPORT",
      language: "en",
    });
    expect((await find("quillwort", "sources")).total).toBe(0);
    expect(titles((await find("marram", "sources")).results)).toEqual(["Marram ledger of the border"]);
  });

  it("follows a claim's new wording, and drops a retracted claim", async () => {
    const topic = await t.db.topic.findFirstOrThrow({ select: { id: true } });
    const made = await createClaim(t.db, researcher, { text: "The wombat convoy crossed at dawn.", topic: topic.id });
    expect((await find("wombat", "claims")).results.map((r) => r.id)).toEqual([made.id]);
    await updateClaim(t.db, researcher, { id: made.id, version: 1, text: "The numbat convoy crossed at dawn.", topic: topic.id });
    expect((await find("wombat", "claims")).total).toBe(0);
    expect((await find("numbat", "claims")).results.map((r) => r.id)).toEqual([made.id]);
    await retractClaim(t.db, researcher, { id: made.id, version: 2, reason: "A test claim." });
    expect((await find("numbat", "claims")).total).toBe(0);
  });

  it("finds a quote while its stance and its claim are live: retracting either hides it, restoring brings it back", async () => {
    const topic = await t.db.topic.findFirstOrThrow({ select: { id: true } });
    const source = await createSource(t.db, researcher, {
      title: "Ocelot report",
      outlet: { new: { name: "Quote Wire", kind: "NEWS_WEBSITE" } },
      kind: "NEWS_REPORT",
      language: "en",
      text: "Witnesses saw the ocelot brigade near the river. Nobody else did.",
    });
    const claim = await createClaim(t.db, researcher, { text: "A brigade was seen near the river.", topic: topic.id });
    const stance = await createStance(t.db, researcher, {
      sourceId: source.id,
      quote: "Witnesses saw the ocelot brigade near the river.",
      claim: { id: claim.id },
      position: "SUPPORTS",
      mode: "AS_FACT",
      speaker: null,
    });
    const quotes = async () => (await find("ocelot", "quotes")).results.map((r) => r.id);
    expect(await quotes()).toEqual([stance.id]);

    await retractStance(t.db, researcher, { id: stance.id, version: 1, reason: "Misread." });
    expect(await quotes()).toEqual([]);
    await restoreStance(t.db, researcher, { id: stance.id, version: 2 });
    expect(await quotes()).toEqual([stance.id]);

    await retractClaim(t.db, researcher, { id: claim.id, version: 1, reason: "Not checkable." });
    expect(await quotes()).toEqual([]);
    expect((await find("brigade", "claims")).total).toBe(0);
    // The source itself is still found: sources are never hidden.
    expect(titles((await find("ocelot", "sources")).results)).toEqual(["Ocelot report"]);
    await restoreClaim(t.db, researcher, { id: claim.id, version: 2 });
    expect(await quotes()).toEqual([stance.id]);
    expect((await find("brigade", "claims")).results.map((r) => r.id)).toEqual([claim.id]);
  });

  it("indexes what an import adds, and nothing of an import that is refused", async () => {
    const outlet = await t.db.outlet.findFirstOrThrow({ select: { slug: true } });
    const source = (words: string, title: string) => ({
      id: `import-${title.toLowerCase()}`,
      title,
      outlet: outlet.slug,
      kind: "NEWS_REPORT",
      language: "en",
      text: `A report on ${words}.`,
    });
    const good = await importRecords(t.db, researcher, parseImportFile("good.json", JSON.stringify({ sources: [source("the tamarack depot", "Tamarack")] })));
    expect(good.records.map((r) => r.outcome)).toEqual(["created"]);
    expect(titles((await find("tamarack", "sources")).results)).toEqual(["Tamarack"]);

    // One bad record refuses the whole file: the good one beside it is not stored, nor indexed.
    const bad = await importRecords(
      t.db,
      researcher,
      parseImportFile(
        "bad.json",
        JSON.stringify({
          sources: [
            source("the sassafras depot", "Sassafras"),
            { id: "import-no-text", title: "No text", outlet: outlet.slug, kind: "NEWS_REPORT", language: "en" },
          ],
        }),
      ),
    );
    expect(bad.records.some((r) => r.outcome === "rejected")).toBe(true);
    expect((await find("sassafras")).total).toBe(0);
  });
});

describe("the boxes that use the index", () => {
  it("the claim list's words filter keeps the claims with every word, in the list's order", async () => {
    const page = await listClaims(t.db, { q: "troops Kursk", limit: 100 });
    expect(page.total).toBe((await find("troops Kursk", "claims")).total);
    expect(page.claims.length).toBeGreaterThan(0);
    for (const claim of page.claims) expect(claim.text.toLowerCase()).toMatch(/troops.*kursk|kursk.*troops/);
  });

  it("the tagging panel suggests claims sharing the most words first, the last word as typed so far", async () => {
    const [best] = await suggestClaims(t.db, { q: "North Korean troops in the Kurs" });
    expect(best!.text).toBe("The North Korean troops in Russia are deployed mainly in the Kursk region.");
    expect(await suggestClaims(t.db, { q: '" ( ' })).toEqual([]);
  });
});
