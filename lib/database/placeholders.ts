import type { Dialect } from "./create-client";

/**
 * The bound-value markers of a statement written by hand, in order: `?` on SQLite, `$1`, `$2`…
 * on PostgreSQL, there cast to `type` when given (a VALUES list has no column to take a type from).
 */
export function placeholders(dialect: Dialect): (type?: string) => string {
  let n = 0;
  return dialect === "postgresql" ? (type) => `$${++n}${type ? `::${type}` : ""}` : () => "?";
}
