import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../lib/auth/api-tokens";
import { listActivity, markActivitySeen, unreadCount } from "../lib/activity/list-activity";
import { isWatching, listWatches, setWatch } from "../lib/activity/watch";
import { commentHtml, mentionsIn } from "../lib/comments/markdown";
import { editComment, hideComment, postComment, retractComment } from "../lib/comments/write-comment";
import { createClaim } from "../lib/claims/write-claim";
import { setVerdict } from "../lib/review/verdicts";
import { updateSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";
import { freeHandle, handleFromName, setHandle } from "../lib/users/handles";
import { MAX_LINES_PER_WRITE } from "../lib/write/deliver-activity";
import { refusal } from "./helpers/refusal";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// What changed since you last looked (issue 14): watching claims, sources and topics; the lines
// each write leaves for the watchers (never for the writer); mentions; the unread count; paging;
// GET /api/activity.
let t: TestDb;
const people = {
  wendy: { id: "u-act-wendy", name: "Wendy Watcher", email: "wendy@test", role: "READER" as const, handle: "wendy" },
  tom: { id: "u-act-tom", name: "Tom Topic", email: "tom@test", role: "READER" as const, handle: "tom-topic" },
  nobody: { id: "u-act-nobody", name: "No Watcher", email: "nobody@test", role: "READER" as const, handle: "nobody" },
  res: { id: "u-act-res", name: "Rex Researcher", email: "rex@test", role: "RESEARCHER" as const, handle: "rex" },
  analyst: { id: "u-act-analyst", name: "Ava Analyst", email: "ava@test", role: "ANALYST" as const, handle: "ava" },
};
let claim: { id: string; slug: string; topicId: string };
let source: { id: string; text: string; title: string; version: number };

const lines = async (userId: string) => (await listActivity(t.db, userId, { limit: 200 })).activity;

beforeAll(async () => {
  t = await seededDatabase(Object.values(people).map(({ handle: _, ...u }) => u));
  for (const u of Object.values(people)) await t.db.user.update({ where: { id: u.id }, data: { handle: u.handle } });
  claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true, slug: true, topicId: true } });
  source = await t.db.source.findUniqueOrThrow({
    where: { id: "sputnik-federation-council-ratifies" },
    select: { id: true, text: true, title: true, version: true },
  });
});
afterAll(async () => {
  await t.drop();
});

describe("watching", () => {
  it("a signed-in user watches a claim, a source and a topic, once each, and can stop", async () => {
    await setWatch(t.db, people.wendy, { claimId: claim.id, watch: true });
    await setWatch(t.db, people.wendy, { claimId: claim.id, watch: true });
    await setWatch(t.db, people.wendy, { sourceId: source.id, watch: true });
    await setWatch(t.db, people.tom, { topicId: claim.topicId, watch: true });
    expect(await isWatching(t.db, people.wendy.id, { claimId: claim.id })).toBe(true);
    expect((await listWatches(t.db, people.wendy.id)).map((w) => w.kind).sort()).toEqual(["claim", "source"]);
    expect(await t.db.watch.count({ where: { userId: people.wendy.id } })).toBe(2);
  });

  it("refuses visitors, nothing to watch, two things at once, and a claim that is not there", async () => {
    expect((await refusal(setWatch(t.db, null, { claimId: claim.id, watch: true }))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(setWatch(t.db, people.wendy, { watch: true }))).field).toBe("claimId");
    expect((await refusal(setWatch(t.db, people.wendy, { claimId: claim.id, sourceId: source.id, watch: true }))).field).toBe("claimId");
    expect((await refusal(setWatch(t.db, people.wendy, { claimId: "nope", watch: true }))).code).toBe("NOT_FOUND");
  });
});

