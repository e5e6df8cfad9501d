import { AppError } from "./errors";

/** A URL slug from a name or a claim: "Andrei Rudenko" -> "andrei-rudenko". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.slice(0, maxLength).replace(/-+$/, "");
  return cut || "item";
}

/** A new record's wish for a slug: its own (an import's key), or none, to be made from its name. */
export type SlugWish = { slug?: string; name: string };

/**
 * The slugs new records get, many at once: the one given (an import's key; refused if stored or
 * given twice), or one made from the name, `base`, `base-2`… whichever `stored` (given candidate
 * slugs, the ones already taken) and the other records leave free. `noun` names the record in the
 * refusal ("A speaker").
 */
export async function newSlugs(
  wishes: readonly SlugWish[],
  stored: (candidates: string[]) => Promise<Set<string>>,
  noun: string,
): Promise<(string | AppError)[]> {
  const slugs: (string | AppError)[] = [];
  const used = new Set<string>();
  const taken = await stored(wishes.flatMap((w) => (w.slug ? [w.slug] : [])));
  for (const [at, { slug }] of wishes.entries()) {
    if (!slug) continue;
    if (taken.has(slug) || used.has(slug)) slugs[at] = new AppError("CONFLICT", `${noun} with the slug "${slug}" already exists.`, "slug");
    else slugs[at] = (used.add(slug), slug);
  }
  let pending = wishes.flatMap((w, at) => (w.slug ? [] : [{ at, base: slugify(w.name), n: 1 }]));
  while (pending.length > 0) {
    const candidate = (p: (typeof pending)[number]) => (p.n === 1 ? p.base : `${p.base}-${p.n}`);
    const takenNow = await stored(pending.map(candidate));
    const next: typeof pending = [];
    for (const p of pending) {
      const slug = candidate(p);
      if (takenNow.has(slug) || used.has(slug)) next.push({ ...p, n: p.n + 1 });
      else slugs[p.at] = (used.add(slug), slug);
    }
    pending = next;
  }
  return slugs;
}
