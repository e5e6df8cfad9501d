import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
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
    clients.set(db, { dialect: "postgresql", sqlite: null });
    return db;
  }
  const sqlite = new SqliteConnection(new PrismaBetterSqlite3({ url }));
  const db = new PrismaClient({ adapter: sqlite });
  clients.set(db, { dialect: "sqlite", sqlite });
  return db;
}

type AdapterFactory = PrismaBetterSqlite3;

/**
 * Prisma's better-sqlite3 adapter, keeping hold of the connection it opens. Prisma runs every
 * statement, a transaction's too, on that one connection, so the bulk writers
 * (lib/database/insert-rows.ts) can run prepared statements on it inside Prisma's transaction:
 * Prisma's own path costs about 30 µs a row in serializing, where the driver's prepared statement
 * costs a few (decision 0014).
 */
class SqliteConnection implements Pick<AdapterFactory, "provider" | "adapterName" | "connect" | "connectToShadowDb"> {
  readonly provider: AdapterFactory["provider"];
  readonly adapterName: AdapterFactory["adapterName"];
  driver: Database.Database | null = null;

  constructor(private readonly adapter: AdapterFactory) {
    this.provider = adapter.provider;
    this.adapterName = adapter.adapterName;
  }

  async connect() {
    const connected = await this.adapter.connect();
    // The adapter keeps its driver as `client`. Recognized by its methods, not by instanceof: the
    // server's bundle may load better-sqlite3 apart from the adapter's copy. Should a later
    // adapter not keep it, the bulk writers refuse to run (lib/database/sqlite-driver.ts).
    const client = (connected as unknown as { client?: Partial<Database.Database> }).client;
    this.driver = typeof client?.prepare === "function" && typeof client.exec === "function" ? (client as Database.Database) : null;
    return connected;
  }

  connectToShadowDb() {
    return this.adapter.connectToShadowDb();
  }
}

/**
 * What createDb knows of each client it made, kept on globalThis: the server's bundles each load
 * this module apart (the proxy, the routes, instrumentation), while the one client (lib/db.ts) is
 * shared through globalThis, so a map of this module's own would be empty in every bundle but the
 * first. Found when the bulk writers could not find the SQLite driver in the server.
 */
type ClientFacts = { dialect: Dialect; sqlite: SqliteConnection | null };
const clients = ((globalThis as Record<symbol, unknown>)[Symbol.for("corroborate.database-clients")] ??= new WeakMap<Db, ClientFacts>()) as WeakMap<
  Db,
  ClientFacts
>;

function factsOf(db: Db): ClientFacts {
  const facts = clients.get(db);
  if (!facts) throw new Error("A database client not made by createDb (lib/database/create-client.ts).");
  return facts;
}

export type Dialect = "sqlite" | "postgresql";
/** The SQL dialect behind a client, for the few statements written by hand (lib/database/insert-rows.ts). */
export const dialectOf = (db: Db): Dialect => factsOf(db).dialect;

/** A transaction, with what the statements written by hand need of its connection: the dialect, and on SQLite the driver itself. */
export type TxConnection = { tx: Tx; dialect: Dialect; sqlite: Database.Database | null };

/** Call it inside `db.$transaction`: the connection is open by then. */
export const connectionOf = (db: Db, tx: Tx): TxConnection => {
  const { dialect, sqlite } = factsOf(db);
  return { tx, dialect, sqlite: sqlite?.driver ?? null };
};
