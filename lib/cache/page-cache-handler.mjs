// @ts-check
// The cache handler behind every "use cache" view (next.config.ts `cacheHandlers.default`,
// decision 0017). Next.js's own in-memory handler keeps the entries; this adds what several app
// servers on one database need: every write stores the tags of the pages it changed in the
// PageChange table, in its own transaction, and before a request reads its first cached view this
// handler reads the rows it has not seen yet (at most every POLL_MS) and expires those tags here.
// A write through any server, a script or an import job is so seen by every server within
// POLL_MS of its commit; the server that made it has already expired them inside the request
// (app/_lib/page-invalidation.ts). Plain JavaScript: Next.js imports this file as it is.
import nextHandlers from "next/dist/server/lib/cache-handlers/default.js";

const { createDefaultCacheHandler } = nextHandlers;

/** How often a server asks the database for other servers' changes, at most. */
export const POLL_MS = 100;
/** How long an id skipped by a later committed one is looked for: a write that took it still committing. */
const GAP_MS = 30_000;

/**
 * The rows the database has after `afterId`, and those of `ids`.
 * @typedef {{ latestId(): Promise<number>, changesAfter(afterId: number, ids: number[]): Promise<{ id: number, tags: string }[]>, close(): Promise<void> }} ChangeLog
 */

/**
 * The PageChange table of the database at `url`, read with the driver alone (this file is not
 * bundled, so it cannot use the app's Prisma client).
 * @param {string} url
 * @returns {Promise<ChangeLog>}
 */
export async function openChangeLog(url) {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000, query_timeout: 10_000 });
    // An idle client that loses its server is dropped; the next poll connects again.
    pool.on("error", () => {});
    return {
      async latestId() {
        const { rows } = await pool.query('SELECT COALESCE(MAX(id), 0) AS id FROM "PageChange"');
        return Number(rows[0].id);
      },
      async changesAfter(afterId, ids) {
        const { rows } = await pool.query('SELECT id, tags FROM "PageChange" WHERE id > $1 OR id = ANY($2::int[]) ORDER BY id', [afterId, ids]);
        return rows.map((r) => ({ id: Number(r.id), tags: String(r.tags) }));
      },
      close: () => pool.end(),
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(url.replace(/^file:/, ""), { fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  const latest = sqlite.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM "PageChange"');
  return {
    async latestId() {
      return Number(/** @type {{ id: number }} */ (latest.get()).id);
    },
    async changesAfter(afterId, ids) {
      const rows = sqlite
        .prepare(`SELECT id, tags FROM "PageChange" WHERE id > ?${ids.length > 0 ? ` OR id IN (${ids.map(() => "?").join(",")})` : ""} ORDER BY id`)
        .all(afterId, ...ids);
      return /** @type {{ id: number, tags: string }[]} */ (rows);
    },
    async close() {
      sqlite.close();
    },
  };
}

/**
 * Follows a change log: `poll()` returns the tags of the rows not seen before, once each. Ids
 * are handed out when a write inserts its row and seen when it commits, so on PostgreSQL a
 * later id can be seen first; an id skipped that way is asked for again until it turns up or
 * GAP_MS have passed (its write rolled back).
 * @param {ChangeLog} log
 * @param {() => number} [now]
 */
export function changeFollower(log, now = Date.now) {
  /** @type {number | null} */
  let lastId = null;
  /** @type {Map<number, number>} id → when it was first missed */
  const gaps = new Map();
  return {
    /** @returns {Promise<string[]>} */
    async poll() {
      // The first poll starts from the present: nothing was cached before it.
      if (lastId === null) {
        lastId = await log.latestId();
        return [];
      }
      for (const [id, since] of gaps) if (now() - since > GAP_MS) gaps.delete(id);
      const rows = await log.changesAfter(lastId, [...gaps.keys()]);
      const tags = new Set();
      for (const row of rows) {
        if (row.id > lastId) {
          for (let missing = lastId + 1; missing < row.id; missing++) gaps.set(missing, now());
          lastId = row.id;
        } else gaps.delete(row.id);
        for (const tag of row.tags.split(" ")) if (tag) tags.add(tag);
      }
      return [...tags];
    },
  };
}

/**
 * Next.js's in-memory handler, told of the other servers' changes.
 * @param {{ url: string, maxBytes: number, log?: (message: string) => void }} options
 * @returns {import("next/dist/server/lib/cache-handlers/types").CacheHandler}
 */
export function createPageCacheHandler({ url, maxBytes, log = console.error }) {
  const inner = createDefaultCacheHandler(maxBytes);
  /** @type {Promise<ReturnType<typeof changeFollower>> | null} */
  let follower = null;
  /** @type {Promise<void> | null} */
  let polling = null;
  let polledAt = 0;
  let failing = false;

  async function catchUp() {
    try {
      follower ??= openChangeLog(url).then((changes) => changeFollower(changes));
      const tags = await (await follower).poll();
      if (tags.length > 0) {
        await inner.updateTags(tags);
        // Next's handler rounds the expiry to the millisecond (up, as often as down), and counts a
        // tag expired only once that instant has passed: without waiting for it, the read right
        // after could still be served. Waited for by the clock itself: a timer's millisecond is
        // counted from the event loop's cached time, which under load is behind, so one timer of
        // 1 ms once passed in less than that and a page stayed served (a flaky test).
        const expiredAt = Math.round(performance.timeOrigin + performance.now());
        while (performance.timeOrigin + performance.now() <= expiredAt) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (failing) log("Page cache: reading the database's page changes again.");
      failing = false;
    } catch (error) {
      // Said once per outage, not per request. The pages cached here may be behind other
      // servers' writes until the database answers again (it is down: the app answers 503).
      if (!failing) log(`Page cache: cannot read the database's page changes (${error instanceof Error ? error.message : String(error)}).`);
      failing = true;
      follower = null;
      polledAt = 0;
    }
  }

  return {
    get: (cacheKey, softTags) => inner.get(cacheKey, softTags),
    set: (cacheKey, pendingEntry) => inner.set(cacheKey, pendingEntry),
    getExpiration: (tags) => inner.getExpiration(tags),
    updateTags: (tags, durations) => inner.updateTags(tags, durations),
    async refreshTags() {
      // Requests arriving together share one read of the database.
      if (!polling && Date.now() - polledAt >= POLL_MS) {
        polledAt = Date.now();
        polling = catchUp().finally(() => {
          polling = null;
        });
      }
      if (polling) await polling;
      await inner.refreshTags();
    },
  };
}

/** CORROBORATE_PAGE_CACHE_MB: the memory the cached views may take on each server (0: none are kept). */
function cacheBytes(value = "256") {
  const megabytes = Number(value);
  if (value.trim() === "" || !Number.isFinite(megabytes) || megabytes < 0) {
    throw new Error(`CORROBORATE_PAGE_CACHE_MB must be a number of megabytes, 0 or more (0 keeps no page cached); it is "${value}".`);
  }
  return Math.round(megabytes * 1024 * 1024);
}

const handler = createPageCacheHandler({
  url: process.env.DATABASE_URL ?? "file:./data/corroborate.db",
  maxBytes: cacheBytes(process.env.CORROBORATE_PAGE_CACHE_MB),
});
// For lib/cache/invalidate-pages.ts: a write expires its views here the moment it commits.
/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for("corroborate.page-cache")] = handler;
export default handler;
