import { findByKeys } from "../database/in-chunks";
import { insertRows } from "../database/insert-rows";
import type { WriteContext } from "../write/context";

/** Adds tags (by slug, made on first use) to a claim; tags it already has are left alone. Returns how many were added. */
export async function tagClaim(w: WriteContext, claimId: string, slugs: readonly string[]): Promise<number> {
  const [added] = await tagClaims(w, [{ claimId, slugs }]);
  return added!;
}

/** tagClaim for many claims at once (an import): one lookup and one insert per table. Returns how many tags each claim gained. */
export async function tagClaims(w: WriteContext, items: readonly { claimId: string; slugs: readonly string[] }[]): Promise<number[]> {
  const { tx } = w;
  const wanted = items.filter((i) => i.slugs.length > 0);
  if (wanted.length === 0) return items.map(() => 0);
  const have = new Set(
    (
      await findByKeys(
        wanted.map((i) => i.claimId),
        (ids) => tx.claimTag.findMany({ where: { claimId: { in: ids } }, select: { claimId: true, tag: { select: { slug: true } } } }),
      )
    ).map((t) => `${t.claimId} ${t.tag.slug}`),
  );
  const added = items.map((i) => [...new Set(i.slugs)].filter((slug) => !have.has(`${i.claimId} ${slug}`)));
  const tags = new Map(
    (await findByKeys(added.flat(), (slugs) => tx.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }))).map((t) => [
      t.slug,
      t.id,
    ]),
  );
  const made = await insertRows(
    w,
    "Tag",
    [...new Set(added.flat())].filter((slug) => !tags.has(slug)).map((slug) => ({ slug, name: slug.replaceAll("-", " ") })),
  );
  for (const tag of made) tags.set(tag.slug, tag.id);
  await insertRows(
    w,
    "ClaimTag",
    items.flatMap((item, i) => added[i]!.map((slug) => ({ claimId: item.claimId, tagId: tags.get(slug)! }))),
  );
  return added.map((a) => a.length);
}
