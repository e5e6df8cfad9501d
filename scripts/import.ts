// npm run import -- <file> [--partial] [--as <email>]
// Imports a .json, .jsonl or .csv file (docs/import-format.md) into the database DATABASE_URL
// names, as the account given (default: the first admin), with a progress bar on stderr and the
// report on stdout. By default all records or none; --partial writes the good ones.
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/database/create-client";
import { env } from "../lib/env";
import { AppError } from "../lib/errors";
import { ROLES, type Role } from "../lib/roles";
import { importRecords, type ImportReport } from "../lib/import/import";
import { MAX_IMPORT_BYTES, parseImportFile } from "../lib/import/parse";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { partial: { type: "boolean", default: false }, as: { type: "string" } } });
const file = positionals[0];
if (!file) {
  console.error("usage: npm run import -- <file.json|file.jsonl|file.csv> [--partial] [--as <email>]");
  process.exit(2);
}

function bar(done: number, total: number) {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} records`);
}

function printReport(report: ImportReport) {
  const { created, updated, unchanged, rejected } = report.counts;
  console.log(`${report.written ? "Imported" : "Nothing was written"}: ${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected.`);
  for (const r of report.records.filter((r) => r.outcome !== "unchanged")) {
    console.log(`  ${r.outcome.padEnd(8)} ${r.at} ${r.type}${r.key ? ` ${r.key}` : ""}${r.reason ? ` — ${r.reason}` : ""}`);
  }
  if (!report.written && rejected > 0 && report.mode === "all") console.log("Fix the rejected records, or run again with --partial to import the others.");
}

const db = createDb(env().DATABASE_URL);
try {
  if (statSync(file).size > MAX_IMPORT_BYTES) throw new AppError("MALFORMED", `The file is too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const account = values.as
    ? await db.user.findUnique({ where: { email: values.as.toLowerCase() } })
    : await db.user.findFirst({ where: { role: "ADMIN" }, orderBy: { createdAt: "asc" } });
  if (!account) throw new AppError("NOT_FOUND", values.as ? `No account ${values.as}.` : "No admin account: name one with --as <email>.");
  const user = {
    id: account.id,
    name: account.name,
    email: account.email,
    role: (ROLES as readonly string[]).includes(account.role) ? (account.role as Role) : "READER",
  };
  console.error(`Importing ${basename(file)} as ${user.email} (${values.partial ? "the good records" : "all records or none"})…`);
  const records = parseImportFile(basename(file), readFileSync(file, "utf8"));
  const report = await importRecords(db, user, records, { partial: values.partial, onProgress: bar });
  bar(records.length, records.length);
  process.stderr.write("\n");
  printReport(report);
  process.exitCode = report.counts.rejected > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`Nothing was written: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
