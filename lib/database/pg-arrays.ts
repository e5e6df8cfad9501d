import type { Tx } from "./create-client";

// On PostgreSQL the bulk statements (insertRows, updateRows, findByTuples) send one array per
// column and read them back with unnest(), so a statement has a handful of bound values, not one
// per cell: through Prisma's raw path each bound value costs its own serializing, and 20,000
// stances sent as 280,000 values took 1.5 s where their 14 arrays take a fraction of that. An
// array needs its element type, which is read once per table from the catalog.

const types = new Map<string, Promise<Map<string, string>>>();

/** Each column's array type, as a cast: `text[]`, `int4[]`, `"Position"[]`, `timestamp(3)[]`. */
export function arrayTypes(tx: Tx, table: string): Promise<Map<string, string>> {
  let known = types.get(table);
  if (!known) {
    known = tx
      .$queryRawUnsafe<{ column_name: string; udt_name: string; data_type: string }[]>(
        `SELECT column_name, udt_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        table,
      )
      .then((columns) => {
        if (columns.length === 0) throw new Error(`No table "${table}" in the current schema.`);
        return new Map(
          columns.map((c) => [
            c.column_name,
            c.data_type === "USER-DEFINED" ? `"${c.udt_name}"[]` : c.udt_name === "timestamp" ? "timestamp(3)[]" : `${c.udt_name}[]`,
          ]),
        );
      });
    known.catch(() => types.delete(table));
    types.set(table, known);
  }
  return known;
}

/** `unnest($1::text[], $2::int4[], …)` for these columns, from placeholder `first` on, and the arrays to bind. */
export async function unnestColumns(tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], first = 1) {
  const cast = await arrayTypes(tx, table);
  const sql = `unnest(${columns
    .map((c, i) => {
      const type = cast.get(c);
      if (!type) throw new Error(`No column "${c}" in "${table}".`);
      return `$${first + i}::${type}`;
    })
    .join(", ")})`;
  const arrays = columns.map((_, i) => rows.map((row) => arrayValue(row[i])));
  return { sql, arrays };
}

/** A date as PostgreSQL's timestamp(3) reads it, in UTC as Prisma stores it; the rest as they are. */
function arrayValue(value: unknown) {
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  return value ?? null;
}
