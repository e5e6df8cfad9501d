import { AppError } from "../errors";

// Faults of the database itself, as opposed to a wrong request: the PostgreSQL server is down
// or restarting, the SQLite file is read-only, its disk is full. Prisma reports them as driver
// errors with the driver's words, so they are recognized by code and message, through causes.

const CANNOT_WRITE =
  /readonly database|SQLITE_READONLY|disk is full|SQLITE_FULL|SQLITE_IOERR|disk I\/O error|No space left|read-only transaction|\b25006\b|\b53100\b|disk_full/i;
const CANNOT_REACH =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|DatabaseNotReachable|ConnectionClosed|Can't reach database|Connection terminated|terminating connection|database system is (starting up|shutting down|in recovery)|57P0[1-3]|timeout exceeded when trying to connect|Server has closed the connection|SQLITE_CANTOPEN|unable to open database|\bP1001\b|\bP1017\b|\bP2024\b/i;

/** Every message and code in an error and its causes, as one string. */
function describe(error: unknown, depth = 0): string {
  if (depth > 5 || error === null || typeof error !== "object") return typeof error === "string" ? error : "";
  const e = error as {
    message?: unknown;
    code?: unknown;
    cause?: unknown;
    meta?: unknown;
    kind?: unknown;
    originalMessage?: unknown;
    originalCode?: unknown;
    driverAdapterError?: unknown;
  };
  const parts = [e.message, e.code, e.kind, e.originalMessage, e.originalCode].filter((p) => typeof p === "string");
  return [...parts, describe(e.cause, depth + 1), describe(e.meta, depth + 1), describe(e.driverAdapterError, depth + 1)].join(" | ");
}

export type DatabaseFault = "CANNOT_WRITE" | "CANNOT_REACH";

/**
 * SQLite refused a transaction's write because another process committed after the transaction's
 * first read (SQLITE_BUSY_SNAPSHOT: Prisma begins transactions deferred), or held the write lock
 * past the busy timeout (SQLITE_BUSY). Nothing of the transaction was written; run again, it goes
 * through once the other write has. Prisma's better-sqlite3 adapter reports both, from its own
 * queries, as a "SocketTimeout" without SQLite's code, so that counts too: ask it of SQLite only.
 */
export function sqliteBusy(error: unknown): boolean {
  return !(error instanceof AppError) && /SQLITE_BUSY|SocketTimeout/.test(describe(error));
}

/**
 * PostgreSQL ended the transaction to break a deadlock (40P01) or because it could not be
 * serialised (40001): nothing of it was written, and run again it goes through.
 */
export function postgresConflict(error: unknown): boolean {
  return !(error instanceof AppError) && /\b40P01\b|\b40001\b|deadlock detected|could not serialize access/.test(describe(error));
}

export function databaseFault(error: unknown): DatabaseFault | null {
  if (error instanceof AppError) return null;
  const text = describe(error);
  if (CANNOT_WRITE.test(text)) return "CANNOT_WRITE";
  if (CANNOT_REACH.test(text)) return "CANNOT_REACH";
  return null;
}

export const FAULT_MESSAGE: Record<DatabaseFault, string> = {
  CANNOT_WRITE:
    "The database cannot be written just now (it is read-only or its disk is full), so nothing was saved. Tell the site's operator; try again later.",
  CANNOT_REACH: "The database cannot be reached just now, so nothing was saved or read. Try again in a moment.",
};

/** The fault as an AppError (UNAVAILABLE, answered 503), or null for any other error. */
export function faultError(error: unknown): AppError | null {
  const fault = databaseFault(error);
  return fault ? new AppError("UNAVAILABLE", FAULT_MESSAGE[fault]) : null;
}
