// On PostgreSQL the bulk statements (insertRows, updateRows, findByTuples) send their rows as one
// JSON text and read it back as rows of the table's own type with json_populate_recordset(), so a
// statement has one bound value, not one per cell or per column: through Prisma's raw path every
// bound value, and every element of a bound array, costs its own serializing (an import's 200,000
// rows sent as one array per column spent more time there and in pg's array encoding than in the
// database). The columns take the table's own types, so nothing is looked up first; dates go as
// ISO text in UTC, which a `timestamp(3)` column reads as Prisma stores it.

/**
 * `json_populate_recordset(NULL::"Table", $n::json)` for rows of these columns, bound at
 * placeholder `at`, and the JSON to bind: each row an object of its columns (the table's other
 * columns read as null there, so select or set only these).
 */
export function jsonRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], at = 1) {
  const objects = rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) object[columns[i]!] = row[i] ?? null;
    return object;
  });
  return { sql: `json_populate_recordset(NULL::"${table}", $${at}::json)`, json: JSON.stringify(objects) };
}
