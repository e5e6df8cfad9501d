/**
 * How many keys one `IN (...)` list holds: under the 999 bound values Prisma allows a SQLite query,
 * which also caps the list it makes to load a nested relation (a source's authors).
 */
const CHUNK = 500;

/**
 * Runs a lookup by a list of keys in chunks and joins the rows: a lookup for an import's
 * thousands of keys, without one bound value per key in a single statement. A key that takes
 * several bound values (a pair) says how many.
 */
export async function findByKeys<K, R>(keys: Iterable<K>, find: (chunk: K[]) => Promise<R[]>, valuesPerKey = 1): Promise<R[]> {
  const unique = [...new Set(keys)];
  const size = Math.floor(CHUNK / valuesPerKey);
  const rows: R[] = [];
  for (let from = 0; from < unique.length; from += size) rows.push(...(await find(unique.slice(from, from + size))));
  return rows;
}
