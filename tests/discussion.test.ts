import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../lib/auth/api-tokens";
import { claimDiscussion, commentHistory, sourceDiscussion } from "../lib/comments/list-comments";
import { commentHtml } from "../lib/comments/markdown";
import { editComment, hideComment, postComment, retractComment } from "../lib/comments/write-comment";
import { onWriteCommitted, tag } from "../lib/write/cache-tags";
import { refusal } from "./helpers/refusal";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Discussion (issue 14): comments on claims, stances and sources, replies, edits with their
// history, retraction by the author and hiding by a moderator; Markdown that never becomes HTML.
let t: TestDb;
const people = {
  reader: { id: "u-disc-reader", name: "Rhea Reader", email: "rhea@test", role: "READER" as const },
  other: { id: "u-disc-other", name: "Otto Other", email: "otto@test", role: "READER" as const },
  analyst: { id: "u-disc-analyst", name: "Ana Lyst", email: "ana@test", role: "ANALYST" as const },
};
let claim: { id: string; slug: string };
let stance: { id: string; claimId: string; sourceId: string };
const announced: string[][] = [];

beforeAll(async () => {
  t = await seededDatabase(Object.values(people));
  claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true, slug: true } });
  stance = await t.db.stance.findFirstOrThrow({ where: { claimId: claim.id }, select: { id: true, claimId: true, sourceId: true } });
  onWriteCommitted("discussion.test", (tags) => announced.push([...tags]));
});
afterAll(async () => {
  await t.drop();
});

describe("comments and replies", () => {
  it("a comment on a claim and a reply to it form one thread, and a reply to the reply joins it", async () => {
    const first = await postComment(t.db, people.reader, { claimId: claim.id, body: "Which of these sources **counted** the troops themselves?" });
    const reply = await postComment(t.db, people.other, { parentId: first.id, body: "None of them, as far as I can tell." });
    await postComment(t.db, people.reader, { parentId: reply.id, body: "Then the figure is *one* claim repeated." });
    const thread = (await claimDiscussion(t.db, claim.id)).find((c) => c.id === first.id)!;
    expect(thread.author).toBe("Rhea Reader");
    expect(thread.html).toContain("<strong>counted</strong>");
    expect(thread.replies.map((r) => [r.author, r.body])).toEqual([
      ["Otto Other", "None of them, as far as I can tell."],
      ["Rhea Reader", "Then the figure is *one* claim repeated."],
    ]);
  });

  it("a comment on a stance shows on its claim's discussion and its source's, saying which passage", async () => {
    const { id } = await postComment(t.db, people.reader, { stanceId: stance.id, body: "This passage hedges more than the claim does." });
    const quote = (await t.db.stance.findUniqueOrThrow({ where: { id: stance.id }, select: { quote: true } })).quote;
    for (const discussion of [await claimDiscussion(t.db, stance.claimId), await sourceDiscussion(t.db, stance.sourceId)]) {
      expect(discussion.find((c) => c.id === id)?.on).toEqual({ kind: "stance", id: stance.id, quote });
    }
  });

  it("names the pages that show it, once committed: the claim's page, or the stance's claim and source", async () => {
    announced.length = 0;
    await postComment(t.db, people.reader, { claimId: claim.id, body: "A note." });
    expect(announced.at(-1)).toContain(tag.claim(claim.id));
    await postComment(t.db, people.reader, { stanceId: stance.id, body: "Another note." });
    expect(announced.at(-1)).toEqual(expect.arrayContaining([tag.claim(stance.claimId), tag.source(stance.sourceId)]));
  });

  it.each([
    ["no words", { claimId: "x", body: "   " }, "body"],
    ["too many words", { claimId: "x", body: "a".repeat(5_001) }, "body"],
    ["nothing it is on", { body: "Hello" }, "claimId"],
    ["two things it is on", { claimId: "x", sourceId: "y", body: "Hello" }, "claimId"],
    ["a reply that also names a claim", { parentId: "x", claimId: "y", body: "Hello" }, "parentId"],
  ])("refuses %s, naming the field, and stores nothing", async (_, input, field) => {
    const before = await t.db.comment.count();
    const refused = await refusal(postComment(t.db, people.reader, input));
    expect([refused.code, refused.field]).toEqual(["INVALID", field]);
    expect(await t.db.comment.count()).toBe(before);
  });

  it("refuses a field it does not know, and says which", async () => {
    const refused = await refusal(postComment(t.db, people.reader, { claimId: claim.id, body: "Hello", pinned: true }));
    expect(refused.code).toBe("INVALID");
    expect(refused.message).toContain("pinned");
  });

  it("refuses a visitor, and a comment on a claim that does not exist", async () => {
    expect((await refusal(postComment(t.db, null, { claimId: claim.id, body: "Hi" }))).code).toBe("UNAUTHENTICATED");
    expect((await refusal(postComment(t.db, people.reader, { claimId: "no-such-claim", body: "Hi" }))).code).toBe("NOT_FOUND");
  });
});

