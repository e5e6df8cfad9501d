import type { Db, Tx } from "../database/create-client";
import { AppError, notFound } from "../errors";
import { MergeSchema, UndoMergeSchema } from "../schemas/review";
import { defineWrite } from "../write/context";
import { findClaimRef } from "./find-claim";

const passage = (s: { sourceId: string; start: number; end: number }) => `${s.sourceId}:${s.start}:${s.end}`;
const duplicateReason = (slug: string) => `Merged: "${slug}" already links this passage.`;

/**
 * Merges a claim into one that says the same: every stance moves to the survivor, except
 * a passage the survivor already links, which stays behind retracted as a duplicate. The
 * merged claim is kept (retracted, its address redirecting to the survivor), the merge is
 * recorded in both histories, and undoMerge puts everything back.
 */
export const mergeClaims = defineWrite({ role: "ANALYST", doing: "merge claims", input: MergeSchema, timeout: 60_000 }, async (w, data) => {
  const { tx } = w;
  const from = await tx.claim.findUnique({
    where: { id: data.fromClaimId },
    select: { id: true, slug: true, text: true, version: true, retractedAt: true, mergedIntoId: true },
  });
  if (!from) throw notFound("The claim");
  const into = await findClaimRef(tx, data.intoClaim, "intoClaim");
  if (into.id === from.id) throw new AppError("INVALID", "A claim cannot be merged into itself.", "intoClaim");
  if (from.mergedIntoId) throw new AppError("CONFLICT", "This claim is already merged into another.");
  if (from.retractedAt) throw new AppError("CONFLICT", "This claim is retracted; restore it before merging it.");
  if (into.mergedIntoId) throw new AppError("INVALID", `"${into.slug}" was itself merged into another claim; merge into that one.`, "intoClaim");
  if (into.retractedAt) throw new AppError("INVALID", `"${into.slug}" is retracted; choose a live claim to merge into.`, "intoClaim");

  const taken = new Set((await tx.stance.findMany({ where: { claimId: into.id }, select: { sourceId: true, start: true, end: true } })).map(passage));
  const stances = await tx.stance.findMany({
    where: { claimId: from.id },
    select: { id: true, sourceId: true, start: true, end: true, version: true, retractedAt: true },
  });
  const moved = stances.filter((s) => !taken.has(passage(s)));
  const duplicates = stances.filter((s) => taken.has(passage(s)) && s.retractedAt === null);

  const now = new Date();
  await tx.stance.updateMany({ where: { id: { in: moved.map((s) => s.id) } }, data: { claimId: into.id, version: { increment: 1 } } });
  await w.reviseMany(
    moved.map((s) => ({
      entityType: "STANCE",
      entityId: s.id,
      version: s.version + 1,
      action: "UPDATE",
      changes: { claim: [from.slug, into.slug] },
      reason: data.reason,
      claimId: into.id,
      sourceId: s.sourceId,
    })),
  );
  await tx.stance.updateMany({
    where: { id: { in: duplicates.map((s) => s.id) } },
    data: { retractedAt: now, retractedReason: duplicateReason(into.slug), version: { increment: 1 } },
  });
  await w.reviseMany(
    duplicates.map((s) => ({
      entityType: "STANCE",
      entityId: s.id,
      version: s.version + 1,
      action: "RETRACT",
      changes: { retractedReason: [null, duplicateReason(into.slug)] },
      reason: data.reason,
      claimId: from.id,
      sourceId: s.sourceId,
    })),
  );

  await tx.claim.update({
    where: { id: from.id },
    data: { mergedIntoId: into.id, retractedAt: now, retractedReason: `Merged into "${into.text}"`, version: { increment: 1 } },
  });
  const merge = await tx.claimMerge.create({
    data: {
      fromClaimId: from.id,
      intoClaimId: into.id,
      movedStanceIds: JSON.stringify(moved.map((s) => s.id)),
      retractedStanceIds: JSON.stringify(duplicates.map((s) => s.id)),
      reason: data.reason,
      userId: w.userId,
    },
    select: { id: true },
  });
  const counts = { stancesMoved: [0, moved.length] as [number, number], duplicatesRetracted: [0, duplicates.length] as [number, number] };
  await w.revise({
    entityType: "CLAIM",
    entityId: from.id,
    version: from.version + 1,
    action: "MERGE",
    changes: { mergedInto: [null, into.slug], ...counts },
    reason: data.reason,
    claimId: from.id,
  });
  await w.revise({
    entityType: "CLAIM",
    entityId: into.id,
    version: into.version,
    action: "MERGE",
    changes: { mergedFrom: [null, from.slug], ...counts },
    reason: data.reason,
    claimId: into.id,
  });

  w.touchClaims(from.id, into.id);
  // The passages moved between them: the pages quoting either show which claim each is on.
  w.showWhereQuoted(from.id, into.id);
  return { mergeId: merge.id, slug: into.slug, moved: moved.length, duplicates: duplicates.length };
});

