import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../lib/auth/api-tokens";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { retractClaim } from "../lib/claims/write-claim";
import { mergeClaims } from "../lib/review/merge";
import { setVerdict } from "../lib/review/verdicts";
import { loadCorpus } from "../lib/seed/load-corpus";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";
import { dumpDatabase, freshDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

// One rule, every door: the same input gets the same answer through a form (the lib/ write its
// server action calls with the signed-in user), the JSON API (the real route handler, with a
// token) and an import (the importer, mapping a record onto the same write). The three rules that
// had drifted apart between the doors come first.

let t: TestDb;
let stances: typeof import("../app/api/stances/route");
const analyst = { id: "u-door-analyst", name: "Dora Analyst", email: "dora@test", role: "ANALYST" as const };
let token = "";
let sourceId = "";
const TEXT = "Officials in Seoul said that about 11,000 North Korean soldiers were in Kursk. Moscow said nothing.";

beforeAll(async () => {
  t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../seeds/corpus.json") });
  await t.db.user.create({ data: analyst });
  token = (await createApiToken(t.db, analyst, { name: "doors" })).token;
  process.env.DATABASE_URL = t.url;
  stances = await import("../app/api/stances/route");
  sourceId = (
    await createSource(t.db, analyst, {
      title: "Seoul's count",
      outlet: { new: { name: "Door Wire", kind: "NEWS_WEBSITE" } },
      kind: "NEWS_REPORT",
      language: "en",
      text: TEXT,
    })
  ).id;
});
afterAll(async () => {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await t.drop();
});

/** The three doors, each answering { ok, code, field, message } or the stance it made. */
const doors = {
  form: async (input: Record<string, unknown>) => {
    try {
      return { ok: true as const, stance: await createStance(t.db, analyst, input) };
    } catch (error) {
      const refused = await refusal(Promise.reject(error));
      return { ok: false as const, code: refused.code, field: refused.field, message: refused.message };
    }
  },
  api: async (input: Record<string, unknown>) => {
    const response = await stances.POST(
      new Request("https://corroborate.example/api/stances", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      }),
      undefined,
    );
    const body = await response.json();
    return response.ok ? { ok: true as const, stance: body } : { ok: false as const, status: response.status, ...body.error };
  },
  import: async (input: Record<string, unknown>) => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { id: (input.claim as { id: string }).id }, select: { slug: true } });
    const record = {
      claim: claim.slug,
      source: input.sourceId,
      position: input.position,
      mode: input.mode,
      quote: input.quote,
      start: input.start,
      end: input.end,
    };
    const report = await importRecords(t.db, analyst, parseImportFile("doors.json", JSON.stringify({ stances: [record] })));
    const [only] = report.records;
    return only!.outcome === "rejected" ? { ok: false as const, message: only!.reason! } : { ok: true as const, outcome: only!.outcome };
  },
};

/** A claim of its own for each door, so that one door's stance does not meet another's. */
async function claimsFor(prefix: string) {
  const topic = await t.db.topic.findFirstOrThrow({ select: { id: true } });
  const made = [];
  for (const door of Object.keys(doors)) {
    made.push(
      await t.db.claim.create({
        data: { slug: `${prefix}-${door}`, text: `${prefix} through the ${door}`, searchText: prefix, topicId: topic.id, rankKey: `~${prefix}-${door}` },
        select: { id: true },
      }),
    );
  }
  return made.map((c) => c.id);
}

