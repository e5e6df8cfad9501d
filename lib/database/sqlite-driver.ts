import Database from "better-sqlite3";
import type { TxConnection } from "./create-client";

/**
 * On SQLite, the bulk writers (insertRows, updateRows, findByTuples) run one prepared statement per
 * row of values (arrays the caller made for it, converted in place) on the driver Prisma's
 * transaction is open on (lib/database/create-client.ts), with values stored as Prisma's adapter
 * stores them: dates as ISO text with +00:00, booleans as 1 and 0. Synchronous, so no other
 * statement runs in between.
 */
export function runPerRow(driver: Database.Database, sql: string, rows: readonly unknown[][]): void {
  const statement = driver.prepare(sql);
  try {
    for (const values of rows) {
      // Each row's values converted in place: an import binds 200,000 rows.
      for (let i = 0; i < values.length; i++) values[i] = storedValue(values[i]);
      statement.run(values);
    }
  } catch (error) {
    throw driverError(error);
  }
}

/**
 * The SQLite driver of a transaction, or null on PostgreSQL. A SQLite client whose driver was not
 * found (a Prisma adapter that no longer keeps it) is a fault to fix, not a reason to take another
 * path quietly.
 */
export function sqliteDriver(target: TxConnection): Database.Database | null {
  if (target.dialect !== "sqlite") return null;
  if (!target.sqlite) throw new Error("The SQLite driver behind Prisma's adapter was not found (lib/database/create-client.ts); the bulk writers need it.");
  return target.sqlite;
}

/** One prepared query run per row of values, the rows it finds joined (a lookup by many keys). */
export function queryPerRow<R>(driver: Database.Database, sql: string, rows: readonly (readonly unknown[])[]): R[] {
  const statement = driver.prepare(sql);
  const found: R[] = [];
  try {
    for (const values of rows) for (const row of statement.all(values.map(storedValue))) found.push(row as R);
  } catch (error) {
    throw driverError(error);
  }
  return found;
}

/** The last time converted and its text: a batch's rows share their timestamps, and an import writes 200,000. */
let lastTime = NaN;
let lastText = "";

function storedValue(value: unknown) {
  if (value instanceof Date) {
    const time = value.getTime();
    if (time !== lastTime) [lastTime, lastText] = [time, value.toISOString().replace("Z", "+00:00")];
    return lastText;
  }
  return typeof value === "boolean" ? Number(value) : (value ?? null);
}

/** The driver's error in the shape Prisma gives a failed raw statement, so that callers (isUniqueViolation) read one kind. */
function driverError(error: unknown) {
  if (!(error instanceof Database.SqliteError)) return error;
  const unique = error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
  return Object.assign(new Error(`Raw query failed. Code: \`${error.code}\`. Message: \`${error.message}\``), {
    code: "P2010",
    meta: {
      driverAdapterError: { cause: { originalCode: error.code, originalMessage: error.message, kind: unique ? "UniqueConstraintViolation" : "sqlite" } },
    },
  });
}