/** Undoes a merge: the moved stances go back, the duplicates retracted by it are restored, and the claim's address is its own again. */
export const undoMerge = defineWrite({ role: "ANALYST", doing: "undo merges", input: UndoMergeSchema, timeout: 60_000 }, async (w, data) => {
  const { tx } = w;
  const merge = await tx.claimMerge.findUnique({ where: { id: data.mergeId } });
  if (!merge) throw notFound("The merge");
  if (merge.undoneAt) throw new AppError("CONFLICT", "This merge has already been undone.");
  const [from, into] = await Promise.all([claimFor(tx, merge.fromClaimId), claimFor(tx, merge.intoClaimId)]);
  if (from.mergedIntoId !== into.id) throw new AppError("CONFLICT", "The merged claim has changed since; this merge cannot be undone.");
  if (into.mergedIntoId) throw new AppError("CONFLICT", `"${into.slug}" has since been merged into another claim; undo that merge first.`);

  const moved = JSON.parse(merge.movedStanceIds) as string[];
  const duplicates = JSON.parse(merge.retractedStanceIds) as string[];
  const back = await tx.stance.findMany({ where: { id: { in: moved }, claimId: into.id }, select: { id: true, version: true, sourceId: true } });
  await tx.stance.updateMany({ where: { id: { in: back.map((s) => s.id) } }, data: { claimId: from.id, version: { increment: 1 } } });
  await w.reviseMany(
    back.map((s) => ({
      entityType: "STANCE",
      entityId: s.id,
      version: s.version + 1,
      action: "UPDATE",
      changes: { claim: [into.slug, from.slug] },
      reason: data.reason,
      claimId: from.id,
      sourceId: s.sourceId,
    })),
  );
  const restore = await tx.stance.findMany({
    where: { id: { in: duplicates }, retractedReason: duplicateReason(into.slug) },
    select: { id: true, version: true, sourceId: true },
  });
  await tx.stance.updateMany({
    where: { id: { in: restore.map((s) => s.id) } },
    data: { retractedAt: null, retractedReason: null, version: { increment: 1 } },
  });
  await w.reviseMany(
    restore.map((s) => ({
      entityType: "STANCE",
      entityId: s.id,
      version: s.version + 1,
      action: "RESTORE",
      changes: { retractedReason: [duplicateReason(into.slug), null] },
      reason: data.reason,
      claimId: from.id,
      sourceId: s.sourceId,
    })),
  );

  await tx.claim.update({ where: { id: from.id }, data: { mergedIntoId: null, retractedAt: null, retractedReason: null, version: { increment: 1 } } });
  await tx.claimMerge.update({ where: { id: merge.id }, data: { undoneAt: new Date(), undoneById: w.userId } });
  const counts = { stancesMovedBack: [0, back.length] as [number, number] };
  await w.revise({
    entityType: "CLAIM",
    entityId: from.id,
    version: from.version + 1,
    action: "UNMERGE",
    changes: { mergedInto: [into.slug, null], ...counts },
    reason: data.reason,
    claimId: from.id,
  });
  await w.revise({
    entityType: "CLAIM",
    entityId: into.id,
    version: into.version,
    action: "UNMERGE",
    changes: { mergedFrom: [from.slug, null], ...counts },
    reason: data.reason,
    claimId: into.id,
  });

  w.touchClaims(from.id, into.id);
  // The passages moved between them: the pages quoting either show which claim each is on.
  w.showWhereQuoted(from.id, into.id);
  return { slug: from.slug, movedBack: back.length, restored: restore.length };
});

async function claimFor(tx: Tx, id: string) {
  const claim = await tx.claim.findUnique({ where: { id }, select: { id: true, slug: true, version: true, mergedIntoId: true } });
  if (!claim) throw notFound("A merged claim");
  return claim;
}

/** The merges into a claim that have not been undone, newest first, with the merged claims. */
export async function activeMergesInto(db: Db, claimId: string) {
  const merges = await db.claimMerge.findMany({
    where: { intoClaimId: claimId, undoneAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, fromClaimId: true, reason: true, createdAt: true },
  });
  const claims = await db.claim.findMany({ where: { id: { in: merges.map((m) => m.fromClaimId) } }, select: { id: true, slug: true, text: true } });
  const byId = new Map(claims.map((c) => [c.id, c]));
  return merges.flatMap((m) => {
    const from = byId.get(m.fromClaimId);
    return from ? [{ ...m, from }] : [];
  });
}

/** The merge, not undone, that took this claim into another, if there is one. */
export function activeMergeOf(db: Db, claimId: string) {
  return db.claimMerge.findFirst({ where: { fromClaimId: claimId, undoneAt: null }, orderBy: { createdAt: "desc" }, select: { id: true } });
}