describe("one rule through every door", () => {
  it("a blank quote is refused by the form, the API and an import alike, and nothing is stored", async () => {
    const ids = await claimsFor("blank-quote");
    const before = await dumpDatabase(t.db);
    const answers = [];
    for (const [i, door] of Object.values(doors).entries())
      answers.push(await door({ sourceId, quote: "   ", claim: { id: ids[i] }, position: "SUPPORTS", mode: "AS_FACT", speaker: null }));
    expect(answers).toEqual([
      expect.objectContaining({ ok: false, code: "INVALID", field: "quote", message: "quote: must not be empty: select the words the source uses" }),
      expect.objectContaining({ ok: false, status: 422, field: "quote", message: "quote: must not be empty: select the words the source uses" }),
      { ok: false, message: "quote: must not be empty: select the words the source uses" },
    ]);
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("offsets that miss the words are a hint: every door anchors the quote where the text has it", async () => {
    const ids = await claimsFor("offset-hint");
    const quote = "about 11,000 North Korean soldiers";
    const at = TEXT.indexOf(quote);
    const answers = [];
    for (const [i, door] of Object.values(doors).entries()) {
      answers.push(
        await door({ sourceId, quote, start: at + 3, end: at + 3 + quote.length, claim: { id: ids[i] }, position: "SUPPORTS", mode: "AS_FACT", speaker: null }),
      );
    }
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    const stored = await t.db.stance.findMany({ where: { claimId: { in: ids } }, select: { start: true, end: true, quote: true } });
    expect(stored).toEqual([0, 1, 2].map(() => ({ start: at, end: at + quote.length, quote })));
  });

  it("a quote the text does not hold is refused by every door with the same words", async () => {
    const ids = await claimsFor("not-in-text");
    const answers = [];
    for (const [i, door] of Object.values(doors).entries())
      answers.push(await door({ sourceId, quote: "about 20,000 soldiers", claim: { id: ids[i] }, position: "SUPPORTS", mode: "AS_FACT", speaker: null }));
    const messages = answers.map((a) => (a.ok ? "stored" : (a.message as string).replace(/^quote: /, "")));
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toContain("This quote is not in the source text");
  });

  it("a passage linked to a retracted claim is refused by every door, an import that also lists the claim included", async () => {
    const ids = await claimsFor("retracted-claim");
    for (const id of ids) await retractClaim(t.db, analyst, { id, version: 1, reason: "Withdrawn." });
    const before = await dumpDatabase(t.db);
    const quote = "Moscow said nothing.";
    const answers = [];
    for (const [i, door] of Object.values(doors).entries())
      answers.push(await door({ sourceId, quote, claim: { id: ids[i] }, position: "SUPPORTS", mode: "AS_FACT", speaker: null }));
    // The importer reads a claim its file lists in the claims phase and passes it on to the stances.
    const topic = await t.db.topic.findFirstOrThrow({ where: { claims: { some: { id: ids[2] } } }, select: { slug: true } });
    const listed = await importRecords(
      t.db,
      analyst,
      parseImportFile(
        "listed.json",
        JSON.stringify({
          claims: [{ slug: "retracted-claim-import", text: "retracted-claim through the import", topic: topic.slug }],
          stances: [{ claim: "retracted-claim-import", source: sourceId, position: "SUPPORTS", mode: "AS_FACT", quote }],
        }),
      ),
    );
    const message = "claim: The chosen claim is retracted; restore it before linking passages to it.";
    expect(answers).toEqual([
      expect.objectContaining({ ok: false, code: "INVALID", field: "claim", message: message.replace(/^claim: /, "") }),
      expect.objectContaining({ ok: false, status: 422, field: "claim" }),
      { ok: false, message },
    ]);
    expect(listed.records.map((r) => [r.type, r.outcome, r.reason])).toEqual([
      ["claim", "unchanged", undefined],
      ["stance", "rejected", message],
    ]);
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("a verdict on a merged claim is refused on the review page and in an import alike", async () => {
    const [from, into] = await claimsFor("merged-verdict");
    await mergeClaims(t.db, analyst, { fromClaimId: from!, intoClaim: into!, reason: "Says the same." });
    const before = await dumpDatabase(t.db);
    const form = await refusal(setVerdict(t.db, analyst, { claimId: from!, rating: "FALSE", confidence: "HIGH", rationale: "Checked." }));
    const report = await importRecords(
      t.db,
      analyst,
      parseImportFile(
        "verdict.json",
        JSON.stringify({
          verdicts: [{ claim: "merged-verdict-form", rating: "FALSE", confidence: "HIGH", rationale: "Checked.", at: "2024-12-06T10:00:00.000Z" }],
        }),
      ),
    );
    expect(form).toMatchObject({ code: "CONFLICT", message: "This claim was merged into another; give the verdict there." });
    expect(report.records[0]).toMatchObject({ outcome: "rejected", reason: "This claim was merged into another; give the verdict there." });
    expect(await dumpDatabase(t.db)).toEqual(before);
  });
});
