import type { WriteContext } from "../write/context";

/** Adds tags (by slug, made on first use) to a claim; tags it already has are left alone. Returns how many were added. */
export async function tagClaim(w: WriteContext, claimId: string, slugs: readonly string[]): Promise<number> {
  const { tx } = w;
  const have = new Set((await tx.claimTag.findMany({ where: { claimId }, select: { tag: { select: { slug: true } } } })).map((t) => t.tag.slug));
  const added = [...new Set(slugs)].filter((slug) => !have.has(slug));
  for (const slug of added) {
    const tag = await tx.tag.upsert({ where: { slug }, create: { slug, name: slug.replaceAll("-", " ") }, update: {}, select: { id: true } });
    await tx.claimTag.create({ data: { claimId, tagId: tag.id } });
  }
  return added.length;
}
