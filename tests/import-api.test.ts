import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../lib/auth/api-tokens";
import { loadCorpus } from "../lib/seed/load-corpus";
import { dumpDatabase, freshDatabase, type TestDb } from "./helpers/test-db";

// POST /api/import with a token: the file as the body, the CLI's report as the answer, and a job
// for a file past the synchronous limit (set to 3 records here).
let t: TestDb;
let route: typeof import("../app/api/import/route");
let jobRoute: typeof import("../app/api/import/[id]/route");
const people = {
  reader: { id: "u-imp-reader", name: "Rea Der", email: "imp-reader@test", role: "READER" as const },
  researcher: { id: "u-imp-researcher", name: "Res Earcher", email: "imp-researcher@test", role: "RESEARCHER" as const },
  other: { id: "u-imp-other", name: "Oth Er", email: "imp-other@test", role: "RESEARCHER" as const },
};
const tokens: Record<keyof typeof people, string> = { reader: "", researcher: "", other: "" };

beforeAll(async () => {
  t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
  for (const [key, user] of Object.entries(people)) {
    await t.db.user.create({ data: user });
    tokens[key as keyof typeof people] = (await createApiToken(t.db, user, { name: "import" })).token;
  }
  process.env.DATABASE_URL = t.url;
  process.env.CORROBORATE_IMPORT_SYNC_RECORDS = "3";
  route = await import("../app/api/import/route");
  jobRoute = await import("../app/api/import/[id]/route");
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

const post = (body: string, token: string, query = "", type = "application/json") =>
  route.POST(
    new Request(`https://corroborate.example/api/import${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body,
    }),
  );
const answer = async (response: Response) => ({ status: response.status, body: await response.json() });
const TEXT = "The wire said on Monday that 9,000 soldiers had crossed. Others said fewer.";
const document = (claim: string) =>
  JSON.stringify({
    outlets: [{ slug: "api-import-wire", name: "API Import Wire", kind: "NEWS_WEBSITE" }],
    sources: [{ id: "api-import-source", title: "Crossings", outlet: "api-import-wire", kind: "NEWS_REPORT", language: "en", text: TEXT }],
    claims: [{ slug: claim, text: "Some 9,000 soldiers crossed.", topic: "troop-deployment" }],
    stances: [{ claim, source: "api-import-source", position: "SUPPORTS", mode: "REPORTED_ALLEGATION", quote: "9,000 soldiers had crossed" }],
  });

describe("POST /api/import with a token", () => {
  it("is refused to readers and to a body it cannot read, storing nothing", async () => {
    const before = await dumpDatabase(t.db);
    expect(await answer(await post(document("x"), tokens.reader))).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect(await answer(await post("{ not json", tokens.researcher))).toMatchObject({
      status: 400,
      body: { error: { code: "MALFORMED", message: expect.stringContaining("not JSON") } },
    });
    expect(await answer(await post(document("x"), tokens.researcher, "", "text/plain"))).toMatchObject({ status: 422, body: { error: { field: "format" } } });
    expect(await answer(await post(document("x"), tokens.researcher, "?partial=yes"))).toMatchObject({ status: 422, body: { error: { field: "partial" } } });
    expect(await answer(await post(document("x"), tokens.researcher, "?format=constructor"))).toMatchObject({
      status: 422,
      body: { error: { field: "format" } },
    });
    const { apiTokens: _, ...after } = { ...(await dumpDatabase(t.db)), apiTokens: null };
    const { apiTokens: __, ...was } = { ...before, apiTokens: null };
    expect(after).toEqual(was);
  });

  it("answers a file with a refused record 422 with the report, writing nothing; ?partial=1 writes the rest", async () => {
    const csv = ["claim,source,position,mode,quote", "dprk-troops-number-about-10000,no-such-source,SUPPORTS,AS_FACT,x"].join("\n");
    const refused = await answer(await post(csv, tokens.researcher, "?format=csv"));
    expect(refused).toMatchObject({ status: 422, body: { report: { written: false, counts: { rejected: 1 } } } });
    expect(refused.body.report.records[0]).toMatchObject({ at: "row 2", reason: 'source: no source "no-such-source" in the file or stored.' });
    const mixed = JSON.stringify({
      outlets: [{ slug: "partial-wire", name: "Partial Wire", kind: "BLOG" }],
      sources: [{ id: "partial-source", title: "T", outlet: "no-such-outlet", kind: "NEWS_REPORT", language: "en", text: "Words." }],
    });
    const partial = await answer(await post(mixed, tokens.researcher, "?partial=1"));
    expect(partial).toMatchObject({ status: 200, body: { report: { mode: "partial", written: true, counts: { created: 1, rejected: 1 } } } });
    expect(await t.db.outlet.count({ where: { slug: "partial-wire" } })).toBe(1);
    expect(await t.db.source.count({ where: { id: "partial-source" } })).toBe(0);
  });

  it("runs a file past the synchronous limit as a job whose progress and report its owner reads", async () => {
    const started = await answer(await post(document("api-import-job-claim"), tokens.researcher));
    expect(started).toMatchObject({ status: 202, body: { job: { status: expect.stringMatching(/queued|running/), progress: { total: 4 } } } });
    const id = started.body.job.id as string;
    const read = async (token: string) =>
      answer(
        await jobRoute.GET(new Request(`https://corroborate.example/api/import/${id}`, { headers: { authorization: `Bearer ${token}` } }), {
          params: Promise.resolve({ id }),
        }),
      );
    let job = (await read(tokens.researcher)).body.job;
    for (let i = 0; i < 100 && (job.status === "queued" || job.status === "running"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = (await read(tokens.researcher)).body.job;
    }
    expect(job).toMatchObject({ status: "done", progress: { done: 4, total: 4 }, report: { written: true, counts: { created: 4, rejected: 0 } } });
    expect(await t.db.claim.count({ where: { slug: "api-import-job-claim" } })).toBe(1);
    expect(await read(tokens.other)).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
  });
});
