import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../lib/roles";
import { getClaimWithStances } from "../lib/claims/get-claim";
import { listClaims } from "../lib/claims/list-claims";
import { restoreClaim, retractClaim, updateClaim } from "../lib/claims/write-claim";
import { suggestClaims } from "../lib/claims/suggest-claims";
import { claimHistory, sourceHistory } from "../lib/revisions/history";
import { ClaimListQuerySchema } from "../lib/schemas/claims-query";
import { getSourceWithStances } from "../lib/sources/get-source";
import { createSource, findDuplicateSource, updateSource } from "../lib/sources/write-source";
import { getCorpusCounts } from "../lib/stats/get-corpus-counts";
import { createStance, restoreStance, retractStance, updateStance } from "../lib/stances/write-stance";
import { setRole } from "../lib/users/users";
import { updateActor } from "../lib/actors/write-actor";
import { dumpDatabase, seededDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

let t: TestDb;
const users: Record<"reader" | "researcher" | "other" | "admin", CurrentUser> = {
  reader: { id: "u-reader", name: "Rea Der", email: "reader@test", role: "READER" },
  researcher: { id: "u-researcher", name: "Ada Researcher", email: "ada@test", role: "RESEARCHER" },
  other: { id: "u-other", name: "Bo Analyst", email: "bo@test", role: "ANALYST" },
  admin: { id: "u-admin", name: "Cy Admin", email: "cy@test", role: "ADMIN" },
};

const ARTICLE = "Seoul officials said on Tuesday that about 3,000 North Korean soldiers had reached the front.\n\nA Russian official denied it.";

const newSource = (overrides: Record<string, unknown> = {}) => ({
  title: "Officials count the soldiers",
  outlet: { new: { name: "The Test Wire", kind: "NEWS_WEBSITE" } },
  authors: "Jo Writer, Al Editor",
  published: "2024-11-12",
  kind: "NEWS_REPORT",
  language: "en",
  text: ARTICLE,
  ...overrides,
});

beforeAll(async () => {
  t = await seededDatabase(Object.values(users));
});
afterAll(async () => {
  await t.drop();
});

describe("authorization on every write", () => {
  it("refuses visitors and readers, and changes nothing", async () => {
    const before = await dumpDatabase(t.db);
    expect(await refusal(createSource(t.db, null, newSource()))).toMatchObject({ code: "UNAUTHENTICATED", message: "Sign in to add sources." });
    expect(await refusal(createSource(t.db, users.reader, newSource()))).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/your account is a reader/),
    });
    const claim = await t.db.claim.findFirstOrThrow({ select: { id: true, version: true } });
    expect((await refusal(updateClaim(t.db, users.reader, { ...claim, text: "x", topic: "x" }))).code).toBe("FORBIDDEN");
    expect((await refusal(retractClaim(t.db, null, { ...claim, reason: "x" }))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(setRole(t.db, users.researcher, { userId: users.reader.id, role: "ADMIN" }))).code).toBe("FORBIDDEN");
    expect(await dumpDatabase(t.db)).toEqual(before);
  });
});

