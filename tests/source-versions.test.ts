import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../lib/roles";
import { createApiToken } from "../lib/auth/api-tokens";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { contentHash } from "../lib/sources/source-text";
import { addSourceText, reattachStance, refetchSource } from "../lib/sources/text-versions";
import { dumpDatabase, seededDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

// Sources that change (decision 0025) on the real seeded database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): a corrected text of the NPR article is a new version, every stance on it is
// re-anchored (the same words, a changed passage, an orphan), the text before is kept and its
// quotes still verify against it, and researchers re-attach orphans, by the form's write, the API,
// a re-fetch of the address and an import.
vi.hoisted(() => {
  process.env.CORROBORATE_FETCH_ALLOW_HOSTS = "127.0.0.1";
});

let t: TestDb;
let routes: {
  versions: typeof import("../app/api/sources/[id]/versions/route");
  version: typeof import("../app/api/sources/[id]/versions/[number]/route");
  orphans: typeof import("../app/api/orphans/route");
  reattach: typeof import("../app/api/stances/[id]/reattach/route");
  claim: typeof import("../app/api/claims/[slug]/route");
};
const users: Record<"reader" | "researcher", CurrentUser> = {
  reader: { id: "u-ver-reader", name: "Rita Reader", email: "rita@test", role: "READER" },
  researcher: { id: "u-ver-researcher", name: "Rex Researcher", email: "rex@test", role: "RESEARCHER" },
};
let token = "";
const NPR = "npr-new-era-two-continents";
const CORRECTION = "Correction, Dec. 5: An earlier version of this story misstated the number of North Korean troops.\n\n";
let original = "";
let corrected = "";

beforeAll(async () => {
  t = await seededDatabase(Object.values(users));
  process.env.DATABASE_URL = t.url;
  token = (await createApiToken(t.db, users.researcher, { name: "versions" })).token;
  routes = {
    versions: await import("../app/api/sources/[id]/versions/route"),
    version: await import("../app/api/sources/[id]/versions/[number]/route"),
    orphans: await import("../app/api/orphans/route"),
    reattach: await import("../app/api/stances/[id]/reattach/route"),
    claim: await import("../app/api/claims/[slug]/route"),
  };
  original = (await t.db.source.findUniqueOrThrow({ where: { id: NPR }, select: { text: true } })).text;
  // A correction: a note above, a figure changed (in two quoted passages), a sentence taken out (one quoted passage).
  corrected =
    CORRECTION +
    original.replace("some 10,000 North Korean troops", "some 11,000 North Korean troops").replace("But the talks collapsed, and since then, ", "Since then, ");
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const get = async <R extends { GET: (request: Request, context: never) => Promise<Response> }>(route: R, url: string, params: object = {}) => {
  const response = await route.GET(new Request(`http://localhost${url}`), { params: Promise.resolve(params) } as never);
  return { status: response.status, body: await response.json() };
};
const post = async (handler: (request: Request, context: never) => Promise<Response>, url: string, params: object, body: unknown) => {
  const response = await handler(
    new Request(`http://localhost${url}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) } as never,
  );
  return { status: response.status, body: await response.json() };
};
const sourceVersion = async () => (await t.db.source.findUniqueOrThrow({ where: { id: NPR }, select: { version: true } })).version;
const stancesOf = (sourceId: string) =>
  t.db.stance.findMany({
    where: { sourceId },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    select: { id: true, quote: true, start: true, end: true, anchoredVersion: true, orphanedAt: true, version: true, claim: { select: { slug: true } } },
  });
let orphanId = "";

describe("a corrected text of a source", () => {
  it("is refused, writing nothing, from a reader, for a stale version, when empty, or when it is another source's text", async () => {
    const before = await dumpDatabase(t.db);
    const version = await sourceVersion();
    expect(await refusal(addSourceText(t.db, users.reader, { id: NPR, version, text: corrected }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(addSourceText(t.db, users.researcher, { id: NPR, version: version + 1, text: corrected }))).toMatchObject({ code: "CONFLICT" });
    expect(await refusal(addSourceText(t.db, users.researcher, { id: NPR, version, text: "  \n " }))).toMatchObject({ code: "INVALID", field: "text" });
    const other = await t.db.source.findUniqueOrThrow({ where: { id: "sputnik-federation-council-ratifies" }, select: { text: true } });
    expect(await refusal(addSourceText(t.db, users.researcher, { id: NPR, version, text: other.text }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already in Corroborate"),
    });
    expect(await refusal(addSourceText(t.db, users.researcher, { id: "no-such-source", version: 1, text: corrected }))).toMatchObject({ code: "NOT_FOUND" });
    // The same text again is no new version.
    expect(await addSourceText(t.db, users.researcher, { id: NPR, version, text: original })).toEqual({ changed: false, textVersion: 1 });
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("becomes version 2 through the API; the same words are found again, the changed passages follow, the lost one is an orphan", async () => {
    const before = await stancesOf(NPR);
    expect(before).toHaveLength(30);
    const answer = await post(
      routes.versions.POST,
      `/api/sources/${NPR}/versions`,
      { id: NPR },
      { version: await sourceVersion(), text: corrected, reason: "NPR's correction" },
    );
    expect(answer).toEqual({
      status: 201,
      body: { changed: true, version: expect.any(Number), textVersion: 2, stances: { exact: 27, changed: 2, orphaned: 1 } },
    });

    const source = await t.db.source.findUniqueOrThrow({ where: { id: NPR }, select: { text: true, contentHash: true, textVersion: true, textOrigin: true } });
    expect(source).toEqual({ text: corrected.trim(), contentHash: contentHash(corrected.trim()), textVersion: 2, textOrigin: "UPLOADED" });
    const after = await stancesOf(NPR);
    const orphans = after.filter((s) => s.orphanedAt !== null);
    expect(orphans.map((s) => [s.claim.slug, s.quote, s.anchoredVersion])).toEqual([["hanoi-summit-2019-failed", "But the talks collapsed", 1]]);
    orphanId = orphans[0]!.id;
    // Every other stance is in the new text, at its offsets.
    for (const s of after.filter((s) => s.orphanedAt === null)) {
      expect(s.anchoredVersion).toBe(2);
      expect(source.text.slice(s.start, s.end)).toBe(s.quote);
    }
    expect(
      after
        .filter((s) => s.quote.includes("11,000"))
        .map((s) => s.claim.slug)
        .sort(),
    ).toEqual(["dprk-troops-deployed-to-russia", "dprk-troops-number-about-10000"]);
  });

  it("keeps the text before whole, with its sha256, and every quote taken from it still verifies against it", async () => {
    const list = await get(routes.versions, `/api/sources/${NPR}/versions`, { id: NPR });
    expect(list.body.textVersion).toBe(2);
    expect(
      list.body.versions.map((v: { number: number; current: boolean; origin: string; reason: string | null }) => [v.number, v.current, v.origin, v.reason]),
    ).toEqual([
      [2, true, "UPLOADED", null],
      [1, false, "ADDED", "NPR's correction"],
    ]);
    const first = await get(routes.version, `/api/sources/${NPR}/versions/1`, { id: NPR, number: "1" });
    expect(first.body).toMatchObject({ number: 1, current: false, sha256: contentHash(original), text: original, verified: { text: true, passages: true } });
    // Where each of the 30 stances stood in version 1: 29 moved on, the orphan still points there.
    expect(first.body.passages).toHaveLength(30);
    expect(first.body.passages.find((p: { quote: string }) => p.quote.includes("10,000"))).toBeTruthy();
    expect((await get(routes.version, `/api/sources/${NPR}/versions/2`, { id: NPR, number: "2" })).body).toMatchObject({
      current: true,
      verified: { text: true, passages: true },
    });
    expect((await get(routes.version, `/api/sources/${NPR}/versions/9`, { id: NPR, number: "9" })).status).toBe(404);
    expect((await get(routes.version, `/api/sources/${NPR}/versions/x`, { id: NPR, number: "x" })).status).toBe(404);
  });

  it("shows on the claim that the source changed the passage, with both wordings", async () => {
    const { body } = await get(routes.claim, "/api/claims/dprk-troops-number-about-10000", { slug: "dprk-troops-number-about-10000" });
    const stance = body.stances.find((s: { quote: string }) => s.quote.includes("11,000"));
    expect(stance.passageChanges).toEqual([
      {
        at: expect.any(String),
        before: { textVersion: 1, quote: "some 10,000 North Korean troops are already in Russia, mostly in the Kursk region" },
        after: { textVersion: 2, quote: "some 11,000 North Korean troops are already in Russia, mostly in the Kursk region" },
      },
    ]);
    expect(stance).toMatchObject({ textVersion: 2, orphanedAt: null });
  });

  it("gives the orphan apart in the source's read API, its offsets in the version it came from", async () => {
    const { GET } = await import("../app/api/sources/[id]/route");
    const response = await GET(new Request(`http://localhost/api/sources/${NPR}`), { params: Promise.resolve({ id: NPR }) } as never);
    const body = await response.json();
    expect(body.source.textVersion).toBe(2);
    expect(body.stances).toHaveLength(29);
    expect(body.orphans).toEqual([expect.objectContaining({ id: orphanId, quote: "But the talks collapsed", textVersion: 1, orphanedAt: expect.any(String) })]);
    expect(original.slice(body.orphans[0].start, body.orphans[0].end)).toBe("But the talks collapsed");
  });

  it("lists the orphan for researchers, and re-attaches it to words of the current text, keeping where it stood", async () => {
    const listed = await get(routes.orphans, "/api/orphans");
    expect(listed.body).toMatchObject({
      total: 1,
      orphans: [{ id: orphanId, quote: "But the talks collapsed", textVersion: 1, source: { id: NPR, textVersion: 2 } }],
    });
    const orphan = await t.db.stance.findUniqueOrThrow({ where: { id: orphanId }, select: { version: true } });
    const words = "North Korea has decided to try to get what it needs from Russia and China";
    // Words the current text does not have are refused; so is a stance that is no orphan.
    expect(await refusal(reattachStance(t.db, users.researcher, { id: orphanId, version: orphan.version, quote: "But the talks collapsed" }))).toMatchObject({
      code: "INVALID",
      field: "quote",
    });
    const live = (await stancesOf(NPR)).find((s) => s.orphanedAt === null)!;
    expect(await refusal(reattachStance(t.db, users.researcher, { id: live.id, version: live.version, quote: words }))).toMatchObject({ code: "CONFLICT" });
    expect(await refusal(reattachStance(t.db, users.reader, { id: orphanId, version: orphan.version, quote: words }))).toMatchObject({ code: "FORBIDDEN" });

    const answer = await post(
      routes.reattach.POST,
      `/api/stances/${orphanId}/reattach`,
      { id: orphanId },
      { version: orphan.version, quote: words, reason: "the sentence was cut" },
    );
    expect(answer.status).toBe(200);
    const stance = await t.db.stance.findUniqueOrThrow({
      where: { id: orphanId },
      select: { quote: true, start: true, end: true, anchoredVersion: true, orphanedAt: true },
    });
    expect(stance).toMatchObject({ quote: words, anchoredVersion: 2, orphanedAt: null });
    expect(corrected.trim().slice(stance.start, stance.end)).toBe(words);
    expect(await t.db.stanceAnchor.findMany({ where: { stanceId: orphanId }, select: { version: true, quote: true, outcome: true, nextQuote: true } })).toEqual(
      [{ version: 1, quote: "But the talks collapsed", outcome: "REATTACHED", nextQuote: words }],
    );
    expect((await get(routes.orphans, "/api/orphans")).body).toMatchObject({ total: 0, orphans: [] });
    expect((await get(routes.orphans, "/api/orphans?page=0")).status).toBe(400);
  });
});

describe("a source's address fetched again", () => {
  let server: Server;
  let page = "";
  let sourceId = "";
  beforeAll(async () => {
    server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(page));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address() as { port: number };
    page = "Seoul, Dec. 5. Officials said about 11,000 North Korean soldiers were in Kursk. Moscow said nothing.";
    const { createSource } = await import("../lib/sources/write-source");
    const { createStance } = await import("../lib/stances/write-stance");
    sourceId = (
      await createSource(t.db, users.researcher, {
        title: "Seoul's count",
        url: `http://127.0.0.1:${address.port}/story`,
        outlet: { new: { name: "Refetch Wire", kind: "NEWS_WEBSITE" } },
        kind: "NEWS_REPORT",
        language: "en",
        text: page,
      })
    ).id;
    await createStance(t.db, users.researcher, {
      sourceId,
      quote: "Moscow said nothing.",
      claim: { id: "deployment-evidence-fabricated" },
      position: "QUALIFIES",
      mode: "AS_FACT",
      speaker: null,
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("gives no new version while the page is unchanged, and version 2 once it is, its orphan listed", async () => {
    const version = () => t.db.source.findUniqueOrThrow({ where: { id: sourceId }, select: { version: true } }).then((s) => s.version);
    expect(await refetchSource(t.db, users.researcher, { id: sourceId, version: await version() })).toEqual({ changed: false, textVersion: 1 });
    page = "Seoul, Dec. 6. Officials said about 11,000 North Korean soldiers were in Kursk. The Kremlin denied it.";
    const answer = await post(routes.versions.POST, `/api/sources/${sourceId}/versions`, { id: sourceId }, { version: await version(), refetch: true });
    expect(answer.body).toMatchObject({ changed: true, textVersion: 2, stances: { exact: 0, changed: 0, orphaned: 1 } });
    expect(await t.db.source.findUniqueOrThrow({ where: { id: sourceId }, select: { textOrigin: true, text: true } })).toEqual({
      textOrigin: "FETCHED",
      text: page,
    });
    expect((await get(routes.orphans, "/api/orphans")).body.orphans.map((o: { quote: string }) => o.quote)).toEqual(["Moscow said nothing."]);
  });

  it("is refused for a source without an address, and for a bad request", async () => {
    const version = await sourceVersion();
    expect(await refusal(refetchSource(t.db, users.researcher, { id: "blog-friends-with-geopolitical-benefits", version: 1 }))).toMatchObject({
      code: "INVALID",
      field: "url",
    });
    expect((await post(routes.versions.POST, `/api/sources/${NPR}/versions`, { id: NPR }, { version, refetch: "yes" })).status).toBe(422);
    expect((await post(routes.versions.POST, `/api/sources/${NPR}/versions`, { id: NPR }, { version, text: 42 })).status).toBe(422);
  });
});

describe("an import giving a stored source another text", () => {
  it("makes it the source's next version, re-anchoring its stances, and quotes in the file are read against it", async () => {
    const stored = await t.db.source.findUniqueOrThrow({
      where: { id: NPR },
      select: { title: true, text: true, kind: true, language: true, url: true, outlet: { select: { slug: true } }, authors: { select: { name: true } } },
    });
    const text = stored.text.replace("some 11,000 North Korean troops", "some 12,000 North Korean troops");
    const report = await importRecords(
      t.db,
      users.researcher,
      parseImportFile(
        "file.json",
        JSON.stringify({
          sources: [
            {
              id: NPR,
              title: stored.title,
              outlet: stored.outlet.slug,
              authors: stored.authors.map((a) => a.name),
              ...(stored.url ? { url: stored.url } : {}),
              kind: stored.kind,
              language: stored.language,
              text,
            },
          ],
          stances: [{ claim: "dprk-troops-number-about-10000", source: NPR, position: "SUPPORTS", mode: "AS_FACT", quote: "some 12,000 North Korean troops" }],
        }),
      ),
    );
    expect(report.records.map((r) => [r.at, r.outcome])).toEqual([
      ["sources[0]", "updated"],
      ["stances[0]", "created"],
    ]);
    const source = await t.db.source.findUniqueOrThrow({ where: { id: NPR }, select: { textVersion: true, textOrigin: true } });
    expect(source).toEqual({ textVersion: 3, textOrigin: "IMPORTED" });
    const created = await t.db.stance.findFirstOrThrow({
      where: { sourceId: NPR, quote: "some 12,000 North Korean troops" },
      select: { anchoredVersion: true },
    });
    expect(created.anchoredVersion).toBe(3);
    expect(await t.db.sourceVersion.count({ where: { sourceId: NPR } })).toBe(2);
  });
});
