import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom } from "../lib/database/postgres-schema";

const root = resolve(import.meta.dirname, "..");

/** Exit code of `prisma migrate diff --exit-code`: 0 = migrations build exactly the schema. */
function migrationsDrift(schema: string, migrations: string, databaseUrl: string): number {
  try {
    execFileSync(resolve(root, "node_modules/.bin/prisma"), ["migrate", "diff", "--from-migrations", migrations, "--to-schema", schema, "--exit-code"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: "pipe",
    });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe("schemas and migrations", () => {
  it("keeps the PostgreSQL schema generated from the SQLite one", () => {
    const sqlite = readFileSync(resolve(root, "prisma/schema.prisma"), "utf8");
    const postgres = readFileSync(resolve(root, "prisma/postgresql/schema.prisma"), "utf8");
    expect(postgres, "run `npm run db:schemas`").toBe(postgresSchemaFrom(sqlite));
  });

  const databases = [{ name: "SQLite", schema: "prisma/schema.prisma", migrations: "prisma/migrations", url: "file:./data/test/drift.db" }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl?.startsWith("postgres")) {
    const pg = { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations", url: serverUrl };
    databases.push({ name: "PostgreSQL", ...pg });
  }

  it.each(databases)("has $name migrations that build exactly the schema", ({ schema, migrations, url }) => {
    expect(migrationsDrift(schema, migrations, url), "create a migration with `npx prisma migrate dev`").toBe(0);
  });
});
