import type { TxConnection } from "./create-client";
import { jsonRows } from "./pg-json-rows";
import { runPerRow, sqliteDriver } from "./sqlite-driver";

/** Rows per statement on PostgreSQL, sent as one JSON text. */
const ROWS_PER_STATEMENT = 10_000;

/**
 * Updates many rows of a table by id, each with its own values (a row gives the columns it
 * changes): a settle after an import rewrites thousands of claim summaries, where one Prisma
 * update per row cost 1 ms each. On SQLite a prepared UPDATE runs per row on the driver
 * (lib/database/sqlite-driver.ts); on PostgreSQL the rows that change the same columns share a
 * statement, their values sent as one JSON text (lib/database/pg-json-rows.ts).
 */
export async function updateRows(target: TxConnection, table: string, rows: readonly ({ id: string } & Record<string, unknown>)[]): Promise<void> {
  const byColumns = new Map<string, { columns: string[]; rows: ({ id: string } & Record<string, unknown>)[] }>();
  for (const row of rows) {
    const columns = Object.keys(row)
      .filter((c) => c !== "id")
      .sort();
    if (columns.length === 0) continue;
    const key = columns.join(",");
    const group = byColumns.get(key) ?? byColumns.set(key, { columns, rows: [] }).get(key)!;
    group.rows.push(row);
  }
  const sqlite = sqliteDriver(target);
  for (const { columns, rows: group } of byColumns.values()) {
    if (sqlite) {
      const set = columns.map((c) => `"${c}" = ?`).join(", ");
      runPerRow(
        sqlite,
        `UPDATE "${table}" SET ${set} WHERE "id" = ?`,
        group.map((row) => [...columns.map((c) => row[c]), row.id]),
      );
      continue;
    }
    const all = ["id", ...columns];
    const set = columns.map((c) => `"${c}" = v."${c}"`).join(", ");
    for (let from = 0; from < group.length; from += ROWS_PER_STATEMENT) {
      const chunk = group.slice(from, from + ROWS_PER_STATEMENT).map((row) => all.map((c) => row[c]));
      const { sql, json } = jsonRows(table, all, chunk);
      await target.tx.$executeRawUnsafe(`UPDATE "${table}" SET ${set} FROM ${sql} AS v WHERE "${table}"."id" = v."id"`, json);
    }
  }
}
