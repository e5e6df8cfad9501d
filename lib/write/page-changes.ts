import type { Tx } from "../database/create-client";

// The pages each committed write changed, stored for every app server on the database
// (decision 0017): lib/cache/page-cache-handler.mjs on each server reads the rows it has not
// seen and drops those pages from its cache. The row is written in the write's own transaction,
// so a change is announced exactly when it is committed, whichever server, script or job made it.

/** How long a row is kept: far longer than a server takes to read it (lib/cache/page-cache-handler.mjs polls every 100 ms). */
export const KEEP_PAGE_CHANGES_MS = 60 * 60 * 1_000;
/** Rows are cleared by one write in this many, so that clearing costs the others nothing. */
const CLEAR_EVERY = 100;

/** Stores the tags of the pages a write changed; now and then clears the rows every server has long read. */
export async function recordPageChange(tx: Tx, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  const { id } = await tx.pageChange.create({ data: { tags: tags.join(" ") }, select: { id: true } });
  if (id % CLEAR_EVERY === 0) await tx.pageChange.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_PAGE_CHANGES_MS) } } });
}
