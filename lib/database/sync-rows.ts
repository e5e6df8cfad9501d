// Writing derived or curated rows without touching what is already right: a row is
// created when missing, updated only in the fields that differ, and otherwise left
// alone, so a repeated write changes nothing (updatedAt included).

/** The fields of `wanted` whose values differ from `current` (dates by instant, undefined as null). */
export function changedFields<T extends Record<string, unknown>>(current: Record<string, unknown>, wanted: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(wanted) as (keyof T & string)[]) {
    if (!sameValue(current[key], wanted[key])) out[key] = wanted[key];
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : false;
  }
  return (a ?? null) === (b ?? null);
}

export type Tally = { created: number; updated: number; unchanged: number; removed: number };
export const newTally = (): Tally => ({ created: 0, updated: 0, unchanged: 0, removed: 0 });

type SyncOptions<W extends Record<string, unknown>, K extends keyof W & string> = {
  /** The rows that may already be there, read in one query. */
  existing: readonly ({ id: string } & Pick<W, K> & Record<string, unknown>)[];
  wanted: readonly W[];
  /** The natural key: the fields that say two rows are the same record. */
  keyFields: readonly K[];
  create: (data: W) => Promise<{ id: string }>;
  update: (id: string, data: Partial<W>) => Promise<unknown>;
  /** When given, existing rows that no wanted row matches are removed. */
  remove?: (ids: string[]) => Promise<{ count: number }>;
};

/** Brings the existing rows in line with the wanted ones; returns each record's id by its key. */
export async function syncRows<W extends Record<string, unknown>, K extends keyof W & string>(
  tally: Tally,
  { existing, wanted, keyFields, create, update, remove }: SyncOptions<W, K>,
): Promise<Map<string, string>> {
  const keyOf = (row: Pick<W, K>) => keyFields.map((field) => String(row[field])).join("\u0000");
  const current = new Map(existing.map((row) => [keyOf(row), row]));
  const ids = new Map<string, string>();
  for (const row of wanted) {
    const key = keyOf(row);
    const found = current.get(key);
    if (!found) {
      tally.created += 1;
      ids.set(key, (await create(row)).id);
      continue;
    }
    const changes = changedFields(found, row);
    if (Object.keys(changes).length === 0) {
      tally.unchanged += 1;
    } else {
      tally.updated += 1;
      await update(found.id, changes);
    }
    ids.set(key, found.id);
  }
  const stale = [...current.entries()].filter(([key]) => !ids.has(key)).map(([, row]) => row.id);
  if (remove && stale.length > 0) tally.removed += (await remove(stale)).count;
  return ids;
}
