// Fault drills: what happens to requests and to the data when the process is told to stop, or the
// PostgreSQL server restarts, while the app is busy. Prints what happened; exits 1 if data was lost,
// a request hung, or the app did not recover by itself.
//   npm run build && npm run drill -- [--drill sigterm|pg-restart|all] [--seconds 20]
// sigterm: `npm start` on a fresh SQLite database, 8 writers creating claims, SIGTERM after 1.5 s.
// pg-restart: `npm start` on a database of a private PostgreSQL cluster (scripts/pg-local.sh), 10
// connections of reads and writes, the server stopped at 6 s and started again 5 s later.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db } from "../lib/database/create-client";
import { launch, requireBuild, root, sleep, timedFetch, tokenFor, waitFor } from "./harness";

const { values } = parseArgs({ options: { drill: { type: "string", default: "all" }, seconds: { type: "string", default: "20" } } });
requireBuild();

type Outcome = Awaited<ReturnType<typeof timedFetch>> & { at: number; kind: "read" | "write"; text?: string; path?: string };
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};

/** `npm start`, exactly as a user runs it, on its own port. */
function npmStart(databaseUrl: string, port: number) {
  // The drills write faster than a token's default rate limit allows.
  return launch("npm", ["start"], { DATABASE_URL: databaseUrl, PORT: String(port), CORROBORATE_REBUILD: "0", CORROBORATE_API_RATE_LIMIT: "1000000" });
}

async function writer(base: string, token: string, topic: string, label: string, n: number, at: () => number): Promise<Outcome> {
  const text = `${label} drill claim number ${n}`;
  const result = await timedFetch(`${base}/api/claims`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ text, topic }),
  });
  return { ...result, at: at(), kind: "write", text };
}

/** Every claim a 201 answered is stored, and the claim count kept beside them is right. */
async function checkWrites(db: Db, outcomes: Outcome[], label: string) {
  const answered = outcomes.filter((o) => o.kind === "write" && o.status === 201).map((o) => o.text!);
  const stored = new Set((await db.claim.findMany({ where: { text: { startsWith: `${label} drill claim` } }, select: { text: true } })).map((c) => c.text));
  const lost = answered.filter((t) => !stored.has(t));
  const unanswered = stored.size - (answered.length - lost.length);
  check(
    lost.length === 0,
    `${answered.length} writes answered 201, ${stored.size} stored: ${lost.length} answered but lost, ${unanswered} stored without an answer`,
  );
  const counts = await db.corpusCounts.findUniqueOrThrow({ where: { id: 1 } });
  const live = await db.claim.count({ where: { retractedAt: null } });
  check(counts.claims === live, `the kept claim count (${counts.claims}) matches the claims stored (${live}): no write half-done`);
}

function tally(outcomes: Outcome[]) {
  const by = new Map<string, number>();
  for (const o of outcomes) by.set(o.error ?? String(o.status), (by.get(o.error ?? String(o.status)) ?? 0) + 1);
  return [...by].map(([k, v]) => `${k}: ${v}`).join(", ");
}