describe("edits, retraction and moderation", () => {
  it("an author edits their comment, and every wording stays in its history; no one else may", async () => {
    const { id } = await postComment(t.db, people.reader, { claimId: claim.id, body: "The Pentagon said 10,000." });
    expect((await refusal(editComment(t.db, people.other, { id, version: 1, body: "Vandalised." }))).code).toBe("FORBIDDEN");
    expect(await editComment(t.db, people.reader, { id, version: 1, body: "The Pentagon said some 10,000." })).toMatchObject({ version: 2, changed: true });
    const stale = await refusal(editComment(t.db, people.reader, { id, version: 1, body: "From an old copy." }));
    expect([stale.code, stale.field]).toEqual(["CONFLICT", "version"]);
    expect((await commentHistory(t.db, id)).map((r) => [r.action, r.changes.body?.[1]])).toEqual([
      ["CREATE", "The Pentagon said 10,000."],
      ["UPDATE", "The Pentagon said some 10,000."],
    ]);
    const shown = (await claimDiscussion(t.db, claim.id)).find((c) => c.id === id)!;
    expect([shown.body, shown.edited]).toEqual(["The Pentagon said some 10,000.", true]);
  });

  it("an author retracts their comment: it keeps its place without its words", async () => {
    const { id } = await postComment(t.db, people.reader, { claimId: claim.id, body: "I was wrong about this." });
    expect((await refusal(retractComment(t.db, people.other, { id, version: 1 }))).code).toBe("FORBIDDEN");
    await retractComment(t.db, people.reader, { id, version: 1 });
    const shown = (await claimDiscussion(t.db, claim.id)).find((c) => c.id === id)!;
    expect([shown.state, shown.body, shown.html]).toEqual(["retracted", null, null]);
    expect((await refusal(editComment(t.db, people.reader, { id, version: 2, body: "Back again." }))).code).toBe("CONFLICT");
  });

  it("a moderator hides a comment with a reason, shown in its place; a reader cannot; it takes no replies", async () => {
    const { id } = await postComment(t.db, people.other, { claimId: claim.id, body: "Spam spam spam." });
    expect((await refusal(hideComment(t.db, people.reader, { id, version: 1, reason: "Spam" }))).code).toBe("FORBIDDEN");
    expect((await refusal(hideComment(t.db, people.analyst, { id, version: 1, reason: " " }))).field).toBe("reason");
    await hideComment(t.db, people.analyst, { id, version: 1, reason: "Advertising, not discussion." });
    const shown = (await claimDiscussion(t.db, claim.id)).find((c) => c.id === id)!;
    expect([shown.state, shown.body, shown.hiddenReason]).toEqual(["hidden", null, "Advertising, not discussion."]);
    expect((await refusal(postComment(t.db, people.reader, { parentId: id, body: "Reply" }))).code).toBe("CONFLICT");
  });
});

describe("Markdown", () => {
  it("shows HTML in a comment as text: no script, no event handler, no iframe reaches the page", () => {
    const html = commentHtml('<script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps links to claims and passages, marks them as user content, and drops javascript: and data: links and images", () => {
    const html = commentHtml(
      "See [the claim](/claims/dprk-troops-number-about-10000) and [the passage](/sources/npr-new-era-two-continents#at-10-40). [x](javascript:alert(1)) [y](data:text/html,hi) ![pic](https://evil.example/p.png)",
    );
    expect(html).toContain('<a href="/claims/dprk-troops-number-about-10000" rel="ugc nofollow noopener">the claim</a>');
    expect(html).toContain('<a href="/sources/npr-new-era-two-continents#at-10-40" rel="ugc nofollow noopener">the passage</a>');
    // The unsafe links stay as their text; the image is at most a link to it, never fetched.
    expect(html).not.toMatch(/href="(javascript|data):|<img/);
    expect(html).toContain("[x](javascript:alert(1))");
  });
});

describe("the API", () => {
  it("POST /api/comments with any account's token, GET /api/claims/{slug}/comments in the documented shape", async () => {
    process.env.DATABASE_URL = t.url;
    const post = (await import("../app/api/comments/route")).POST;
    const get = (await import("../app/api/claims/[slug]/comments/route")).GET;
    const { token } = await createApiToken(t.db, people.reader, { name: "discussion script" });
    const request = (body: unknown, auth?: string) =>
      new Request("http://localhost/api/comments", {
        method: "POST",
        headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post(request({ claimId: claim.id, body: "Hi" }), undefined as never)).status).toBe(401);
    const created = await post(request({ claimId: claim.id, body: "Posted **by a script**." }, token), undefined as never);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const response = await get(new Request(`http://localhost/api/claims/${claim.slug}/comments`), { params: Promise.resolve({ slug: claim.slug }) });
    expect(response.status).toBe(200);
    const { comments } = (await response.json()) as { comments: Record<string, unknown>[] };
    expect(comments.find((c) => c.id === id)).toMatchObject({
      on: { kind: "claim", id: claim.id },
      author: "Rhea Reader",
      state: "live",
      body: "Posted **by a script**.",
      html: "<p>Posted <strong>by a script</strong>.</p>\n",
      version: 1,
      replies: [],
    });
    const missing = await get(new Request("http://localhost/api/claims/nope/comments"), { params: Promise.resolve({ slug: "nope" }) });
    expect(missing.status).toBe(404);
  });
});
