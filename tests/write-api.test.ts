import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "../lib/auth/api-tokens";
import { loadCorpus } from "../lib/seed/load-corpus";
import { dumpDatabase, freshDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

// The JSON write API's real route handlers, with real tokens, on a real seeded database.
let t: TestDb;
let api: {
  sources: typeof import("../app/api/sources/route");
  source: typeof import("../app/api/sources/[id]/route");
  claims: typeof import("../app/api/claims/route");
  claim: typeof import("../app/api/claims/[slug]/route");
  actors: typeof import("../app/api/actors/route");
  actor: typeof import("../app/api/actors/[id]/route");
  stances: typeof import("../app/api/stances/route");
  stance: typeof import("../app/api/stances/[id]/route");
  openapi: typeof import("../app/api/openapi.json/route");
};
const people = {
  reader: { id: "u-reader", name: "Rea Der", email: "reader@test", role: "READER" as const },
  researcher: { id: "u-researcher", name: "Ada Researcher", email: "ada@test", role: "RESEARCHER" as const },
};
const tokens = { reader: "", researcher: "", revoked: "" };

beforeAll(async () => {
  t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
  for (const u of Object.values(people)) await t.db.user.create({ data: u });
  tokens.reader = (await createApiToken(t.db, people.reader, { name: "reader script" })).token;
  tokens.researcher = (await createApiToken(t.db, people.researcher, { name: "import script" })).token;
  const revoked = await createApiToken(t.db, people.researcher, { name: "old script" });
  await revokeApiToken(t.db, people.researcher, { id: revoked.id });
  tokens.revoked = revoked.token;
  process.env.DATABASE_URL = t.url;
  api = {
    sources: await import("../app/api/sources/route"),
    source: await import("../app/api/sources/[id]/route"),
    claims: await import("../app/api/claims/route"),
    claim: await import("../app/api/claims/[slug]/route"),
    actors: await import("../app/api/actors/route"),
    actor: await import("../app/api/actors/[id]/route"),
    stances: await import("../app/api/stances/route"),
    stance: await import("../app/api/stances/[id]/route"),
    openapi: await import("../app/api/openapi.json/route"),
  };
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const request = (method: string, path: string, body: unknown, token?: string) =>
  new Request(`https://corroborate.example${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

const TEXT = "Seoul said on Monday that about 11,000 North Korean soldiers were now in Kursk.";
const newSource = {
  title: "Seoul updates its count",
  outlet: { new: { name: "API Wire", kind: "NEWS_WEBSITE" } },
  kind: "NEWS_REPORT",
  language: "en",
  text: TEXT,
};

describe("tokens", () => {
  it("refuses writes without a token, with a reader's, a revoked, an unknown or a malformed one, storing nothing", async () => {
    const before = await dumpDatabase(t.db);
    const post = (token?: string) => api.sources.POST(request("POST", "/api/sources", newSource, token), undefined);
    expect(await answer(await post())).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await answer(await post(tokens.reader))).toMatchObject({
      status: 403,
      body: { error: { code: "FORBIDDEN", message: expect.stringContaining("your account is a reader") } },
    });
    expect(await answer(await post(tokens.revoked))).toMatchObject({ status: 401, body: { error: { message: "This API token was revoked." } } });
    expect(await answer(await post(`cor_${"x".repeat(43)}`))).toMatchObject({ status: 401, body: { error: { message: "This API token is not known." } } });
    const malformed = await api.sources.POST(
      new Request("https://corroborate.example/api/sources", { method: "POST", headers: { authorization: "Token abc" }, body: "{}" }),
      undefined,
    );
    expect(malformed.status).toBe(401);
    const { apiTokens: _, ...after } = { ...(await dumpDatabase(t.db)), apiTokens: null };
    expect(after).toEqual(before);
  });

  it("stores only a hash, shows the token once, and lets its owner alone revoke it", async () => {
    const stored = await t.db.apiToken.findMany();
    expect(stored).toHaveLength(3);
    for (const row of stored) expect(Object.values(tokens)).not.toContain(row.tokenHash);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
    const mine = stored.find((row) => row.name === "import script")!;
    expect(await refusal(revokeApiToken(t.db, people.reader, { id: mine.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(revokeApiToken(t.db, people.researcher, { id: stored.find((r) => r.name === "old script")!.id }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("writes", () => {
  it("answers an unreadable body 400 and a wrong value 422 with its field path", async () => {
    const broken = await answer(await api.sources.POST(request("POST", "/api/sources", "{ not json", tokens.researcher), undefined));
    expect(broken).toMatchObject({ status: 400, body: { error: { code: "MALFORMED" } } });
    const list = await answer(await api.sources.POST(request("POST", "/api/sources", "[]", tokens.researcher), undefined));
    expect(list.status).toBe(400);
    const wrong = await answer(
      await api.sources.POST(request("POST", "/api/sources", { ...newSource, outlet: { new: { name: "", kind: "TABLOID" } } }, tokens.researcher), undefined),
    );
    expect(wrong).toMatchObject({ status: 422, body: { error: { code: "INVALID", field: "outlet.new.name" } } });
    expect(wrong.body.error.fields).toMatchObject({ "outlet.new.name": expect.any(String), "outlet.new.kind": expect.any(String) });
  });

  it("adds a source, a claim, a speaker and a stance, each as the forms would, and refuses a duplicate 409", async () => {
    const source = await answer(await api.sources.POST(request("POST", "/api/sources", newSource, tokens.researcher), undefined));
    expect(source.status).toBe(201);
    expect(await answer(await api.sources.POST(request("POST", "/api/sources", newSource, tokens.researcher), undefined))).toMatchObject({ status: 409 });

    const claim = await answer(
      await api.claims.POST(
        request("POST", "/api/claims", { text: "About 11,000 North Korean soldiers are in Kursk.", topic: "troop-deployment" }, tokens.researcher),
        undefined,
      ),
    );
    expect(claim).toMatchObject({ status: 201, body: { slug: "about-11-000-north-korean-soldiers-are-in-kursk" } });
    const speaker = await answer(
      await api.actors.POST(request("POST", "/api/actors", { name: "South Korea's defence ministry", kind: "GOVERNMENT" }, tokens.researcher), undefined),
    );
    expect(speaker.status).toBe(201);
    const again = await answer(
      await api.actors.POST(request("POST", "/api/actors", { name: "South Korea's defence ministry", kind: "ORGANISATION" }, tokens.researcher), undefined),
    );
    expect(again).toMatchObject({
      status: 409,
      body: { error: { code: "CONFLICT", field: "name", existing: { id: speaker.body.id, slug: speaker.body.slug } } },
    });
    expect(await t.db.actor.count({ where: { name: "South Korea's defence ministry" } })).toBe(1);

    const notThere = await answer(
      await api.stances.POST(
        request(
          "POST",
          "/api/stances",
          { sourceId: source.body.id, quote: "12,000 soldiers", claim: { id: claim.body.id }, position: "SUPPORTS", mode: "AS_FACT", speaker: null },
          tokens.researcher,
        ),
        undefined,
      ),
    );
    expect(notThere).toMatchObject({ status: 422, body: { error: { field: "quote" } } });
    const stance = await answer(
      await api.stances.POST(
        request(
          "POST",
          "/api/stances",
          {
            sourceId: source.body.id,
            quote: "about 11,000 North Korean soldiers were now in Kursk",
            claim: { id: claim.body.id },
            position: "SUPPORTS",
            mode: "REPORTED_ALLEGATION",
            speaker: { id: speaker.body.id },
          },
          tokens.researcher,
        ),
        undefined,
      ),
    );
    expect(stance).toMatchObject({ status: 201, body: { start: TEXT.indexOf("about 11,000"), claimSlug: claim.body.slug } });
    expect(await t.db.stance.findUniqueOrThrow({ where: { id: stance.body.id } })).toMatchObject({
      speakerId: speaker.body.id,
      quote: "about 11,000 North Korean soldiers were now in Kursk",
    });
  });

  it("edits by path with the version it started from: 404 for nothing there, 409 for a stale version", async () => {
    const slug = "russia-under-un-sanctions";
    const stored = await t.db.claim.findUniqueOrThrow({ where: { slug } });
    const edit = (version: number, at = slug) =>
      api.claim.PATCH(
        request(
          "PATCH",
          `/api/claims/${at}`,
          { version, text: "Russia is under United Nations sanctions for its war in Ukraine.", topic: "strategic-aims", reason: "API test" },
          tokens.researcher,
        ),
        params({ slug: at }),
      );
    expect(await answer(await edit(stored.version))).toMatchObject({ status: 200, body: { changed: true, version: stored.version + 1 } });
    expect(await answer(await edit(stored.version))).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });
    expect((await edit(1, "no-such-claim")).status).toBe(404);
    const actor = await t.db.actor.findUniqueOrThrow({ where: { slug: "kcna" } });
    const renamed = await answer(
      await api.actor.PATCH(
        request(
          "PATCH",
          `/api/actors/${actor.id}`,
          { version: actor.version, name: "KCNA", kind: "ORGANISATION", description: "North Korea's state news agency" },
          tokens.researcher,
        ),
        params({ id: actor.id }),
      ),
    );
    expect(renamed).toMatchObject({ status: 200, body: { changed: true } });
  });
});

describe("reads", () => {
  it("give the version every PATCH names, for claims, sources, speakers and stances", async () => {
    const get = async (handler: (r: Request, c: never) => Promise<Response>, path: string, value: Record<string, string>) =>
      answer(await handler(new Request(`https://corroborate.example${path}`), params(value) as never));
    const stance = await t.db.stance.findFirstOrThrow({ where: { retractedAt: null }, include: { claim: true, source: true, speaker: true } });
    const claim = await get(api.claim.GET, `/api/claims/${stance.claim.slug}`, { slug: stance.claim.slug });
    expect(claim.body.claim.version).toBe(stance.claim.version);
    expect(claim.body.stances.every((s: { version: unknown }) => typeof s.version === "number")).toBe(true);
    const source = await get(api.source.GET, `/api/sources/${stance.sourceId}`, { id: stance.sourceId });
    expect(source.body.source.version).toBe(stance.source.version);
    const read = await get(api.stance.GET, `/api/stances/${stance.id}`, { id: stance.id });
    expect(read).toMatchObject({
      status: 200,
      body: { stance: { id: stance.id, version: stance.version, quote: stance.quote, claim: { slug: stance.claim.slug } } },
    });
    const actor = await t.db.actor.findFirstOrThrow({ where: { slug: "kcna" } });
    const speaker = await get(api.actor.GET, `/api/actors/${actor.id}`, { id: actor.id });
    expect(speaker).toMatchObject({ status: 200, body: { actor: { id: actor.id, slug: "kcna", version: actor.version } } });
    expect((await get(api.stance.GET, "/api/stances/nope", { id: "nope" })).status).toBe(404);
    // The version read is the one an edit may start from.
    const edit = await api.stance.PATCH(
      request(
        "PATCH",
        `/api/stances/${stance.id}`,
        {
          version: read.body.stance.version,
          position: stance.position,
          mode: stance.mode,
          note: "checked",
          speaker: stance.speakerId ? { id: stance.speakerId } : null,
          reason: "API read test",
        },
        tokens.researcher,
      ),
      params({ id: stance.id }),
    );
    expect(await answer(edit)).toMatchObject({ status: 200, body: { version: stance.version + 1 } });
  });
});

