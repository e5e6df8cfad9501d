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

/** `base`, or `base-2`, `base-3`... whichever `taken` says is free. */
export async function uniqueSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(slug))) return slug;
  }
}

/**
 * The slug a new record gets: the one given (an import's key; refused if taken), or one made
 * from its name. `noun` names the record in the refusal ("A speaker").
 */
export async function newSlug(given: string | undefined, name: string, taken: (slug: string) => Promise<boolean>, noun: string): Promise<string> {
  if (!given) return uniqueSlug(slugify(name), taken);
  if (await taken(given)) throw new AppError("CONFLICT", `${noun} with the slug "${given}" already exists.`, "slug");
  return given;
}
