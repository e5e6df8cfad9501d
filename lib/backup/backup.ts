// Consistent copies of the database while the app runs, and bringing one back into an empty
// database. SQLite: `VACUUM INTO`, which reads one snapshot of the file (writers carry on) and
// writes a compact copy. PostgreSQL: pg_dump's custom format, one snapshot of the database;
// pg_restore brings it back. Framework-free: scripts/backup.ts and the tests call it.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../database/create-client";

const sqlitePath = (url: string) => resolve(url.replace(/^file:/, "").split("?")[0]!);

/** A PostgreSQL client program (pg_dump, pg_restore): on PATH, or the newest in Debian's folders. */
export function postgresTool(name: "pg_dump" | "pg_restore"): string {
  const override = process.env[name.toUpperCase()];
  if (override) return override;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(`${debian}/${v}/bin/${name}`))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return `${debian}/${versions[0]}/bin/${name}`;
  }
  return name;
}

/** Writes a consistent copy of the database at `url` to `file` (which must not exist yet). */
export async function backupDatabase(url: string, file: string): Promise<{ file: string; bytes: number }> {
  const out = resolve(file);
  if (existsSync(out)) throw new Error(`${out} already exists; a backup never overwrites a file.`);
  if (isPostgresUrl(url)) {
    execFileSync(postgresTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${out}`, `--dbname=${url}`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
  } else {
    const source = sqlitePath(url);
    if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      db.prepare("VACUUM INTO ?").run(out);
    } finally {
      db.close();
    }
  }
  return { file: out, bytes: statSync(out).size };
}

/** Restores `file` (from backupDatabase) into the database at `url`, which must be empty. */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const backup = resolve(file);
  if (!existsSync(backup)) throw new Error(`There is no backup at ${backup}.`);
  if (isPostgresUrl(url)) {
    await createIfMissing(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
      if (rows[0].n > 0) throw new Error("The target database is not empty; restore needs an empty one (a new database, or drop this one first).");
    } finally {
      await client.end();
    }
    execFileSync(postgresTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, backup], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    return;
  }
  const target = sqlitePath(url);
  if (existsSync(target) && statSync(target).size > 0) {
    const db = new Database(target, { readonly: true });
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    db.close();
    if (tables > 0) throw new Error(`${target} is not empty; restore needs an empty database (move this file away first).`);
  }
  const check = new Database(backup, { readonly: true, fileMustExist: true });
  const integrity = check.pragma("integrity_check", { simple: true });
  check.close();
  if (integrity !== "ok") throw new Error(`The backup ${backup} is damaged (integrity_check: ${String(integrity)}).`);
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(target + suffix, { force: true });
  copyFileSync(backup, target);
}

async function createIfMissing(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`The database name "${name}" must be letters, digits, _ or -.`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
