// npm run restore -- <file>: brings a backup (npm run backup) back into the database DATABASE_URL
// names, which must be empty (a new SQLite path, or a new or empty PostgreSQL database).
import { parseArgs } from "node:util";
import { restoreDatabase } from "../lib/backup/backup";
import { env } from "../lib/env";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error("usage: DATABASE_URL=<empty database> npm run restore -- <backup file>");
  process.exit(2);
}
try {
  await restoreDatabase(env().DATABASE_URL, file);
  console.log(`Restored ${file} into ${env().DATABASE_URL.replace(/\/\/[^@/]*@/, "//…@")}.`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
