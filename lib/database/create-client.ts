import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../../generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "../../generated/postgresql/client";

/**
 * The app is typed against the SQLite client. The PostgreSQL client is generated
 * from the same models (prisma/postgresql/schema.prisma is derived from
 * prisma/schema.prisma), so its API is the same; lib/ uses nothing provider-specific.
 */
export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Prisma.TransactionClient;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** A Prisma client for a `file:` SQLite URL or a `postgresql://` URL. Framework-free: scripts and tests use it too. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    // A server that is down or restarting is found out in seconds, never waited on forever.
    const pool = { connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 60_000 };
    const db = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
    postgresClients.add(db);
    return db;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

const postgresClients = new WeakSet<Db>();

/**
 * Whether writing transactions of this client run side by side (PostgreSQL) or one at a time
 * (SQLite), which decides whether a write must lock the summaries it recomputes.
 */
export const writesConcurrently = (db: Db) => postgresClients.has(db);

export type Dialect = "sqlite" | "postgresql";
/** The SQL dialect behind a client, for the few statements written by hand (lib/database/insert-rows.ts). */
export const dialectOf = (db: Db): Dialect => (postgresClients.has(db) ? "postgresql" : "sqlite");
