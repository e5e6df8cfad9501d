import { Prisma } from "../../generated/sqlite/client";
import type { Tx } from "./create-client";

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

/**
 * The current texts of these sources, read under a share lock (PostgreSQL): a stance linked to one
 * is anchored in the text it was checked against, because a new text of the source (decision 0025)
 * waits for the linking transaction to commit, and then re-anchors its stances too.
 */
export async function sourceTextsForShare(tx: Tx, ids: readonly string[]): Promise<{ id: string; text: string; textVersion: number }[]> {
  const unique = [...new Set(ids)].sort();
  const rows: { id: string; text: string; textVersion: number }[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    rows.push(
      ...(await tx.$queryRaw<
        { id: string; text: string; textVersion: number }[]
      >`SELECT "id", "text", "textVersion" FROM "Source" WHERE "id" IN (${Prisma.join(unique.slice(i, i + CHUNK))}) ORDER BY "id" FOR SHARE`),
    );
  }
  return rows;
}
