// npm run backup [-- --out <file>]: a consistent copy of the database DATABASE_URL names, taken
// while the app runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump, custom format). Default file:
// backups/corroborate-<UTC time>.db (SQLite) or .dump (PostgreSQL).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../lib/backup/backup";
import { isPostgresUrl } from "../lib/database/create-client";
import { env } from "../lib/env";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const url = env().DATABASE_URL;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = resolve(values.out ?? `backups/corroborate-${stamp}.${isPostgresUrl(url) ? "dump" : "db"}`);
mkdirSync(dirname(out), { recursive: true });
try {
  const { file, bytes } = await backupDatabase(url, out);
  console.log(`Backed up to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