describe("OpenAPI", () => {
  it("describes every write with the request schema the server validates with", async () => {
    const doc = await (await api.openapi.GET(new Request("https://corroborate.example/api/openapi.json"))).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://corroborate.example" }]);
    const writes: [string, string][] = [
      ["/api/sources", "post"],
      ["/api/sources/{id}", "patch"],
      ["/api/claims", "post"],
      ["/api/claims/{slug}", "patch"],
      ["/api/actors", "post"],
      ["/api/actors/{id}", "patch"],
      ["/api/stances", "post"],
      ["/api/stances/{id}", "patch"],
    ];
    for (const [path, method] of writes) {
      const operation = doc.paths[path][method];
      expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
      expect(Object.keys(operation.responses).sort()).toEqual(expect.arrayContaining(["400", "401", "403", "404", "409", "422"]));
    }
    expect(doc.components.schemas.SourceCreate.required).toEqual(expect.arrayContaining(["title", "outlet", "kind", "language", "text"]));
    expect(doc.components.schemas.StanceCreate.properties.position.enum).toEqual(["SUPPORTS", "DISPUTES", "QUALIFIES"]);
    expect(doc.components.schemas.ClaimUpdate.required).toEqual(expect.arrayContaining(["version", "text", "topic"]));
    expect(doc.components.schemas.ClaimUpdate.properties.id).toBeUndefined();
    expect(doc.paths["/api/activity"].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths["/api/activity"].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["cursor", "limit", "since"]);
  });
});
