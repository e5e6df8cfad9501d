import type { Db } from "../database/create-client";
import { AppError, notFound } from "../errors";
import { SplitCopiesSchema } from "../schemas/review";
import { defineWrite } from "../write/context";
import { refreshFamilies } from "./find-copies";

// What a source page and GET /api/sources/{id}/copies show of a source's copies, and the analysts'
// "not copies" (decision 0023).

export type SourceCopyLine = { copyId: string; id: string; title: string; outlet: string; overlap: number };

/** The sources linked to this one as copies (not split), the most overlapping first: `overlap` is the share of this source's text found in each. */
export async function copiesOf(db: Db, sourceId: string): Promise<SourceCopyLine[]> {
  const links = await db.sourceCopy.findMany({
    where: { splitAt: null, OR: [{ sourceAId: sourceId }, { sourceBId: sourceId }] },
    select: {
      id: true,
      sourceAId: true,
      overlapA: true,
      overlapB: true,
      sourceA: { select: { id: true, title: true, outlet: { select: { name: true } } } },
      sourceB: { select: { id: true, title: true, outlet: { select: { name: true } } } },
    },
  });
  return links
    .map((link) => {
      const mine = link.sourceAId === sourceId;
      const other = mine ? link.sourceB : link.sourceA;
      return { copyId: link.id, id: other.id, title: other.title, outlet: other.outlet.name, overlap: mine ? link.overlapA : link.overlapB };
    })
    .sort((a, b) => b.overlap - a.overlap || a.id.localeCompare(b.id));
}

/**
 * Two sources wrongly joined as copies of one article: the link is kept, marked split, and the
 * families are recomputed, so each counts as its own origin again.
 */
export const splitCopies = defineWrite({ role: "ANALYST", doing: "split copies of an article", input: SplitCopiesSchema }, async (w, data) => {
  const link = await w.tx.sourceCopy.findUnique({ where: { id: data.copyId }, select: { id: true, sourceAId: true, sourceBId: true, splitAt: true } });
  if (!link) throw notFound("The link between the two sources");
  if (link.splitAt) throw new AppError("CONFLICT", "These two sources are already split.");
  await w.tx.sourceCopy.update({ where: { id: link.id }, data: { splitAt: new Date(), splitById: w.userId } });
  await refreshFamilies(w, [link.sourceAId, link.sourceBId]);
  return { copyId: link.id };
});
