import type { TxConnection } from "./create-client";
import { placeholders } from "./placeholders";
import { runPerRow } from "./sqlite-driver";

/** Bound values per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_VALUES = 30_000;

/**
 * Updates many rows of a table by id, each with its own values, in as few statements as the
 * bound-value limit allows (rows that change the same columns share a statement): a settle after
 * an import rewrites thousands of claim summaries, where one Prisma update per row cost 1 ms each.
 * PostgreSQL reads the values' types from `types` (its column types); SQLite needs none, and there
 * a prepared UPDATE runs per row on the driver (lib/database/sqlite-driver.ts).
 */
export async function updateRows<C extends string>(
  target: TxConnection,
  table: string,
  rows: readonly ({ id: string } & Partial<Record<NoInfer<C>, unknown>>)[],
  types: Record<C, string>,
): Promise<void> {
  const byColumns = new Map<string, { columns: C[]; rows: ({ id: string } & Partial<Record<C, unknown>>)[] }>();
  for (const row of rows) {
    const columns = (Object.keys(row) as (C | "id")[]).filter((c): c is C => c !== "id").sort();
    if (columns.length === 0) continue;
    const key = columns.join(",");
    const group = byColumns.get(key) ?? byColumns.set(key, { columns, rows: [] }).get(key)!;
    group.rows.push(row);
  }
  for (const { columns, rows: group } of byColumns.values()) {
    if (target.sqlite) {
      const set = columns.map((c) => `"${c}" = ?`).join(", ");
      runPerRow(
        target.sqlite,
        `UPDATE "${table}" SET ${set} WHERE "id" = ?`,
        group.map((row) => [...columns.map((c) => row[c]), row.id]),
      );
      continue;
    }
    const perStatement = Math.max(1, Math.floor(MAX_VALUES / (columns.length + 1)));
    const names = ["id", ...columns].map((c) => `"${c}"`).join(", ");
    const set = columns.map((c) => `"${c}" = v."${c}"`).join(", ");
    for (let from = 0; from < group.length; from += perStatement) {
      const chunk = group.slice(from, from + perStatement);
      const next = placeholders(target.dialect);
      const value = (column: C | "id") => next(column === "id" ? "text" : types[column]);
      const values = chunk.map(() => `(${[value("id"), ...columns.map(value)].join(", ")})`).join(", ");
      await target.tx.$executeRawUnsafe(
        `WITH v(${names}) AS (VALUES ${values}) UPDATE "${table}" SET ${set} FROM v WHERE "${table}"."id" = v."id"`,
        ...chunk.flatMap((row) => [row.id, ...columns.map((c) => row[c] ?? null)]),
      );
    }
  }
}
