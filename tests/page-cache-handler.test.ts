import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeFollower, createPageCacheHandler, openChangeLog, POLL_MS } from "../lib/cache/page-cache-handler.mjs";
import { createStance } from "../lib/stances/write-stance";
import { tag } from "../lib/write/cache-tags";
import { refusal } from "./helpers/refusal";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Several app servers on one database: a write through any of them, or a script, stores the tags
// of the pages it changed (PageChange), and every server's cache handler reads them and stops
// serving those pages (decision 0017). Here a handler stands for "another server": it never saw
// the write happen, only the database.
let t: TestDb;
const researcher = { id: "u-handler-researcher", name: "Handler Researcher", email: "handler@test", role: "RESEARCHER" as const };

beforeAll(async () => {
  t = await seededDatabase([researcher]);
});
afterAll(async () => {
  await t.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cached view as Next.js hands it to the handler, made a little while ago. */
function entry(tags: string[], text: string) {
  const bytes = new TextEncoder().encode(text);
  return {
    value: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
    tags,
    stale: 0,
    // Next.js times entries and expirations alike by the performance clock, which can drift from Date.now().
    timestamp: performance.timeOrigin + performance.now() - 50,
    expire: 86_400,
    revalidate: 86_400,
  };
}

async function served(handler: ReturnType<typeof createPageCacheHandler>, key: string): Promise<string | null> {
  await handler.refreshTags();
  const found = await handler.get(key, []);
  return found ? new Response(found.value).text() : null;
}

describe("a server's cache, told of writes through the database", () => {
  it("stops serving exactly the pages another server's write changed, once it next reads its cache", async () => {
    const logged: string[] = [];
    const handler = createPageCacheHandler({ url: t.url, maxBytes: 10 * 1024 * 1024, log: (m) => logged.push(m) });
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" }, select: { id: true } });
    const other = await t.db.claim.findFirstOrThrow({ where: { id: { not: claim.id } }, select: { id: true } });
    const source = await t.db.source.findUniqueOrThrow({ where: { id: "sputnik-federation-council-ratifies" }, select: { id: true, text: true } });
    await served(handler, "warm-up"); // the first read starts from the database's latest change

    await handler.set("claim-page", Promise.resolve(entry([tag.corpus, tag.claim(claim.id)], "the claim's page")));
    await handler.set("other-page", Promise.resolve(entry([tag.corpus, tag.claim(other.id)], "another claim's page")));
    expect(await served(handler, "claim-page")).toBe("the claim's page");

    await createStance(t.db, researcher, {
      sourceId: source.id,
      quote: source.text.slice(0, 40).trim(),
      claim: { id: claim.id },
      position: "QUALIFIES",
      mode: "ASSESSMENT",
      speaker: null,
    });
    await sleep(POLL_MS + 20);
    expect(await served(handler, "claim-page")).toBeNull();
    expect(await served(handler, "other-page")).toBe("another claim's page");
    expect(logged).toEqual([]);
  });

  it("a refused write stores no change, and no page stops being served", async () => {
    const handler = createPageCacheHandler({ url: t.url, maxBytes: 10 * 1024 * 1024 });
    const before = await t.db.pageChange.count();
    const claim = await t.db.claim.findFirstOrThrow({ select: { id: true } });
    await served(handler, "warm-up");
    await handler.set("page", Promise.resolve(entry([tag.corpus, tag.claim(claim.id)], "a page")));
    const refused = await refusal(
      createStance(t.db, researcher, {
        sourceId: "sputnik-federation-council-ratifies",
        quote: "words this source never printed",
        claim: { id: claim.id },
        position: "SUPPORTS",
        mode: "ASSESSMENT",
        speaker: null,
      }),
    );
    expect(refused.code).toBe("INVALID");
    expect(refused.field).toBe("quote");
    await sleep(POLL_MS + 20);
    expect(await served(handler, "page")).toBe("a page");
    expect(await t.db.pageChange.count()).toBe(before);
  });

  it("a change whose id was handed out before a later one's, but committed after it, is still seen", async () => {
    const log = await openChangeLog(t.url);
    try {
      const follower = changeFollower(log);
      await follower.poll();
      const latest = await log.latestId();
      // Two writes took ids latest+1 and latest+2; the second committed first.
      await t.db.pageChange.create({ data: { id: latest + 2, tags: `${tag.claim("late-b")} ${tag.claims}` } });
      expect((await follower.poll()).sort()).toEqual([tag.claim("late-b"), tag.claims].sort());
      await t.db.pageChange.create({ data: { id: latest + 1, tags: tag.claim("late-a") } });
      expect(await follower.poll()).toEqual([tag.claim("late-a")]);
      expect(await follower.poll()).toEqual([]);
    } finally {
      await log.close();
    }
  });

  it("says once that it cannot read the changes while the database is gone, and serves what it has", async () => {
    const logged: string[] = [];
    const handler = createPageCacheHandler({
      url: t.url.startsWith("file:") ? "file:/nonexistent/dir/gone.db" : t.url.replace(/\/[^/?]+(\?|$)/, "/no_such_database$1"),
      maxBytes: 1024 * 1024,
      log: (m) => logged.push(m),
    });
    await handler.set("page", Promise.resolve(entry([tag.corpus], "a page")));
    expect(await served(handler, "page")).toBe("a page");
    await sleep(POLL_MS + 20);
    expect(await served(handler, "page")).toBe("a page");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Page cache: cannot read the database's page changes/);
  });
});
