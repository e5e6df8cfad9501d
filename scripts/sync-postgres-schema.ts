// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
// A schema's provider is a literal, so PostgreSQL needs its own file; the
// models are shared, and only the provider and client output differ.
// `--check` exits 1 when the committed file is stale (used by the tests).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { postgresSchemaFrom } from "../lib/database/postgres-schema";

const root = fileURLToPath(new URL("..", import.meta.url));
const sqlitePath = `${root}prisma/schema.prisma`;
const postgresPath = `${root}prisma/postgresql/schema.prisma`;

const wanted = postgresSchemaFrom(readFileSync(sqlitePath, "utf8"));
if (process.argv.includes("--check")) {
  const current = readFileSync(postgresPath, "utf8");
  if (current !== wanted) {
    console.error("prisma/postgresql/schema.prisma is stale: run `npm run db:schemas`.");
    process.exit(1);
  }
} else {
  writeFileSync(postgresPath, wanted);
  console.log("Wrote prisma/postgresql/schema.prisma");
}
