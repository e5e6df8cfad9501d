import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Db } from "./create-client";
import { isPostgresUrl } from "./create-client";

/** The migrations this build of the app expects: the folders in its migrations directory. */
export function expectedMigrations(databaseUrl: string, root = process.cwd()): string[] {
  const dir = resolve(root, isPostgresUrl(databaseUrl) ? "prisma/postgresql/migrations" : "prisma/migrations");
  // Read at run time from the app's own folder; not something to trace into the build's output.
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export type Health = {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: { current: boolean; missing: string[]; unknown: string[] } | null;
  error?: string;
};

/**
 * What a load balancer asks: can this server reach its database, and has the database every
 * migration this build needs (and none it does not know, from a newer build)?
 */
export async function checkHealth(db: Db, databaseUrl: string): Promise<Health> {
  let applied: string[];
  try {
    const rows = await db.$queryRaw<
      { migration_name: string }[]
    >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((r) => r.migration_name).sort();
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return { ok: false, database: "unreachable", migrations: null, error: message.slice(0, 200) };
  }
  const expected = expectedMigrations(databaseUrl);
  const missing = expected.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !expected.includes(m));
  const current = missing.length === 0 && unknown.length === 0;
  return { ok: current, database: "reachable", migrations: { current, missing, unknown } };
}
