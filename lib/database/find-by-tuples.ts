import type { TxConnection } from "./create-client";
import { jsonRows } from "./pg-json-rows";
import { queryPerRow, sqliteDriver } from "./sqlite-driver";

/** Tuples per statement on PostgreSQL, sent as one JSON text. */
const TUPLES_PER_STATEMENT = 10_000;

/**
 * The rows of a table whose `columns` equal one of the tuples, each found by a seek on an index
 * over those columns: on SQLite a prepared query per tuple on the driver
 * (lib/database/sqlite-driver.ts), on PostgreSQL the tuples sent as one JSON text, read as rows
 * and joined to the table (lib/database/pg-json-rows.ts). Prisma's `a IN (…) AND b IN (…)` seeks every
 * combination instead, and its OR of tuples took 0.4 s for 1,300 pairs. `where` filters the
 * table's rows (`t`), and `select` names the columns returned. Values come as the database gives
 * them: read numbers with Number() (SQLite's are BigInt), dates only for whether they are set.
 */
export async function findByTuples<R>(
  target: TxConnection,
  table: string,
  columns: readonly string[],
  tuples: readonly (readonly unknown[])[],
  { select, where = "TRUE" }: { select: readonly string[]; where?: string },
): Promise<R[]> {
  const selected = select.map((c) => `t."${c}"`).join(", ");
  const sqlite = sqliteDriver(target);
  if (sqlite)
    return queryPerRow<R>(sqlite, `SELECT ${selected} FROM "${table}" t WHERE ${columns.map((c) => `t."${c}" = ?`).join(" AND ")} AND ${where}`, tuples);
  const rows: R[] = [];
  const on = columns.map((c) => `t."${c}" = k."${c}"`).join(" AND ");
  for (let from = 0; from < tuples.length; from += TUPLES_PER_STATEMENT) {
    const { sql, json } = jsonRows(table, columns, tuples.slice(from, from + TUPLES_PER_STATEMENT));
    rows.push(...(await target.tx.$queryRawUnsafe<R[]>(`SELECT ${selected} FROM ${sql} AS k JOIN "${table}" t ON ${on} WHERE ${where}`, json)));
  }
  return rows;
}

/** Which of these values a uniquely indexed text column of a table already holds (a slug, an address): a seek each. */
export async function takenValues(target: TxConnection, table: string, column: string, values: readonly string[]): Promise<Set<string>> {
  const rows = await findByTuples<Record<string, string>>(
    target,
    table,
    [column],
    [...new Set(values)].map((value) => [value]),
    { select: [column] },
  );
  return new Set(rows.map((row) => row[column]!));
}
