import { AppError } from "../errors";

/**
 * What a writer that takes many items (an import's) answers for each: the item written, or why
 * it was refused. A refused item writes nothing; the others are written.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const written = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = <T>(error: AppError): Outcome<T> => ({ ok: false, error });

/** The one item's value, or its refusal thrown: a single-item door over a many-item writer. */
export function only<T>(outcomes: readonly Outcome<T>[]): T {
  const outcome = outcomes[0]!;
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Runs a check on each item; an AppError refuses that item, anything else is a fault. */
export function checkEach<I, T>(items: readonly I[], check: (item: I, at: number) => T): Outcome<T>[] {
  return items.map((item, at) => {
    try {
      return written(check(item, at));
    } catch (error) {
      if (error instanceof AppError) return refused(error);
      throw error;
    }
  });
}

/** The next step for the items not yet refused, its outcomes put back in the items' places. */
export async function thenEach<A, B>(outcomes: readonly Outcome<A>[], next: (values: A[]) => Promise<Outcome<B>[]>): Promise<Outcome<B>[]> {
  const good = outcomes.flatMap((o, at) => (o.ok ? [{ at, value: o.value }] : []));
  const after = good.length > 0 ? await next(good.map((g) => g.value)) : [];
  const result = outcomes.map((o) => (o.ok ? undefined : o)) as Outcome<B>[];
  for (const [i, { at }] of good.entries()) result[at] = after[i]!;
  return result;
}

/** Each item joined with its own outcome of a further step: refused where that step refused it. */
export function joinEach<I, V, C>(items: readonly I[], outcomes: readonly Outcome<V>[], join: (item: I, value: V) => C): Outcome<C>[] {
  return items.map((item, at) => {
    const outcome = outcomes[at]!;
    return outcome.ok ? written(join(item, outcome.value)) : refused(outcome.error);
  });
}