describe("what watchers are told", () => {
  it("a new stance reaches the claim's, the source's and the topic's watchers once each, and not the writer or anyone else", async () => {
    await setWatch(t.db, people.res, { claimId: claim.id, watch: true });
    const quote = source.text.slice(0, 60).trim();
    await createStance(t.db, people.res, { sourceId: source.id, quote, claim: { id: claim.id }, position: "QUALIFIES", mode: "ASSESSMENT", speaker: null });
    const wendy = await lines(people.wendy.id);
    expect(wendy).toHaveLength(1);
    expect(wendy[0]).toMatchObject({ kind: "STANCE", by: "Rex Researcher", claim: { slug: claim.slug }, source: { id: source.id } });
    expect(wendy[0]!.summary).toContain("qualifies");
    expect((await lines(people.tom.id)).map((a) => a.kind)).toEqual(["STANCE"]);
    expect(await lines(people.res.id)).toEqual([]);
    expect(await lines(people.nobody.id)).toEqual([]);
  });

  it("a published verdict, a comment, a new claim in a watched topic and a source's new details", async () => {
    await setVerdict(t.db, people.analyst, { claimId: claim.id, rating: "CONFLICTING_EVIDENCE", confidence: "MEDIUM", rationale: "Counts differ." });
    await postComment(t.db, people.analyst, { claimId: claim.id, body: "Which of these counted the troops?" });
    await createClaim(t.db, people.res, { text: "A new claim for the watchers of its topic.", topic: claim.topicId });
    await updateSource(t.db, people.res, {
      ...(await sourceUpdateInput()),
      title: `${source.title} (corrected)`,
      reason: "The title had a typo.",
    });
    expect((await lines(people.wendy.id)).map((a) => a.kind)).toEqual(["SOURCE", "COMMENT", "VERDICT", "STANCE"]);
    expect((await lines(people.tom.id)).map((a) => a.kind)).toEqual(["CLAIM", "COMMENT", "VERDICT", "STANCE"]);
    const [comment] = (await lines(people.wendy.id)).filter((a) => a.kind === "COMMENT");
    expect(comment!.href).toMatch(/^\/comments\//);
    expect(comment!.summary).toBe("Ava Analyst commented: Which of these counted the troops?");
  });

  it("a mention reaches the mentioned user whether or not they watch; an edit tells only the newly mentioned", async () => {
    const { id, version } = await postComment(t.db, people.wendy, { sourceId: source.id, body: "@nobody, look at this. And `@tom-topic` is code." });
    const nobody = await lines(people.nobody.id);
    expect(nobody.map((a) => [a.kind, a.summary])).toEqual([["MENTION", "Wendy Watcher mentioned you: @nobody, look at this. And `@tom-topic` is code."]]);
    expect((await lines(people.tom.id)).some((a) => a.kind === "MENTION")).toBe(false);
    await editComment(t.db, people.wendy, { id, version, body: "@nobody, look at this, and you too @tom-topic." });
    expect((await lines(people.nobody.id)).length).toBe(1);
    expect((await lines(people.tom.id)).filter((a) => a.kind === "MENTION")).toHaveLength(1);
    // Watchers of what a comment is on are told of the comment, never of someone else's mention.
    await postComment(t.db, people.res, { claimId: claim.id, body: "@nobody, this one too." });
    const wendy = await lines(people.wendy.id);
    expect(wendy[0]).toMatchObject({ kind: "COMMENT", summary: "Rex Researcher commented: @nobody, this one too." });
    expect(wendy.some((a) => a.kind === "MENTION")).toBe(false);
    expect((await lines(people.nobody.id)).map((a) => a.kind)).toEqual(["MENTION", "MENTION"]);
  });

  it("a comment's words leave the lines that quoted them once it is hidden or retracted", async () => {
    const line = (await lines(people.wendy.id)).find((a) => a.summary === "Ava Analyst commented: Which of these counted the troops?")!;
    const comment = await t.db.comment.findUniqueOrThrow({ where: { id: line.href!.replace("/comments/", "") }, select: { id: true, version: true } });
    await hideComment(t.db, people.analyst, { id: comment.id, version: comment.version, reason: "Off topic." });
    const after = (await lines(people.wendy.id)).find((a) => a.id === line.id)!;
    expect(after.summary).toBe("A comment, since hidden by a moderator: Off topic.");
    expect(JSON.stringify(await lines(people.tom.id))).not.toContain("Which of these counted the troops?");

    const own = await postComment(t.db, people.res, { claimId: claim.id, body: "A hasty remark." });
    await retractComment(t.db, people.res, { id: own.id, version: own.version });
    expect((await lines(people.wendy.id)).find((a) => a.href === `/comments/${own.id}`)!.summary).toBe("A comment, since retracted by its author.");
  });

  it("one write leaves at most a handful of lines per reader, and says how many more", async () => {
    const many = await t.db.source.findUniqueOrThrow({ where: { id: "sputnik-federation-council-ratifies" }, select: { text: true } });
    const sentences = many.text
      .split(/(?<=\.)\s+/)
      .filter((s) => s.length > 20)
      .slice(0, MAX_LINES_PER_WRITE + 3);
    expect(sentences.length).toBe(MAX_LINES_PER_WRITE + 3);
    const before = (await lines(people.wendy.id)).length;
    const fresh = await createClaim(t.db, people.res, { text: "A claim that many passages qualify.", topic: claim.topicId });
    await setWatch(t.db, people.wendy, { claimId: fresh.id, watch: true });
    const { createStances } = await import("../lib/stances/write-stance");
    const { runWrite, writerOf } = await import("../lib/write/context");
    await runWrite(t.db, writerOf(people.res), (w) =>
      createStances(
        w,
        sentences.map((quote) => ({ sourceId: source.id, quote, claim: { id: fresh.id }, position: "QUALIFIES", mode: "ASSESSMENT", speaker: null })),
      ),
    );
    const after = await lines(people.wendy.id);
    expect(after.length - before).toBe(MAX_LINES_PER_WRITE);
    expect(after[0]!.summary).toBe("…and 4 more changes in the same write.");
  });
});

describe("reading it", () => {
  it("counts what is newer than the last visit, and pages by a cursor", async () => {
    const all = await lines(people.wendy.id);
    expect(await unreadCount(t.db, people.wendy.id)).toBe(all.length);
    await markActivitySeen(t.db, people.wendy, { until: all[2]!.at.toISOString() });
    expect(await unreadCount(t.db, people.wendy.id)).toBe(2);
    // Seen never moves back.
    await markActivitySeen(t.db, people.wendy, { until: all.at(-1)!.at.toISOString() });
    expect(await unreadCount(t.db, people.wendy.id)).toBe(2);

    const first = await listActivity(t.db, people.wendy.id, { limit: 5 });
    const second = await listActivity(t.db, people.wendy.id, { limit: 5, cursor: first.nextCursor! });
    expect([...first.activity, ...second.activity].map((a) => a.id)).toEqual(all.slice(0, 10).map((a) => a.id));
    expect((await refusal(listActivity(t.db, people.wendy.id, { limit: 5, cursor: "garbage" }))).field).toBe("cursor");
  });

  it("GET /api/activity: the token owner's lines, since a time, paged; 401 without a token, 400 for a bad `since`", async () => {
    process.env.DATABASE_URL = t.url;
    const { GET } = await import("../app/api/activity/route");
    const { token } = await createApiToken(t.db, people.tom, { name: "feed reader" });
    const get = (query: string, auth: string | null = token) =>
      GET(new Request(`http://localhost/api/activity${query}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} }), undefined as never);
    expect((await get("", null)).status).toBe(401);
    expect((await get("?since=yesterday")).status).toBe(400);
    const response = await get("?limit=2");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activity: { kind: string; at: string }[]; nextCursor: string | null };
    expect(body.activity).toHaveLength(2);
    expect(body.nextCursor).toEqual(expect.any(String));
    const since = body.activity[1]!.at;
    const newer = (await (await get(`?since=${encodeURIComponent(since)}`)).json()) as { activity: unknown[] };
    expect(newer.activity).toHaveLength(1);
  });
});

describe("handles", () => {
  it("come from the name, numbered when taken, and are the owner's to change", async () => {
    expect(handleFromName("Zoë O'Brien-Smith")).toBe("zoe-o-brien-smith");
    expect(handleFromName("李")).toBe("user");
    expect(await freeHandle(t.db, "Wendy")).toBe("wendy-2");
    const taken = await refusal(setHandle(t.db, people.tom, { handle: "wendy" }));
    expect([taken.code, taken.field]).toEqual(["CONFLICT", "handle"]);
    expect((await refusal(setHandle(t.db, people.tom, { handle: "-bad-" }))).field).toBe("handle");
    await setHandle(t.db, people.tom, { handle: "Tom-T" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: people.tom.id } })).handle).toBe("tom-t");
  });

  it("a mention is text in code, and an email address is not a mention", () => {
    expect(mentionsIn("mail me at wendy@example.com or ask @wendy. `@tom` too")).toEqual(["wendy"]);
    expect(commentHtml("hi @wendy")).toBe('<p>hi <span class="mention">@wendy</span></p>\n');
  });
});

async function sourceUpdateInput() {
  const s = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
  return { id: s.id, version: s.version, title: s.title, outlet: { id: s.outletId }, kind: s.kind, language: s.language };
}