describe("adding a source", () => {
  let sourceId: string;

  it("stores the text verbatim (line endings made uniform) with a new outlet, authors and a CREATE revision", async () => {
    const source = await createSource(t.db, users.researcher, newSource({ text: `\uFEFF${ARTICLE.replaceAll("\n", "\r\n")}\r\n` }));
    sourceId = source.id;
    const stored = await getSourceWithStances(t.db, { id: source.id });
    expect(stored.text).toBe(ARTICLE);
    expect(stored.outlet.name).toBe("The Test Wire");
    expect(stored.authors.map((a) => a.name)).toEqual(["Jo Writer", "Al Editor"]);
    const [revision] = await sourceHistory(t.db, source.id);
    expect(revision).toMatchObject({ action: "CREATE", user: { name: "Ada Researcher" } });
    expect(revision!.changes.outlet).toEqual([null, "The Test Wire"]);
    expect((await getCorpusCounts(t.db)).sources).toBe(6);
    expect(await t.db.outlet.count({ where: { name: "The Test Wire" } })).toBe(1);
  });

  it("finds the same text, or the same address, instead of storing a copy", async () => {
    expect(await findDuplicateSource(t.db, { text: `${ARTICLE}\n` })).toMatchObject({ id: sourceId, matchedOn: "text" });
    const before = await dumpDatabase(t.db);
    const error = await refusal(createSource(t.db, users.researcher, newSource({ title: "Copy" })));
    expect(error).toMatchObject({ code: "CONFLICT", field: "text", message: 'This text is already in Corroborate, as "Officials count the soldiers".' });
    expect(await dumpDatabase(t.db)).toEqual(before);

    const withUrl = await createSource(
      t.db,
      users.researcher,
      newSource({ title: "At an address", text: "Words at an address.", url: "https://example.org/a" }),
    );
    expect(await refusal(createSource(t.db, users.researcher, newSource({ text: "Different words.", url: "https://example.org/a" })))).toMatchObject({
      code: "CONFLICT",
      field: "url",
      details: { duplicate: { id: withUrl.id, matchedOn: "url" } },
    });
    expect(await findDuplicateSource(t.db, { url: "https://example.org/nothing-here", text: "Never stored." })).toBeNull();
  });

  it("names every bad field at once and stores nothing", async () => {
    const before = await dumpDatabase(t.db);
    const error = await refusal(
      createSource(
        t.db,
        users.researcher,
        newSource({ text: "   ", title: "", url: "javascript:alert(1)", published: "2024-13", language: "English", outlet: { id: "" } }),
      ),
    );
    const fields = (error.details as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["language", "outlet.id", "published", "text", "title", "url"]);
    expect(fields.text).toBe("must not be empty");
    expect(fields.url).toMatch(/http/);
    expect(await refusal(createSource(t.db, users.researcher, newSource({ text: "x".repeat(500_001) })))).toMatchObject({
      field: "text",
      message: expect.stringMatching(/too long/),
    });
    expect(await refusal(createSource(t.db, users.researcher, newSource({ text: "Other words.", outlet: { id: "no-such-outlet" } })))).toMatchObject({
      field: "outlet",
      message: "The chosen outlet does not exist.",
    });
    expect(await dumpDatabase(t.db)).toEqual(before);
  });
});

describe("linking a passage to a claim", () => {
  const troops = "dprk-troops-number-about-10000";

  it("checks the quote against the text, creates the new speaker in the same transaction, and updates the claim", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: "Officials count the soldiers" } });
    const before = await getClaimWithStances(t.db, { slug: troops });
    const quote = "about 3,000 North Korean soldiers had reached the front";
    const start = source.text.indexOf(quote);
    // The browser's offsets are off by two: the server finds the words itself.
    const created = await createStance(t.db, users.researcher, {
      sourceId: source.id,
      quote,
      start: start + 2,
      end: start + 2 + quote.length,
      claim: { id: before.id },
      position: "DISPUTES",
      mode: "REPORTED_ALLEGATION",
      speaker: { new: { name: "Seoul officials", kind: "GOVERNMENT" } },
    });
    expect([created.start, created.end]).toEqual([start, start + quote.length]);
    const after = await getClaimWithStances(t.db, { slug: troops });
    expect(after.disputesCount).toBe(before.disputesCount + 1);
    const stance = after.stances.find((s) => s.id === created.id)!;
    expect(stance).toMatchObject({ position: "DISPUTES", quote, speaker: { name: "Seoul officials" } });
    expect(source.text.slice(stance.start, stance.end)).toBe(quote);
    const history = await claimHistory(t.db, before.id);
    expect(history[0]).toMatchObject({ entityType: "STANCE", action: "CREATE", user: { name: "Ada Researcher" } });
    expect(history[0]!.changes.speaker).toEqual([null, "Seoul officials"]);
  });

  it("refuses a quote not in the text, an unknown claim or speaker, and a repeated link, leaving nothing behind", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: "Officials count the soldiers" } });
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: troops } });
    const base = {
      sourceId: source.id,
      quote: "A Russian official denied it.",
      claim: { id: claim.id },
      position: "DISPUTES",
      mode: "QUOTED_DENIAL",
      speaker: null,
    };
    const before = await dumpDatabase(t.db);
    expect(await refusal(createStance(t.db, users.researcher, { ...base, quote: "A Russian official confirmed it." }))).toMatchObject({
      field: "quote",
      message: 'This quote is not in the source text: "A Russian official confirmed it."',
    });
    expect(await refusal(createStance(t.db, users.researcher, { ...base, claim: { id: "no-such-claim" } }))).toMatchObject({
      field: "claim",
      message: "The chosen claim does not exist.",
    });
    expect(await refusal(createStance(t.db, users.researcher, { ...base, speaker: { id: "no-such-actor" } }))).toMatchObject({
      field: "speaker",
      message: "The chosen speaker does not exist.",
    });
    // A new claim and a new speaker named alongside a bad quote are not created either.
    await refusal(
      createStance(t.db, users.researcher, {
        ...base,
        quote: "not there",
        claim: { new: { text: "A brand-new claim.", topic: "dprk-troops-in-russia" } },
        speaker: { new: { name: "Nobody", kind: "PERSON" } },
      }),
    );
    expect(await dumpDatabase(t.db)).toEqual(before);

    await createStance(t.db, users.researcher, base);
    expect(await refusal(createStance(t.db, users.researcher, base))).toMatchObject({
      code: "CONFLICT",
      message: "This passage is already linked to this claim.",
    });
  });

  it("creates a new claim from the panel, findable by its words", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { title: "Officials count the soldiers" } });
    const topic = await t.db.topic.findFirstOrThrow();
    const created = await createStance(t.db, users.researcher, {
      sourceId: source.id,
      quote: "Seoul officials said on Tuesday",
      claim: { new: { text: "Seoul briefed reporters on the deployment on a Tuesday.", topic: topic.id } },
      position: "SUPPORTS",
      mode: "AS_FACT",
      speaker: null,
    });
    expect(created.claimSlug).toBe("seoul-briefed-reporters-on-the-deployment-on-a-tuesday");
    const [best] = await suggestClaims(t.db, { q: "Seoul briefed reporters" });
    expect(best!.slug).toBe(created.claimSlug);
    expect((await getClaimWithStances(t.db, { slug: created.claimSlug })).status).toBe("SINGLE_SOURCE");
  });
});

