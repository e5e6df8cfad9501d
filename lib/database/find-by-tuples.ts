import type { TxConnection } from "./create-client";
import { placeholders } from "./placeholders";
import { queryPerRow } from "./sqlite-driver";

/**
 * The rows of a table whose `columns` equal one of the tuples: one statement joining a VALUES list
 * of the tuples to the table, so that each is one seek on an index over those columns. Prisma's
 * `a IN (…) AND b IN (…)` seeks every combination instead, and its OR of tuples took 0.4 s for
 * 1,300 pairs. `types` are the columns' PostgreSQL types (a VALUES list has no column to take one
 * from); `where` filters the table's rows (`t`), and `select` names the columns returned. On
 * SQLite, a prepared query per tuple on the driver (lib/database/sqlite-driver.ts) does the same.
 * Values come as the database gives them: read numbers with Number() (SQLite's are BigInt), dates
 * only for whether they are set.
 */
export async function findByTuples<R>(
  target: TxConnection,
  table: string,
  key: { columns: readonly string[]; types: readonly string[] },
  tuples: readonly (readonly unknown[])[],
  { select, where = "TRUE" }: { select: readonly string[]; where?: string },
): Promise<R[]> {
  const columns = select.map((c) => `t."${c}"`).join(", ");
  if (target.sqlite)
    return queryPerRow<R>(
      target.sqlite,
      `SELECT ${columns} FROM "${table}" t WHERE ${key.columns.map((c) => `t."${c}" = ?`).join(" AND ")} AND ${where}`,
      tuples,
    );
  const rows: R[] = [];
  const per = Math.floor(20_000 / key.columns.length);
  const names = key.columns.map((c) => `"${c}"`).join(", ");
  const on = key.columns.map((c) => `t."${c}" = k."${c}"`).join(" AND ");
  for (let from = 0; from < tuples.length; from += per) {
    const chunk = tuples.slice(from, from + per);
    const next = placeholders(target.dialect);
    const values = chunk.map(() => `(${key.types.map((type) => next(type)).join(", ")})`).join(", ");
    rows.push(
      ...(await target.tx.$queryRawUnsafe<R[]>(
        `WITH k(${names}) AS (VALUES ${values}) SELECT ${columns} FROM k JOIN "${table}" t ON ${on} WHERE ${where}`,
        ...chunk.flat(),
      )),
    );
  }
  return rows;
}
