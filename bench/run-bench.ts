// Serves the built app on the synthetic corpus and measures every reader page and search next
// to two floors in the same run:
//   - raw SQL: plain node:http and better-sqlite3 answering the same data as JSON (floor-server.ts);
//   - static: the app's own answers for the same URLs, fetched once and replayed from memory
//     (replay-server.ts), the most any cache could give.
//   npm run bench:generate && npm run build && npm run bench -- [--db data/bench.db] [--seconds 10] [--connections 10] [--only "signed in"]
// Prints p50/p99 latency and requests/s per request and server, the app's share of the static
// server's requests/s, a signed-in claim page, and search latency one request at a time.
import type { ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { createDb } from "../lib/database/create-client";
import { encodeCursor } from "../lib/schemas/claims-query";
import { DEMO_USERS, seedDemoUsers } from "../lib/seed/demo-users";
import { bin, launch, quantile, requireBuild, root, serveApp, waitFor } from "./harness";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/bench.db" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    only: { type: "string" },
  },
});
const file = resolve(root, values.db!);
if (!existsSync(file)) throw new Error(`${file} does not exist: run npm run bench:generate first.`);
requireBuild();

const APP = 3200;
const FLOOR = 3201;
const STATIC = 3202;
const children: ChildProcess[] = [];
const stopAll = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("exit", stopAll);

// What each page rotates through: 200 claims, sources and speakers with a typical amount of
// evidence, every topic, and one- and two-word searches.
const sample = new Database(file, { readonly: true });
const column = (sql: string) => (sample.prepare(sql).all() as Record<string, string>[]).map((row) => Object.values(row)[0]!);
const slugs = column(`SELECT slug FROM Claim WHERE sourceCount > 10 ORDER BY rankKey LIMIT 200 OFFSET 1000`);
const sourceIds = column(`SELECT sourceId FROM Stance GROUP BY sourceId HAVING count(*) >= 10 LIMIT 200`);
const actorIds = column(`SELECT a.slug FROM Actor a WHERE a.id IN (SELECT speakerId FROM Stance WHERE speakerId IS NOT NULL GROUP BY speakerId LIMIT 200)`);
const topics = column(`SELECT slug FROM Topic ORDER BY slug`);
const deepKey = column(`SELECT rankKey FROM Claim ORDER BY rankKey LIMIT 1 OFFSET 9000`)[0];
const counts = sample.prepare(`SELECT (SELECT count(*) FROM Claim) c, (SELECT count(*) FROM Source) s, (SELECT count(*) FROM Stance) st`).get();
sample.close();
const SEARCHES = ["treaty", "ceasefire", "officials", "sanctions", "summit", "deployment", "troop numbers", "arms sales", "officials denied", "supply routes"];

// A signed-in researcher: a demo account and a session made in the database, its cookie signed
// with the server's secret as better-auth signs it, and named as better-auth names it in
// production without a base URL (secure, as a browser keeps it on localhost too).
const secret = randomBytes(32).toString("base64url");
const db = createDb(`file:${file}`);
await seedDemoUsers(db);
const researcher = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((u) => u.role === "RESEARCHER")!.email } });
const token = randomBytes(24).toString("base64url");
await db.session.create({ data: { id: randomBytes(12).toString("hex"), token, userId: researcher.id, expiresAt: new Date(Date.now() + 86_400_000) } });
await db.$disconnect();
const cookie = `__Secure-better-auth.session_token=${encodeURIComponent(`${token}.${createHmac("sha256", secret).update(token).digest("base64")}`)}`;

children.push(serveApp(`file:${file}`, APP, { BETTER_AUTH_SECRET: secret }), launch(bin("tsx"), ["bench/floor-server.ts", file, String(FLOOR)]));
await waitFor(`http://127.0.0.1:${APP}/api/claims?limit=1`);
await waitFor(`http://127.0.0.1:${FLOOR}/api/claims`);
// Checked: with the cookie misnamed, "signed in" once measured a visitor's full page.
const session = await (await fetch(`http://127.0.0.1:${APP}/api/auth/get-session`, { headers: { cookie } })).json();
if (session?.user?.email !== researcher.email) throw new Error("The benchmark's session cookie is not accepted by the app.");

/** The path of the stylesheet a page links: a file Next.js serves from its build's static folder. */
async function stylesheetOf(url: string): Promise<string> {
  const path = /<link rel="stylesheet" href="([^"]+)"/.exec(await (await fetch(url)).text())?.[1];
  if (!path) throw new Error(`${url} links no stylesheet`);
  return path;
}

