// Working together at benchmark size (issue 14): the activity page's reads and the request list,
// with 1,000,000 activity rows and 100,000 requests on top of the benchmark corpus.
//   npm run bench:together -- [--activity 1000000] [--requests 100000] [--corpus data/bench.db]
// The corpus (npm run bench:generate) is copied, so the benchmark's own file is left as it was;
// the rows go in through one better-sqlite3 transaction. Then, one request at a time, it times:
// the reads the pages make (through lib/, on the app's own Prisma client), and the same pages and
// GET /api/activity served by the built app. Prints p50/p95/p99 in ms; asserts nothing.
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createDb } from "../lib/database/create-client";
import { listActivity, unreadCount } from "../lib/activity/list-activity";
import { listRequests } from "../lib/requests/list-requests";
import { createApiToken } from "../lib/auth/api-tokens";
import { quantile, requireBuild, root, serveApp, timedFetch, waitFor } from "./harness";

const { values } = parseArgs({
  options: {
    activity: { type: "string", default: "1000000" },
    requests: { type: "string", default: "100000" },
    users: { type: "string", default: "1000" },
    corpus: { type: "string", default: "data/bench.db" },
    rounds: { type: "string", default: "300" },
    port: { type: "string", default: "3460" },
  },
});
const sizes = { activity: Number(values.activity), requests: Number(values.requests), users: Number(values.users), rounds: Number(values.rounds) };
const corpus = resolve(root, values.corpus!);
if (!existsSync(corpus)) throw new Error(`${values.corpus} is missing: run npm run bench:generate first.`);
requireBuild();
const file = resolve(root, "data/bench-together.db");
rmSync(file, { force: true });
rmSync(`${file}-wal`, { force: true });
copyFileSync(corpus, file);

// Rows. One heavy reader (a fifth of all activity) and many light ones; requests with a long tail of requesters.
const sqlite = new Database(file);
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const start = Date.UTC(2026, 0, 1);
const claims = sqlite.prepare(`SELECT id FROM "Claim" LIMIT 2000`).all() as { id: string }[];
const t0 = performance.now();
sqlite.transaction(() => {
  const user = sqlite.prepare(`INSERT INTO "User" (id, name, email, role, handle, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 'READER', ?, 1, ?, ?)`);
  for (let u = 0; u < sizes.users; u++) user.run(`bu${u}`, `Bench User ${u}`, `bench${u}@example.com`, `bench-${u}`, iso(start), iso(start));
  sqlite.prepare(`UPDATE "User" SET activitySeenAt = ? WHERE id = ?`).run(iso(start + sizes.activity * 60_000 * 0.9), "bu0");
  const activity = sqlite.prepare(`INSERT INTO "Activity" (id, userId, kind, summary, claimId, createdAt) VALUES (?, ?, ?, ?, ?, ?)`);
  const kinds = ["STANCE", "COMMENT", "VERDICT", "CLAIM", "MENTION"];
  for (let i = 0; i < sizes.activity; i++) {
    const userId = i % 5 === 0 ? "bu0" : `bu${1 + (i % (sizes.users - 1))}`;
    activity.run(
      `ba${i}`,
      userId,
      kinds[i % kinds.length],
      `Bench line ${i}: a new stance on a watched claim.`,
      claims[i % claims.length]!.id,
      iso(start + i * 60_000),
    );
  }
  const request = sqlite.prepare(
    `INSERT INTO "CheckRequest" (id, matchKey, text, status, askerCount, lastAskedAt, version, createdAt) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const ask = sqlite.prepare(`INSERT INTO "CheckAsk" (id, requestId, askerKey, address, text, why, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (let i = 0; i < sizes.requests; i++) {
    const status = i % 10 === 0 ? "DECLINED" : i % 10 === 1 ? "ACCEPTED" : "OPEN";
    const askers = 1 + Math.floor(1000 / (1 + (i % 997)));
    request.run(`br${i}`, `text:bench${i}`, `Bench request ${i}: is this claim true?`, status, askers, iso(start + i * 30_000), iso(start + i * 30_000));
    ask.run(`bk${i}`, `br${i}`, `a:bench${i}`, `bench${i % 5000}`, `Bench request ${i}`, "Because.", iso(start + i * 30_000));
  }
})();
sqlite.pragma("journal_mode = WAL");
sqlite.exec("ANALYZE");
sqlite.close();
console.log(
  `Added ${sizes.users.toLocaleString("en")} users, ${sizes.activity.toLocaleString("en")} activity rows and ${sizes.requests.toLocaleString("en")} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s.\n`,
);

const url = `file:${file}`;
const db = createDb(url);
const rounds = sizes.rounds;
const rows: string[][] = [];

async function time(name: string, read: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await read(i); // warm up
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const began = performance.now();
    await read(i);
    ms.push(performance.now() - began);
  }
  rows.push([name, ...[0.5, 0.95, 0.99].map((q) => quantile(ms, q).toFixed(1))]);
}

const light = (i: number) => `bu${1 + ((i * 37) % (sizes.users - 1))}`;
const heavyCursor = (await listActivity(db, "bu0", { limit: 50 })).nextCursor!;
await time("activity page, heavy reader (200,000 lines): first 50 + unread", async () => {
  await Promise.all([listActivity(db, "bu0", { limit: 50 }), unreadCount(db, "bu0")]);
});
await time("activity page, heavy reader: next 50 by cursor", () => listActivity(db, "bu0", { limit: 50, cursor: heavyCursor }));
await time("activity page, a light reader (~800 lines): first 50 + unread", async (i) => {
  await Promise.all([listActivity(db, light(i), { limit: 50 }), unreadCount(db, light(i))]);
});
await time("header unread count, heavy reader", () => unreadCount(db, "bu0"));
await time("request list, open, most wanted, page 1 (+ count)", () => listRequests(db, { status: "open", page: 1 }));
await time("request list, open, page 100", () => listRequests(db, { status: "open", page: 100 }));
await time("request list, declined, page 1", () => listRequests(db, { status: "declined", page: 1 }));

// The same through the built app: GET /api/activity (the heavy reader's token) and /requests.
const heavy = { id: "bu0", name: "Bench User 0", email: "bench0@example.com", role: "READER" as const };
const { token } = await createApiToken(db, heavy, { name: "together bench" });
await db.$disconnect();
const port = Number(values.port);
const server = serveApp(url, port, { CORROBORATE_API_RATE_LIMIT: "1000000" });
try {
  await waitFor(`http://127.0.0.1:${port}/api/health`);
  const auth = { headers: { authorization: `Bearer ${token}` } };
  await time("HTTP GET /api/activity (heavy reader, 50 lines)", async () => {
    const response = await timedFetch(`http://127.0.0.1:${port}/api/activity`, auth);
    if (response.status !== 200) throw new Error(`/api/activity answered ${response.status}`);
  });
  // The floor: a page with the same header and no database read of its own.
  await time("HTTP GET /about/statuses (floor: the same layout, no list)", async () => {
    const response = await timedFetch(`http://127.0.0.1:${port}/about/statuses`);
    if (response.status !== 200) throw new Error(`/about/statuses answered ${response.status}`);
  });
  await time("HTTP GET /requests (the page, as a visitor)", async () => {
    const response = await timedFetch(`http://127.0.0.1:${port}/requests`);
    if (response.status !== 200) throw new Error(`/requests answered ${response.status}`);
  });
} finally {
  server.kill();
}

const widths = [66, 8, 8, 8];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" ");
console.log(line(["read (one at a time, ms)", "p50", "p95", "p99"]));
for (const row of rows) console.log(line(row));
