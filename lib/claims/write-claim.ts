import type { Tx } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { createdFields, diffFields } from "../revisions/record";
import { assertVersion, commitVersion, retraction } from "../write/versioned";
import { ClaimUpdateSchema, NewClaimSchema, RestoreSchema, RetractSchema } from "../schemas/writes";
import { newSlug } from "../slug";
import { defineWrite, type WriteContext } from "../write/context";
import { searchableText } from "./search-text";
import type { z } from "zod";

/** A topic by id or slug. */
async function findTopic(tx: Tx, id: string, field: string) {
  const topic = await tx.topic.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true, slug: true } });
  if (!topic) throw unknownReference(field, "The chosen topic");
  return topic;
}

/**
 * A new claim inside the caller's write (the tagging panel adds one with its first stance); it has
 * no stances yet, so it ranks last until one is added. `slug` is the import's own key; otherwise
 * one is made from the wording.
 */
export async function addClaim(w: WriteContext, claim: z.output<typeof NewClaimSchema> & { slug?: string }, field = "claim.new") {
  const { tx } = w;
  const slug = await newSlug(claim.slug, claim.text, async (s) => (await tx.claim.count({ where: { slug: s } })) > 0, "A claim");
  const topic = await findTopic(tx, claim.topic, field ? `${field}.topic` : "topic");
  const created = await tx.claim.create({
    data: { slug, text: claim.text, searchText: searchableText(claim.text), topicId: topic.id, rankKey: `~${slug}` },
    select: { id: true, slug: true, version: true },
  });
  await w.revise({
    entityType: "CLAIM",
    entityId: created.id,
    version: created.version,
    action: "CREATE",
    changes: createdFields({ slug, text: claim.text, topic: topic.slug }),
    claimId: created.id,
  });
  w.touchCounts();
  return created;
}

/** Adds a claim on its own (the write API). */
export const createClaim = defineWrite({ role: "RESEARCHER", doing: "add claims", input: NewClaimSchema }, (w, data) => addClaim(w, data, ""));

/** Edits a claim's wording or topic (its slug, and so its address, stays). */
export const updateClaim = defineWrite({ role: "RESEARCHER", doing: "edit claims", input: ClaimUpdateSchema }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "CLAIM", noun: "claim", id: data.id, expected: data.version } as const;
  const claim = await tx.claim.findUnique({ where: { id: data.id }, include: { topic: { select: { slug: true } } } });
  if (!claim) throw notFound("The claim");
  await assertVersion(tx, target, claim);
  const topic = await findTopic(tx, data.topic, "topic");
  const changes = diffFields({ text: claim.text, topic: claim.topic.slug }, { text: data.text, topic: topic.slug });
  if (Object.keys(changes).length === 0) return { slug: claim.slug, version: claim.version, changed: false };
  const version = await commitVersion(
    w,
    target,
    (where) => tx.claim.updateMany({ where, data: { text: data.text, topicId: topic.id, searchText: searchableText(data.text), version: { increment: 1 } } }),
    { action: "UPDATE", changes, reason: data.reason, claimId: claim.id },
  );
  return { slug: claim.slug, version, changed: true };
});

/** Hides a claim from lists and counts, with a reason; nothing is deleted, and restoreClaim undoes it. */
export const retractClaim = defineWrite({ role: "RESEARCHER", doing: "retract claims", input: RetractSchema }, (w, data) => setClaimRetraction(w, data, true));

export const restoreClaim = defineWrite({ role: "RESEARCHER", doing: "restore claims", input: RestoreSchema }, (w, data) => setClaimRetraction(w, data, false));

async function setClaimRetraction(w: WriteContext, data: { id: string; version: number; reason: string | null }, retract: boolean) {
  const { tx } = w;
  const target = { entityType: "CLAIM", noun: "claim", id: data.id, expected: data.version } as const;
  const claim = await tx.claim.findUnique({ where: { id: data.id } });
  if (!claim) throw notFound("The claim");
  await assertVersion(tx, target, claim);
  if (claim.mergedIntoId) throw new AppError("CONFLICT", "This claim was merged into another; undo the merge on that claim's review page instead.");
  const change = retraction(claim, retract, data.reason, "claim");
  const version = await commitVersion(w, target, (where) => tx.claim.updateMany({ where, data: { ...change.data, version: { increment: 1 } } }), {
    action: change.action,
    changes: change.changes,
    reason: data.reason,
    claimId: claim.id,
  });
  w.touchClaims(claim.id);
  return { slug: claim.slug, version };
}