describe("editing, with a version check", () => {
  it("refuses the second of two edits made from the same version, showing what changed meanwhile", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, include: { topic: true } });
    const opened = { id: claim.id, version: claim.version, topic: claim.topic.slug };
    const first = await updateClaim(t.db, users.researcher, {
      ...opened,
      text: "About 10,000 North Korean troops were sent to Russia.",
      reason: "closer to the sources",
    });
    expect(first).toMatchObject({ changed: true, version: claim.version + 1 });
    const before = await dumpDatabase(t.db);
    const error = await refusal(updateClaim(t.db, users.other, { ...opened, text: "Ten thousand troops." }));
    expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Ada Researcher changed this claim after you opened it/) });
    const [change] = (error.details as { revisions: { changes: Record<string, unknown>; reason: string }[] }).revisions;
    expect(change!.changes.text).toEqual([claim.text, "About 10,000 North Korean troops were sent to Russia."]);
    expect(change!.reason).toBe("closer to the sources");
    expect(await dumpDatabase(t.db)).toEqual(before);
    expect((await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).text).toBe("About 10,000 North Korean troops were sent to Russia.");
  });

  it("edits a stance, a source's metadata and a speaker, each with a revision", async () => {
    const stance = await t.db.stance.findFirstOrThrow({ where: { note: null }, orderBy: { id: "asc" } });
    await updateStance(t.db, users.researcher, {
      id: stance.id,
      version: stance.version,
      position: "QUALIFIES",
      mode: stance.mode,
      speaker: null,
      note: "Hedged.",
    });
    expect(await t.db.stance.findUniqueOrThrow({ where: { id: stance.id } })).toMatchObject({
      position: "QUALIFIES",
      note: "Hedged.",
      version: stance.version + 1,
    });

    const source = await t.db.source.findFirstOrThrow({ where: { title: "Officials count the soldiers" }, include: { outlet: true } });
    await updateSource(t.db, users.researcher, {
      id: source.id,
      version: source.version,
      title: "Officials count the soldiers (updated)",
      outlet: { id: source.outletId },
      authors: "Jo Writer",
      published: "2024-11",
      kind: "NEWS_REPORT",
      language: "en",
    });
    const [revision] = await sourceHistory(t.db, source.id);
    expect(revision!.changes).toMatchObject({
      title: ["Officials count the soldiers", "Officials count the soldiers (updated)"],
      authors: ["Jo Writer, Al Editor", "Jo Writer"],
      datePrecision: ["DAY", "MONTH"],
    });

    const actor = await t.db.actor.findFirstOrThrow({ where: { name: "Seoul officials" } });
    await updateActor(t.db, users.researcher, { id: actor.id, version: actor.version, name: "South Korean officials", kind: "GOVERNMENT", description: "" });
    expect((await t.db.actor.findUniqueOrThrow({ where: { id: actor.id } })).name).toBe("South Korean officials");
  });
});

