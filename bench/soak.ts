// Soak: mixed reads and writes against the built app on a copy of the benchmark corpus, for
// minutes, printing errors, latency and the server's memory as it goes and at the end.
//   npm run bench:generate && npm run build && npm run soak -- [--db data/bench.db] [--minutes 10] [--connections 20]
// One request in ten is a write through the API (a new claim, or a passage linked to a claim);
// the rest are the reader pages and the claims API. Memory is the resident size of the server's
// process tree, after a minute's warm-up and at the end (the goal: growth under 10%, no errors).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/database/create-client";
import { bin, quantile, requireBuild, root, serveApp, sleep, timedFetch, tokenFor, treeRssMiB, waitFor } from "./harness";

const { values } = parseArgs({
  options: { db: { type: "string", default: "data/bench.db" }, minutes: { type: "string", default: "10" }, connections: { type: "string", default: "20" } },
});
requireBuild();
const source = resolve(root, values.db!);
if (!existsSync(source)) throw new Error(`${source} does not exist: run npm run bench:generate first.`);
const copy = resolve(root, "data/soak.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
copyFileSync(source, copy);
const url = `file:${copy}`;
const migrate = spawnSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stderr}`);

const db = createDb(url);
const token = await tokenFor(db, "RESEARCHER", "soak-writer");
const topic = (await db.topic.findFirstOrThrow({ select: { id: true } })).id;
const claims = await db.claim.findMany({ where: { sourceCount: { gt: 10 } }, take: 500, select: { id: true, slug: true } });
const sources = await db.source.findMany({ take: 500, skip: 2_000, select: { id: true, text: true } });
await db.$disconnect();

const port = 3320;
const base = `http://127.0.0.1:${port}`;
const server = serveApp(url, port, { CORROBORATE_API_RATE_LIMIT: "1000000" });
process.on("exit", () => server.kill("SIGTERM"));
await waitFor(`${base}/api/claims?limit=1`);

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
const reads = [
  () => "/",
  () => "/claims",
  () => `/claims/${pick(claims).slug}`,
  () => `/claims/${pick(claims).slug}`,
  () => `/sources/${pick(sources).id}`,
  () => "/api/claims?limit=20",
];
let written = 0;
/** A new claim, or a random run of words from a source linked to a claim. */
function write(): { path: string; body: object } {
  if (written++ % 2 === 0) return { path: "/api/claims", body: { text: `Soak claim ${written} ${Date.now()}`, topic } };
  const s = pick(sources);
  const from = s.text.indexOf(" ", Math.floor(Math.random() * Math.max(1, s.text.length - 200))) + 1;
  const to = s.text.indexOf(" ", from + 40);
  const quote = s.text.slice(from, to > from ? to : from + 40);
  return {
    path: "/api/stances",
    body: {
      sourceId: s.id,
      quote,
      start: from,
      end: from + quote.length,
      claim: { id: pick(claims).id },
      position: pick(["SUPPORTS", "DISPUTES", "QUALIFIES"]),
      mode: "AS_FACT",
      speaker: null,
    },
  };
}

type Sample = { kind: "read" | "write"; status: number; ms: number; error: string | null };
const samples: Sample[] = [];
const durationMs = Number(values.minutes) * 60_000;
const t0 = performance.now();
let n = 0;
const loops = Array.from({ length: Number(values.connections) }, async () => {
  while (performance.now() - t0 < durationMs) {
    const isWrite = n++ % 10 === 9;
    if (isWrite) {
      const { path, body } = write();
      const r = await timedFetch(`${base}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      samples.push({ kind: "write", status: r.status, ms: r.ms, error: r.error });
    } else {
      const r = await timedFetch(`${base}${pick(reads)()}`);
      samples.push({ kind: "read", status: r.status, ms: r.ms, error: r.error });
    }
  }
});

const rss: { minute: number; mib: number }[] = [{ minute: 0, mib: treeRssMiB(server.pid!) }];
console.log(
  `Soak: ${values.minutes} min, ${values.connections} connections, on a copy of ${values.db}. Server memory at start: ${rss[0]!.mib.toFixed(0)} MiB.`,
);
console.log("| minute | requests | errors | p99 ms | server MiB |");
console.log("|---|---|---|---|---|");
let seen = 0;
const ticker = (async () => {
  for (let minute = 1; minute <= Number(values.minutes); minute++) {
    await sleep(Math.max(0, t0 + minute * 60_000 - performance.now()));
    const window = samples.slice(seen);
    seen = samples.length;
    const mib = treeRssMiB(server.pid!);
    rss.push({ minute, mib });
    const errors = window.filter((s) => s.status < 200 || s.status >= 300).length;
    console.log(
      `| ${minute} | ${window.length} | ${errors} | ${quantile(
        window.map((s) => s.ms),
        0.99,
      ).toFixed(0)} | ${mib.toFixed(0)} |`,
    );
  }
})();
await Promise.all([...loops, ticker]);

const failed = samples.filter((s) => s.status < 200 || s.status >= 300);
const byKind = (kind: Sample["kind"]) => samples.filter((s) => s.kind === kind).map((s) => s.ms);
const warm = rss.find((r) => r.minute === 1) ?? rss[0]!;
const end = rss.at(-1)!;
const growth = ((end.mib - warm.mib) / warm.mib) * 100;
console.log(
  `\nRequests: ${samples.length} (${byKind("write").length} writes). Errors: ${failed.length}${failed.length ? ` (${[...new Set(failed.map((f) => f.error ?? f.status))].join(", ")})` : ""}.`,
);
console.log(
  `Reads p50 ${quantile(byKind("read"), 0.5).toFixed(0)} ms, p99 ${quantile(byKind("read"), 0.99).toFixed(0)} ms; writes p50 ${quantile(byKind("write"), 0.5).toFixed(0)} ms, p99 ${quantile(byKind("write"), 0.99).toFixed(0)} ms; all p99 ${quantile(
    samples.map((s) => s.ms),
    0.99,
  ).toFixed(0)} ms.`,
);
console.log(
  `Server memory: ${rss[0]!.mib.toFixed(0)} MiB at start, ${warm.mib.toFixed(0)} MiB after the first minute, ${end.mib.toFixed(0)} MiB at the end: ${growth >= 0 ? "+" : ""}${growth.toFixed(1)}% after warm-up.`,
);
server.kill("SIGTERM");
process.exit(0);
