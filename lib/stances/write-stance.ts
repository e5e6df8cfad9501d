import type { Db, Tx } from "../database/create-client";
import { isUniqueViolation } from "../database/unique-violation";
import { AppError, notFound, unknownReference } from "../errors";
import { authorize, type CurrentUser } from "../auth/roles";
import { resolveSpeaker } from "../actors/write-actor";
import { createClaimIn } from "../claims/write-claim";
import { refreshClaimSummaries } from "../claims/refresh-claim-summary";
import { createdFields, diffFields, recordRevision } from "../revisions/record";
import { assertVersion, commitVersion, retraction } from "../revisions/versioned";
import { parseInput } from "../schemas/parse-input";
import { RestoreSchema, RetractSchema, StanceCreateSchema, StanceUpdateSchema } from "../schemas/writes";
import { locateQuote } from "../sources/anchor-quote";
import { refreshCorpusCounts } from "../stats/refresh-corpus-counts";

/**
 * Links a passage of a source to a claim: the quote is checked against the stored text
 * (the browser's offsets are only a hint), and a new claim or speaker named on the way is
 * created in the same transaction, so a refused stance leaves nothing behind.
 */
export async function createStance(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "link passages to claims");
  const data = parseInput(StanceCreateSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.source.findUnique({ where: { id: data.sourceId }, select: { id: true, text: true } });
      if (!source) throw unknownReference("sourceId", "The source");
      const hint = data.start !== undefined && data.end !== undefined ? { start: data.start, end: data.end } : undefined;
      const anchor = locateQuote(source.text, data.quote, hint);
      const claim = "id" in data.claim ? await existingClaim(tx, data.claim.id) : await createClaimIn(tx, data.claim.new, actor.id);
      const speaker = await resolveSpeaker(tx, data.speaker, actor.id);
      const same = await tx.stance.findUnique({
        where: { claimId_sourceId_start_end: { claimId: claim.id, sourceId: source.id, start: anchor.start, end: anchor.end } },
        select: { retractedAt: true },
      });
      if (same) {
        throw new AppError(
          "CONFLICT",
          same.retractedAt ? "This passage was linked to this claim and retracted; restore that stance instead." : "This passage is already linked to this claim.",
          "quote",
        );
      }
      const fields = { position: data.position, mode: data.mode, quote: data.quote, start: anchor.start, end: anchor.end, note: data.note };
      const stance = await tx.stance.create({
        data: { ...fields, speakerId: speaker?.id ?? null, claimId: claim.id, sourceId: source.id, prefix: anchor.prefix, suffix: anchor.suffix },
        select: { id: true, version: true },
      });
      await recordRevision(tx, {
        entityType: "STANCE",
        entityId: stance.id,
        version: stance.version,
        action: "CREATE",
        changes: createdFields({ ...fields, speaker: speaker?.name ?? null }),
        claimId: claim.id,
        sourceId: source.id,
        userId: actor.id,
      });
      await refreshClaimSummaries(tx, [claim.id]);
      await refreshCorpusCounts(tx);
      return { id: stance.id, claimSlug: claim.slug, start: anchor.start, end: anchor.end };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Someone has just linked this passage to this claim.", "quote");
    throw error;
  }
}

async function existingClaim(tx: Tx, id: string) {
  const claim = await tx.claim.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true, slug: true, retractedAt: true } });
  if (!claim) throw unknownReference("claim", "The chosen claim");
  if (claim.retractedAt) throw new AppError("INVALID", "The chosen claim is retracted; restore it before linking passages to it.", "claim");
  return claim;
}

/** Changes how a stance reads its passage (position, mode, speaker, note); the passage itself stays. */
export async function updateStance(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "edit stances");
  const data = parseInput(StanceUpdateSchema, input);
  const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
  return db.$transaction(async (tx) => {
    const stance = await tx.stance.findUnique({
      where: { id: data.id },
      include: { claim: { select: { slug: true } }, speaker: { select: { name: true } } },
    });
    if (!stance) throw notFound("The stance");
    await assertVersion(tx, target, stance);
    const speaker = await resolveSpeaker(tx, data.speaker, actor.id);
    const wanted = { position: data.position, mode: data.mode, note: data.note };
    const changes = diffFields({ ...stance, speaker: stance.speaker?.name ?? null }, { ...wanted, speaker: speaker?.name ?? null });
    if (Object.keys(changes).length === 0 && stance.speakerId === (speaker?.id ?? null)) {
      return { claimSlug: stance.claim.slug, version: stance.version, changed: false };
    }
    const version = await commitVersion(
      tx,
      target,
      (where) => tx.stance.updateMany({ where, data: { ...wanted, speakerId: speaker?.id ?? null, version: { increment: 1 } } }),
      { action: "UPDATE", changes, reason: data.reason, claimId: stance.claimId, sourceId: stance.sourceId, userId: actor.id },
    );
    await refreshClaimSummaries(tx, [stance.claimId]);
    await refreshCorpusCounts(tx);
    return { claimSlug: stance.claim.slug, version, changed: true };
  });
}

/** A retracted stance counts for nothing and shows only as retracted; restoreStance undoes it. */
export async function retractStance(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "retract stances");
  return setStanceRetraction(db, actor, parseInput(RetractSchema, input), true);
}

export async function restoreStance(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "restore stances");
  return setStanceRetraction(db, actor, parseInput(RestoreSchema, input), false);
}

async function setStanceRetraction(db: Db, actor: CurrentUser, data: { id: string; version: number; reason: string | null }, retract: boolean) {
  const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
  return db.$transaction(async (tx) => {
    const stance = await tx.stance.findUnique({ where: { id: data.id }, include: { claim: { select: { slug: true } } } });
    if (!stance) throw notFound("The stance");
    await assertVersion(tx, target, stance);
    const change = retraction(stance, retract, data.reason, "stance");
    const version = await commitVersion(tx, target, (where) => tx.stance.updateMany({ where, data: { ...change.data, version: { increment: 1 } } }), {
      action: change.action,
      changes: change.changes,
      reason: data.reason,
      claimId: stance.claimId,
      sourceId: stance.sourceId,
      userId: actor.id,
    });
    await refreshClaimSummaries(tx, [stance.claimId]);
    await refreshCorpusCounts(tx);
    return { claimSlug: stance.claim.slug, version };
  });
}
