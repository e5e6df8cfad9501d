import type { Tx } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { resolveSpeaker } from "../actors/write-actor";
import { addClaim } from "../claims/write-claim";
import { createdFields, diffFields } from "../revisions/record";
import { assertVersion, commitVersion, retraction } from "../write/versioned";
import { RestoreSchema, RetractSchema, StanceCreateSchema, StanceUpdateSchema } from "../schemas/writes";
import { locateQuote } from "../sources/anchor-quote";
import { defineWrite, type WriteContext } from "../write/context";

/**
 * Links a passage of a source to a claim: the quote is checked against the stored text
 * (the offsets given are only a hint), and a new claim or speaker named on the way is
 * created in the same transaction, so a refused stance leaves nothing behind.
 */
export const createStance = defineWrite(
  {
    role: "RESEARCHER",
    doing: "link passages to claims",
    input: StanceCreateSchema,
    duplicate: { message: "Someone has just linked this passage to this claim.", field: "quote" },
  },
  async (w, data) => {
    const { tx } = w;
    const source = await tx.source.findUnique({ where: { id: data.sourceId }, select: { id: true, text: true } });
    if (!source) throw unknownReference("sourceId", "The source");
    const hint = data.start !== undefined && data.end !== undefined ? { start: data.start, end: data.end } : undefined;
    const anchor = locateQuote(source.text, data.quote, hint);
    const claim = "id" in data.claim ? await existingClaim(tx, data.claim.id) : await addClaim(w, data.claim.new);
    const speaker = await resolveSpeaker(w, data.speaker);
    const same = await tx.stance.findUnique({
      where: { claimId_sourceId_start_end: { claimId: claim.id, sourceId: source.id, start: anchor.start, end: anchor.end } },
      select: { retractedAt: true },
    });
    if (same) {
      throw new AppError(
        "CONFLICT",
        same.retractedAt
          ? "This passage was linked to this claim and retracted; restore that stance instead."
          : "This passage is already linked to this claim.",
        "quote",
      );
    }
    const fields = { position: data.position, mode: data.mode, quote: data.quote, start: anchor.start, end: anchor.end, note: data.note };
    const stance = await tx.stance.create({
      data: { ...fields, speakerId: speaker?.id ?? null, claimId: claim.id, sourceId: source.id, prefix: anchor.prefix, suffix: anchor.suffix },
      select: { id: true, version: true },
    });
    await w.revise({
      entityType: "STANCE",
      entityId: stance.id,
      version: stance.version,
      action: "CREATE",
      changes: createdFields({ ...fields, speaker: speaker?.name ?? null }),
      claimId: claim.id,
      sourceId: source.id,
    });
    w.touchClaims(claim.id);
    w.sources.add(source.id);
    if (speaker) w.actors.add(speaker.id);
    return { id: stance.id, claimSlug: claim.slug, start: anchor.start, end: anchor.end };
  },
);

async function existingClaim(tx: Tx, id: string) {
  const claim = await tx.claim.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true, slug: true, retractedAt: true } });
  if (!claim) throw unknownReference("claim", "The chosen claim");
  if (claim.retractedAt) throw new AppError("INVALID", "The chosen claim is retracted; restore it before linking passages to it.", "claim");
  return claim;
}

/** Changes how a stance reads its passage (position, mode, speaker, note); the passage itself stays. */
export const updateStance = defineWrite({ role: "RESEARCHER", doing: "edit stances", input: StanceUpdateSchema }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
  const stance = await tx.stance.findUnique({
    where: { id: data.id },
    include: { claim: { select: { slug: true } }, speaker: { select: { name: true } } },
  });
  if (!stance) throw notFound("The stance");
  await assertVersion(tx, target, stance);
  const speaker = await resolveSpeaker(w, data.speaker);
  const wanted = { position: data.position, mode: data.mode, note: data.note };
  const changes = diffFields({ ...stance, speaker: stance.speaker?.name ?? null }, { ...wanted, speaker: speaker?.name ?? null });
  if (Object.keys(changes).length === 0 && stance.speakerId === (speaker?.id ?? null)) {
    return { claimSlug: stance.claim.slug, version: stance.version, changed: false };
  }
  const version = await commitVersion(
    w,
    target,
    (where) => tx.stance.updateMany({ where, data: { ...wanted, speakerId: speaker?.id ?? null, version: { increment: 1 } } }),
    { action: "UPDATE", changes, reason: data.reason, claimId: stance.claimId, sourceId: stance.sourceId },
  );
  w.touchClaims(stance.claimId);
  w.sources.add(stance.sourceId);
  for (const id of [stance.speakerId, speaker?.id]) if (id) w.actors.add(id);
  return { claimSlug: stance.claim.slug, version, changed: true };
});

/** A retracted stance counts for nothing and shows only as retracted; restoreStance undoes it. */
export const retractStance = defineWrite({ role: "RESEARCHER", doing: "retract stances", input: RetractSchema }, (w, data) =>
  setStanceRetraction(w, data, true),
);

export const restoreStance = defineWrite({ role: "RESEARCHER", doing: "restore stances", input: RestoreSchema }, (w, data) =>
  setStanceRetraction(w, data, false),
);

async function setStanceRetraction(w: WriteContext, data: { id: string; version: number; reason: string | null }, retract: boolean) {
  const { tx } = w;
  const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
  const stance = await tx.stance.findUnique({ where: { id: data.id }, include: { claim: { select: { slug: true } } } });
  if (!stance) throw notFound("The stance");
  await assertVersion(tx, target, stance);
  const change = retraction(stance, retract, data.reason, "stance");
  const version = await commitVersion(w, target, (where) => tx.stance.updateMany({ where, data: { ...change.data, version: { increment: 1 } } }), {
    action: change.action,
    changes: change.changes,
    reason: data.reason,
    claimId: stance.claimId,
    sourceId: stance.sourceId,
  });
  w.touchClaims(stance.claimId);
  w.sources.add(stance.sourceId);
  if (stance.speakerId) w.actors.add(stance.speakerId);
  return { claimSlug: stance.claim.slug, version };
}
