/**
 * The form of a claim's wording that substring search runs on, applied alike to the
 * stored text and to the query: lower case, "%" spelled "percent", "_" and runs of
 * whitespace as one space. Prisma's `contains` becomes SQL LIKE, where % and _ are
 * wildcards it does not escape; normalizing them away makes search literal on SQLite
 * and PostgreSQL alike.
 */
export function searchableText(text: string): string {
  return text.toLowerCase().replaceAll("%", " percent ").replaceAll("_", " ").replace(/\s+/g, " ").trim();
}