describe("retracting and restoring", () => {
  it("takes a stance out of the claim's counts and puts it back, recording both", async () => {
    const slug = "seoul-briefed-reporters-on-the-deployment-on-a-tuesday";
    const claim = await getClaimWithStances(t.db, { slug });
    expect(claim).toMatchObject({ status: "SINGLE_SOURCE", supportsCount: 1 });
    const stance = claim.stances[0]!;
    const counts = await getCorpusCounts(t.db);
    await retractStance(t.db, users.researcher, { id: stance.id, version: stance.version, reason: "Misread the passage." });
    expect((await getCorpusCounts(t.db)).stances).toBe(counts.stances - 1);
    const retracted = await getClaimWithStances(t.db, { slug });
    expect(retracted).toMatchObject({ status: "UNSUPPORTED", supportsCount: 0, stances: [] });
    expect(retracted.retractedStances.map((s) => [s.id, s.retractedReason])).toEqual([[stance.id, "Misread the passage."]]);
    const source = await getSourceWithStances(t.db, { id: stance.source.id });
    expect(source.stances.map((s) => s.id)).not.toContain(stance.id);
    expect(source.retractedStances.map((s) => s.id)).toContain(stance.id);
    expect((await refusal(retractStance(t.db, users.researcher, { id: stance.id, version: stance.version + 1, reason: "again" }))).message).toBe(
      "This stance is already retracted.",
    );
    expect((await refusal(restoreStance(t.db, users.researcher, { id: stance.id, version: stance.version }))).code).toBe("CONFLICT");

    await restoreStance(t.db, users.researcher, { id: stance.id, version: stance.version + 1 });
    expect(await getClaimWithStances(t.db, { slug })).toMatchObject({ status: "SINGLE_SOURCE", supportsCount: 1 });
    expect(await getCorpusCounts(t.db)).toEqual(counts);
    // The kept count is what counting the rows gives.
    expect(counts.stances).toBe(await t.db.stance.count({ where: { retractedAt: null, claim: { retractedAt: null } } }));
    const actions = (await claimHistory(t.db, claim.id)).filter((r) => r.entityId === stance.id).map((r) => r.action);
    expect(actions).toEqual(["RESTORE", "RETRACT", "CREATE"]);
  });

  it("hides a retracted claim from lists and counts but keeps its page, and a reason is required", async () => {
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "seoul-briefed-reporters-on-the-deployment-on-a-tuesday" } });
    const counts = await getCorpusCounts(t.db);
    expect(await refusal(retractClaim(t.db, users.researcher, { id: claim.id, version: claim.version, reason: " " }))).toMatchObject({ field: "reason" });
    await retractClaim(t.db, users.researcher, { id: claim.id, version: claim.version, reason: "Not a checkable claim." });
    const all = await listClaims(t.db, ClaimListQuerySchema.parse({ limit: "100" }));
    expect(all.claims.map((c) => c.slug)).not.toContain(claim.slug);
    // Totals, from the kept counts (no filter) and from counting (a filter), leave it out too.
    expect(all.total).toBe(counts.claims - 1);
    const single = await listClaims(t.db, ClaimListQuerySchema.parse({ status: "single_source", limit: "100" }));
    expect(single.total).toBe(single.claims.length);
    expect(single.claims.map((c) => c.slug)).not.toContain(claim.slug);
    expect((await getCorpusCounts(t.db)).claims).toBe(counts.claims - 1);
    expect((await getClaimWithStances(t.db, { slug: claim.slug })).retractedReason).toBe("Not a checkable claim.");
    expect(
      await refusal(
        createStance(t.db, users.researcher, {
          sourceId: (await t.db.source.findFirstOrThrow({ where: { title: { startsWith: "Officials count" } } })).id,
          quote: "A Russian official denied it.",
          claim: { id: claim.id },
          position: "SUPPORTS",
          mode: "AS_FACT",
          speaker: null,
        }),
      ),
    ).toMatchObject({
      field: "claim",
      message: expect.stringMatching(/retracted/),
    });
    await restoreClaim(t.db, users.researcher, { id: claim.id, version: claim.version + 1 });
    expect((await getCorpusCounts(t.db)).claims).toBe(counts.claims);
  });
});

describe("roles", () => {
  it("lets an admin change a role, but never removes the last admin", async () => {
    await setRole(t.db, users.admin, { userId: users.reader.id, role: "RESEARCHER" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: users.reader.id } })).role).toBe("RESEARCHER");
    expect(await refusal(setRole(t.db, users.admin, { userId: users.admin.id, role: "READER" }))).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/only admin/),
    });
    expect(await refusal(setRole(t.db, users.admin, { userId: users.reader.id, role: "OWNER" }))).toMatchObject({ field: "role" });
  });
});