const rotate = (paths: string[]) => {
  let turn = 0;
  return () => paths[turn++ % paths.length]!;
};
type Scenario = { name: string; paths: string[]; floor: ((path: string) => string) | null; headers?: Record<string, string>; replay?: boolean };
const same = (path: string) => path;
const everyScenario: Scenario[] = [
  { name: "/ (home)", paths: ["/"], floor: same },
  { name: "/claims", paths: ["/claims"], floor: same },
  { name: "claim page", paths: slugs.map((s) => `/claims/${s}`), floor: same },
  { name: "claim page, signed in", paths: slugs.map((s) => `/claims/${s}`), floor: same, headers: { cookie }, replay: false },
  // What a signed-in page's islands fetch after it: the reader's own part of it (decision 0021).
  {
    name: "/viewer (a signed-in claim page's own part)",
    paths: slugs.map((s) => `/viewer?path=${encodeURIComponent(`/claims/${s}`)}`),
    floor: null,
    headers: { cookie },
    replay: false,
  },
  { name: "/sources", paths: ["/sources"], floor: same },
  { name: "source page", paths: sourceIds.map((id) => `/sources/${id}`), floor: same },
  { name: "speaker page", paths: actorIds.map((id) => `/actors/${id}`), floor: same },
  { name: "/outlets", paths: ["/outlets"], floor: same },
  { name: "topic matrix", paths: topics.map((t) => `/topics/${t}/matrix`), floor: same },
  { name: "/about/statuses", paths: ["/about/statuses"], floor: same },
  { name: "search (sources)", paths: SEARCHES.map((q) => `/api/search?${new URLSearchParams({ q, type: "sources" })}`), floor: same },
  {
    name: "/search page",
    paths: SEARCHES.map((q) => `/search?${new URLSearchParams({ q })}`),
    floor: (p) => `/api${p}`.replace("/api/search?", "/api/search?type=sources&"),
  },
  { name: "/api/claims", paths: ["/api/claims?limit=20"], floor: () => "/api/claims" },
  // The least any answer through Next.js costs: a file from the build's static folder, which
  // skips the proxy and every page (decision 0020). No page can be served faster than this.
  { name: "Next.js static file (its floor)", paths: [await stylesheetOf(`http://127.0.0.1:${APP}/about/statuses`)], floor: null },
  ...(deepKey
    ? [{ name: "/api/claims deep page", paths: [`/api/claims?limit=20&cursor=${encodeCursor(deepKey)}`], floor: () => `/api/claims?after=${deepKey}` }]
    : []),
];

// --only: the scenarios whose name contains it (the search latency runs always).
const scenarios = everyScenario.filter((s) => !values.only || s.name.includes(values.only));

// The static server replays what the app answered anonymously for each URL.
const replay: Record<string, { type: string; body: string }> = {};
for (const s of scenarios.filter((s) => s.replay !== false)) {
  for (const path of s.paths) {
    const response = await fetch(`http://127.0.0.1:${APP}${path}`);
    if (!response.ok) throw new Error(`${path}: the app answered ${response.status}`);
    replay[path] = { type: response.headers.get("content-type") ?? "text/html", body: await response.text() };
  }
}
const replayFile = resolve(root, "data/bench-replay.json");
writeFileSync(replayFile, JSON.stringify(replay));
const firstReplayed = Object.keys(replay)[0];
if (firstReplayed) {
  children.push(launch(bin("tsx"), ["bench/replay-server.ts", replayFile, String(STATIC)]));
  await waitFor(`http://127.0.0.1:${STATIC}${firstReplayed}`);
}

async function measure(port: number, path: () => string, headers: Record<string, string> = {}) {
  const options = {
    url: `http://127.0.0.1:${port}`,
    connections: Number(values.connections),
    requests: [{ setupRequest: (request: object) => ({ ...request, path: path(), headers }) }],
  };
  await autocannon({ ...options, duration: 2 }); // warm-up
  const result = await autocannon({ ...options, duration: Number(values.seconds) });
  const errors = result.errors + result.non2xx;
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors };
}

const kib = (bytes: number | undefined) => (bytes === undefined ? "" : `${(bytes / 1024).toFixed(0)} KiB`);
console.log(`Corpus: ${JSON.stringify(counts)}; ${values.connections} connections, ${values.seconds} s per run.`);
console.log("| request | size | app p50 / p99 ms | app req/s | raw SQL req/s | static req/s | app ÷ static | errors |");
console.log("|---|---|---|---|---|---|---|---|");
for (const s of scenarios) {
  // Every page fetched once before measuring, like the replayed ones (a signed-in page is kept per role).
  // The size shown is the first path's answer, as this scenario's requests get it.
  let size = replay[s.paths[0]!] ? Buffer.byteLength(replay[s.paths[0]!]!.body) : undefined;
  if (s.replay === false) {
    for (const path of s.paths) {
      const bytes = (await (await fetch(`http://127.0.0.1:${APP}${path}`, { headers: s.headers })).arrayBuffer()).byteLength;
      if (path === s.paths[0]) size = bytes;
    }
  }
  const app = await measure(APP, rotate(s.paths), s.headers);
  const floor = s.floor ? await measure(FLOOR, rotate(s.paths.map(s.floor))) : null;
  const still = s.replay === false ? null : await measure(STATIC, rotate(s.paths));
  const share = still ? `${((app.rps / still.rps) * 100).toFixed(1)}%` : "";
  console.log(
    `| ${s.name} | ${kib(size)} | ${app.p50} / ${app.p99} | ${app.rps.toFixed(0)} | ${floor ? floor.rps.toFixed(0) : ""} | ${still ? still.rps.toFixed(0) : ""} | ${share} | ${app.errors + (floor?.errors ?? 0) + (still?.errors ?? 0)} |`,
  );
}

// Search one request at a time: the latency a researcher sees, without queueing behind others.
const latencies: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const q of SEARCHES) {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${APP}/api/search?${new URLSearchParams({ q, type: "sources" })}`);
    await response.text();
    latencies.push(performance.now() - started);
  }
}
console.log(
  `\nSearch over the sources, one request at a time (${latencies.length} requests, ${SEARCHES.length} one- and two-word queries): p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms.`,
);
stopAll();
process.exit(0);
