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

/**
 * Creates the record when there is none, updates only the fields that differ, and
 * leaves an identical record alone (so loading twice writes nothing and keeps updatedAt).
 */
export async function upsertQuietly<T extends Record<string, unknown>>(
  tally: Tally,
  current: ({ id: string } & Record<string, unknown>) | undefined,
  wanted: T,
  write: { create: (data: T) => Promise<{ id: string }>; update: (id: string, data: Partial<T>) => Promise<unknown> },
): Promise<string> {
  if (!current) {
    tally.created += 1;
    return (await write.create(wanted)).id;
  }
  const changes = changedFields(current, wanted);
  if (Object.keys(changes).length === 0) {
    tally.unchanged += 1;
  } else {
    tally.updated += 1;
    await write.update(current.id, changes);
  }
  return current.id;
}
