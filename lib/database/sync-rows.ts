// Writing derived rows without touching what is already right: only the fields that differ
// are written, so a repeated refresh changes nothing (updatedAt included).

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
