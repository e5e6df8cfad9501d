// Empties the database the Playwright server is about to start on, so every run begins from
// the seed: the SQLite file is removed, or the PostgreSQL database is dropped (npm start
// creates and migrates it again). E2E_DATABASE_URL picks it (default: file:./data/e2e.db).
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { isPostgresUrl } from "../lib/database/create-client";

const url = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
if (isPostgresUrl(url)) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^\w+$/.test(name)) throw new Error(`E2E_DATABASE_URL must name a database of letters, digits and _ (got "${name}")`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
} else {
  const path = resolve(url.replace(/^file:/, ""));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
}
