import type { Tx } from "../database/create-client";
import { unknownReference } from "../errors";

/**
 * A claim named by an analyst: its id, its address (slug) or a link to its page
 * ("https://…/claims/some-slug").
 */
export async function findClaimRef(tx: Tx, ref: string, field: string) {
  const slug = ref.match(/\/claims\/([a-z0-9-]+)\/?(?:[?#].*)?$/)?.[1] ?? ref;
  const claim = await tx.claim.findFirst({
    where: { OR: [{ id: ref }, { slug }] },
    select: { id: true, slug: true, text: true, version: true, retractedAt: true, mergedIntoId: true },
  });
  if (!claim) throw unknownReference(field, `The claim "${ref}"`);
  return claim;
}
