import { Prisma } from "../../generated/sqlite/client";
import type { Dialect, Tx } from "./create-client";

// Stored summaries (a claim's counts and weights, the corpus counts) are recomputed from the rows
// inside the writing transaction. On PostgreSQL two such transactions run side by side, and under
// READ COMMITTED each would count without the other's new rows and the later write would win: the
// fault drill lost a claim from the corpus count that way. So a writer first takes the row lock of
// each summary it will recompute (an UPDATE that changes nothing), in id order so that two writers
// cannot wait on each other; the second then counts after the first has committed. The write
// context takes these locks on PostgreSQL only: SQLite runs one writing transaction at a time, and
// there the no-op UPDATE of the 2,200 claims that quote a graded outlet took grading it from 2.1 s
// to 4.4 s (benchmark corpus, p50 of 10) for nothing.

const CHUNK = 5_000;

export async function lockClaimSummaries(tx: Tx, claimIds: readonly string[]): Promise<void> {
  const ids = [...new Set(claimIds)].sort();
  for (let i = 0; i < ids.length; i += CHUNK) {
    await tx.$executeRaw`UPDATE "Claim" SET "id" = "id" WHERE "id" IN (${Prisma.join(ids.slice(i, i + CHUNK))})`;
  }
}

export async function lockCorpusCounts(tx: Tx): Promise<void> {
  await tx.$executeRaw`UPDATE "CorpusCounts" SET "id" = "id" WHERE "id" = 1`;
}

/** A source's current text and its number, as a write that anchors passages in it reads them. */
export type CurrentText = { id: string; text: string; textVersion: number };

/**
 * The current texts of these sources, for a write that anchors passages in them (a link, a
 * re-attachment, an import's stances). On PostgreSQL they are read under a share lock: a new text
 * of the source (decision 0025) updates its row, so it waits for this write to commit and then
 * re-anchors its stances too. SQLite runs one writing transaction at a time.
 */
export async function currentSourceTexts(w: { tx: Tx; dialect: Dialect }, ids: readonly string[]): Promise<CurrentText[]> {
  const unique = [...new Set(ids)].sort();
  const rows: CurrentText[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    rows.push(
      ...(w.dialect === "postgresql"
        ? await w.tx.$queryRaw<CurrentText[]>`SELECT "id", "text", "textVersion" FROM "Source" WHERE "id" IN (${Prisma.join(chunk)}) ORDER BY "id" FOR SHARE`
        : await w.tx.source.findMany({ where: { id: { in: chunk } }, select: { id: true, text: true, textVersion: true } })),
    );
  }
  return rows;
}
