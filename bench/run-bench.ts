// Serves the built app on the synthetic corpus and measures it next to the floor.
//   npm run bench:generate && npm run build && npm run bench -- [--db data/bench.db] [--seconds 10] [--connections 10]
// Prints p50/p99 latency and requests/s for the home page, /claims, a claim page and
// /api/claims (first page and a deep page), each beside the raw-SQL floor answering the same request.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { encodeCursor } from "../lib/schemas/claims-query";
import { bin, launch, requireBuild, root, serveApp, waitFor } from "./harness";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/bench.db" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});
const file = resolve(root, values.db!);
if (!existsSync(file)) throw new Error(`${file} does not exist: run npm run bench:generate first.`);
requireBuild();

const APP = 3200;
const FLOOR = 3201;
const children: ChildProcess[] = [];
const stopAll = () => children.forEach((c) => c.kill("SIGTERM"));
process.on("exit", stopAll);

// Claim pages rotate through 200 claims with a typical number of stances.
const sample = new Database(file, { readonly: true });
const slugs = (sample.prepare(`SELECT slug FROM Claim WHERE sourceCount > 10 ORDER BY rankKey LIMIT 200 OFFSET 1000`).all() as { slug: string }[]).map(
  (r) => r.slug,
);
const deepKey = (sample.prepare(`SELECT rankKey FROM Claim ORDER BY rankKey LIMIT 1 OFFSET 9000`).get() as { rankKey: string } | undefined)?.rankKey;
const counts = sample.prepare(`SELECT (SELECT count(*) FROM Claim) c, (SELECT count(*) FROM Source) s, (SELECT count(*) FROM Stance) st`).get();
sample.close();

children.push(serveApp(`file:${file}`, APP), launch(bin("tsx"), ["bench/floor-server.ts", file, String(FLOOR)]));
await waitFor(`http://127.0.0.1:${APP}/api/claims?limit=1`);
await waitFor(`http://127.0.0.1:${FLOOR}/api/claims`);

let turn = 0;
const scenarios = [
  { name: "/ (home)", app: () => "/", floor: () => "/" },
  { name: "/claims", app: () => "/claims", floor: () => "/claims" },
  { name: "claim page", app: () => `/claims/${slugs[turn++ % slugs.length]}`, floor: () => `/claims/${slugs[turn++ % slugs.length]}` },
  { name: "/api/claims", app: () => "/api/claims?limit=20", floor: () => "/api/claims" },
  ...(deepKey
    ? [{ name: "/api/claims deep page", app: () => `/api/claims?limit=20&cursor=${encodeCursor(deepKey)}`, floor: () => `/api/claims?after=${deepKey}` }]
    : []),
];

async function measure(port: number, path: () => string) {
  const options = {
    url: `http://127.0.0.1:${port}`,
    connections: Number(values.connections),
    requests: [{ setupRequest: (request: object) => ({ ...request, path: path() }) }],
  };
  await autocannon({ ...options, duration: 2 }); // warm-up
  const result = await autocannon({ ...options, duration: Number(values.seconds) });
  const errors = result.errors + result.non2xx;
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors };
}

console.log(`Corpus: ${JSON.stringify(counts)}; ${values.connections} connections, ${values.seconds} s per run.`);
console.log("| request | server | p50 ms | p99 ms | req/s | errors |");
console.log("|---|---|---|---|---|---|");
for (const s of scenarios) {
  for (const [server, port, path] of [
    ["app", APP, s.app],
    ["floor", FLOOR, s.floor],
  ] as const) {
    const r = await measure(port, path);
    console.log(`| ${s.name} | ${server} | ${r.p50} | ${r.p99} | ${r.rps.toFixed(0)} | ${r.errors} |`);
  }
}
stopAll();
process.exit(0);
