// `npm start`: makes the database if it is missing, applies migrations, seeds an empty
// database from seeds/corpus.json, builds the app if it has not been built, and serves it.
// DATABASE_URL picks the database (default: SQLite at ./data/corroborate.db); PORT the port.
// An empty database also gets the demo accounts (lib/seed/demo-users.ts).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, isPostgresUrl } from "../lib/database/create-client";
import { env } from "../lib/env";
import { seedDemoUsers } from "../lib/seed/demo-users";
import { loadCorpus } from "../lib/seed/load-corpus";
import { summarizeMigratedClaims } from "../lib/write/refresh-claim-summary";
import { fingerprintMigratedSources } from "../lib/families/find-copies";
import { campsStale, refitCamps } from "../lib/camps/refit";
import { loadEmbedder } from "../lib/duplicates/embeddings";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => resolve(root, "node_modules/.bin", name);
const url = env().DATABASE_URL;

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n${[command, ...args].join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

// A configured embeddings model (decision 0026) is checked before anything else: a wrong directory stops here, with the reason.
if (env().CORROBORATE_EMBEDDINGS_MODEL) {
  try {
    await loadEmbedder(env().CORROBORATE_EMBEDDINGS_MODEL!);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

if (!isPostgresUrl(url)) mkdirSync(dirname(resolve(root, url.replace(/^file:/, ""))), { recursive: true });

console.log("Applying database migrations...");
run(bin("prisma"), ["migrate", "deploy"]);

const db = createDb(url);
try {
  // SQLite in write-ahead-log mode: readers keep answering while a long write (an import) runs.
  // The mode is kept in the file, so this is once per database.
  if (!isPostgresUrl(url)) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  if ((await db.source.count()) === 0) {
    console.log("Empty database: loading the seed corpus...");
    const report = await loadCorpus({ db, corpusPath: resolve(root, "seeds/corpus.json") });
    console.log(`Seeded ${report.claim.created} claims, ${report.source.created} sources, ${report.stance.created} stances.`);
    const users = await seedDemoUsers(db);
    if (users > 0) console.log(`Created ${users} demo accounts (see README; for local use only).`);
  }
  const fingerprinted = await fingerprintMigratedSources(db);
  if (fingerprinted > 0) console.log(`Looked for copies among ${fingerprinted} sources stored before copies were looked for.`);
  const summarized = await summarizeMigratedClaims(db);
  if (summarized > 0) console.log(`Computed weights and origins for ${summarized} claims stored before they existed.`);
  // Writes made outside a server (the seed, npm run import) since the last fit: the server fits again only after its own.
  if (await campsStale(db)) {
    const camps = await refitCamps(db);
    console.log(
      `Fitted the camps' axis: ${camps.placed} outlets placed, ${Math.round(camps.explained * 100)}% explained, ${camps.across} claims agreed across camps.`,
    );
  }
} finally {
  await db.$disconnect();
}

if (!existsSync(resolve(root, ".next/BUILD_ID")) || process.env.CORROBORATE_REBUILD === "1") {
  console.log("Building the app (once; `npm run build` after changing the code)...");
  run(bin("next"), ["build"]);
}

// Session cookies are signed with BETTER_AUTH_SECRET; without one, a random secret is made
// once and kept beside the SQLite data (or in ./data for PostgreSQL), so sessions survive restarts.
if (!process.env.BETTER_AUTH_SECRET) {
  const secretFile = resolve(root, "data/auth-secret");
  mkdirSync(dirname(secretFile), { recursive: true });
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.BETTER_AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}

const port = process.env.PORT ?? "3000";
console.log(`Serving on http://localhost:${port}`);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