async function sigtermDrill() {
  console.log("\n## SIGTERM during writes (npm start, SQLite)");
  const file = resolve(root, "data/drill.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const url = `file:${file}`;
  const port = 3310;
  const base = `http://127.0.0.1:${port}`;
  const server = npmStart(url, port);
  const exited = new Promise<string>((r) => server.on("exit", (code, signal) => r(code === null ? `signal ${signal}` : `code ${code}`)));
  await waitFor(`${base}/api/claims?limit=1`);
  const db = createDb(url);
  const token = await tokenFor(db, "RESEARCHER", "drill-writer");
  const topic = (await db.topic.findFirstOrThrow({ select: { id: true } })).id;

  const t0 = performance.now();
  const at = () => performance.now() - t0;
  const outcomes: Outcome[] = [];
  let signalAt = Infinity;
  let n = 0;
  let refused = false;
  const loops = Array.from({ length: 8 }, async () => {
    while (!refused && at() < 20_000) {
      const started = at();
      const o = await writer(base, token, topic, "sigterm", n++, at);
      outcomes.push({ ...o, at: started });
      if (o.error === "ECONNREFUSED") refused = true;
    }
  });
  await sleep(1_500);
  signalAt = at();
  server.kill("SIGTERM");
  await Promise.all(loops);
  const code = await exited;
  const stoppedAfter = at() - signalAt;

  const before = outcomes.filter((o) => o.at < signalAt);
  const after = outcomes.filter((o) => o.at >= signalAt);
  console.log(`Requests started before the signal: ${before.length} (${tally(before)}); after it: ${after.length} (${tally(after)}).`);
  console.log(`npm start exited with ${code} ${stoppedAfter.toFixed(0)} ms after SIGTERM.`);
  check(
    before.every((o) => o.status === 201),
    "every request in flight or sent before SIGTERM was answered 201",
  );
  check(
    outcomes.every((o) => o.error !== "hung"),
    "no request hung",
  );
  check(stoppedAfter < 10_000, "npm start exited by itself within 10 s, having finished its requests");
  await checkWrites(db, outcomes, "sigterm");
  await db.$disconnect();
  const sqlite = new Database(file, { readonly: true });
  const integrity = (sqlite.pragma("integrity_check") as { integrity_check: string }[])[0]!.integrity_check;
  sqlite.close();
  check(integrity === "ok", `integrity_check: ${integrity}`);
}

async function pgRestartDrill() {
  console.log("\n## PostgreSQL restarted under load (npm start, 10 connections)");
  const pgPort = process.env.PGPORT ?? "54329";
  const cluster = (action: "start" | "stop") => {
    const r = spawnSync("bash", [resolve(root, "scripts/pg-local.sh"), action], { cwd: root, env: { ...process.env, PGPORT: pgPort }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pg-local.sh ${action} failed: ${r.stderr}`);
  };
  cluster("start");
  const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${pgPort}/postgres` });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS corroborate_drill WITH (FORCE)");
  await admin.end();
  const url = `postgresql://postgres@127.0.0.1:${pgPort}/corroborate_drill`;
  const port = 3311;
  const base = `http://127.0.0.1:${port}`;
  const server = npmStart(url, port);
  try {
    await waitFor(`${base}/api/claims?limit=1`, 300);
    let db = createDb(url);
    const token = await tokenFor(db, "RESEARCHER", "drill-writer");
    const topic = (await db.topic.findFirstOrThrow({ select: { id: true } })).id;
    const slugs = (await db.claim.findMany({ select: { slug: true }, take: 20 })).map((c) => c.slug);
    await db.$disconnect();

    const seconds = Number(values.seconds);
    const downAt = 6_000;
    const upAt = 11_000;
    const t0 = performance.now();
    const at = () => performance.now() - t0;
    const outcomes: Outcome[] = [];
    let n = 0;
    const loops = Array.from({ length: 10 }, async (_, i) => {
      while (at() < seconds * 1_000) {
        const started = at();
        const turn = n++;
        const path = i % 2 ? "/api/claims?limit=20" : `/claims/${slugs[turn % slugs.length]}`;
        const o =
          turn % 10 === 0
            ? await writer(base, token, topic, "restart", turn, at)
            : { ...(await timedFetch(`${base}${path}`)), at: 0, kind: "read" as const, path };
        outcomes.push({ ...o, at: started });
      }
    });
    await sleep(downAt);
    cluster("stop");
    const stoppedAt = at();
    await sleep(upAt - downAt);
    cluster("start");
    const startedAt = at();
    await Promise.all(loops);

    console.log(`Server stopped at ${(stoppedAt / 1000).toFixed(1)} s, started again at ${(startedAt / 1000).toFixed(1)} s.`);
    console.log("| second | answered | 503 | other | max ms |");
    console.log("|---|---|---|---|---|");
    for (let s = 0; s < seconds; s++) {
      const inSecond = outcomes.filter((o) => o.at >= s * 1_000 && o.at < (s + 1) * 1_000);
      const ok = inSecond.filter((o) => o.status >= 200 && o.status < 300).length;
      const unavailable = inSecond.filter((o) => o.status === 503).length;
      const max = Math.max(0, ...inSecond.map((o) => o.ms));
      console.log(`| ${s} | ${ok} | ${unavailable} | ${inSecond.length - ok - unavailable} | ${max.toFixed(0)} |`);
    }
    const during = outcomes.filter((o) => o.at >= stoppedAt && o.at < startedAt);
    const unclear = outcomes.filter((o) => !(o.status >= 200 && o.status < 300) && o.status !== 503);
    console.log(`All answers: ${tally(outcomes)}.`);
    check(
      outcomes.every((o) => o.error !== "hung" && o.ms < 15_000),
      `no request hung (longest ${Math.max(...outcomes.map((o) => o.ms)).toFixed(0)} ms)`,
    );
    check(unclear.length === 0, `every request was answered or refused with a clear 503 (${unclear.length} otherwise: ${tally(unclear)})`);
    if (unclear.length > 0)
      console.log(
        server.output
          .join("")
          .split("\n")
          .filter((l) => /error/i.test(l))
          .slice(0, 10)
          .join("\n"),
      );
    for (const o of unclear.slice(0, 3))
      console.log(
        `  ${o.kind} ${o.path ?? "/api/claims"} at ${(o.at / 1000).toFixed(1)} s: ${o.status || o.error} ${o.body.replace(/\s+/g, " ").slice(0, 300)}`,
      );
    const json503 = during.filter((o) => o.status === 503 && o.body.startsWith("{"));
    check(json503.length === 0 || json503.every((o) => JSON.parse(o.body).error?.code === "UNAVAILABLE"), "a 503 from the API says UNAVAILABLE in JSON");
    check(
      during.some((o) => o.status === 503),
      `requests while the server was down got 503 (${during.filter((o) => o.status === 503).length})`,
    );
    const recovered = outcomes.filter((o) => o.at >= startedAt && o.status >= 200 && o.status < 300).sort((a, b) => a.at - b.at)[0];
    check(
      recovered !== undefined,
      `the app answered again without a restart${recovered ? `, ${((recovered.at - startedAt) / 1000).toFixed(1)} s after the server was back` : ""}`,
    );
    const lastSeconds = outcomes.filter((o) => o.at >= (seconds - 3) * 1_000);
    check(
      lastSeconds.length > 0 && lastSeconds.every((o) => o.status >= 200 && o.status < 300),
      `every request in the last 3 s was answered (${lastSeconds.length})`,
    );
    db = createDb(url);
    await checkWrites(db, outcomes, "restart");
    await db.$disconnect();
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.on("exit", r));
    cluster("stop");
  }
}

if (values.drill === "sigterm" || values.drill === "all") await sigtermDrill();
if (values.drill === "pg-restart" || values.drill === "all") await pgRestartDrill();
console.log(failures.length === 0 ? "\nEvery drill passed." : `\n${failures.length} check(s) failed.`);
process.exit(failures.length === 0 ? 0 : 1);
