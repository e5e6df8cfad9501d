import type { Db } from "../database/create-client";
import { suggestedClaimIds } from "../search/search";
import { STOP_WORDS } from "../search/stop-words";

export { STOP_WORDS };

/**
 * Claims for the tagging panel's search-as-you-type, from the full-text index
 * (lib/search/search.ts): any claim sharing one of the typed words (the last may be half typed)
 * is a candidate, and the ones sharing the most, and the rarest, come first. Retracted and
 * merged claims are not offered.
 */
export async function suggestClaims(db: Db, { q, limit = 8 }: { q: string; limit?: number }) {
  const ids = await suggestedClaimIds(db, q, limit, STOP_WORDS);
  if (ids.length === 0) return [];
  const claims = await db.claim.findMany({
    where: { id: { in: ids } },
    select: { id: true, slug: true, text: true, status: true, topic: { select: { name: true } } },
  });
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
