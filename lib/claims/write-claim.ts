import type { Db, Tx } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { authorize, type CurrentUser } from "../auth/roles";
import { createdFields, diffFields, recordRevision } from "../revisions/record";
import { assertVersion, commitVersion, retraction } from "../revisions/versioned";
import { parseInput } from "../schemas/parse-input";
import { ClaimUpdateSchema, NewClaimSchema, RestoreSchema, RetractSchema } from "../schemas/writes";
import { slugify, uniqueSlug } from "../slug";
import { refreshCorpusCounts } from "../stats/refresh-corpus-counts";
import { refreshClaimSummaries } from "./refresh-claim-summary";
import { searchableText } from "./search-text";
import type { z } from "zod";

/** A topic by id or slug. */
async function findTopic(tx: Tx, id: string, field: string) {
  const topic = await tx.topic.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true, slug: true } });
  if (!topic) throw unknownReference(field, "The chosen topic");
  return topic;
}

/** A new claim, inside the caller's transaction; it has no stances yet, so it ranks last until one is added. */
export async function createClaimIn(tx: Tx, claim: z.output<typeof NewClaimSchema>, userId: string, field = "claim.new") {
  const slug = await uniqueSlug(slugify(claim.text), async (s) => (await tx.claim.count({ where: { slug: s } })) > 0);
  const topic = await findTopic(tx, claim.topic, field ? `${field}.topic` : "topic");
  const created = await tx.claim.create({
    data: { slug, text: claim.text, searchText: searchableText(claim.text), topicId: topic.id, rankKey: `~${slug}` },
    select: { id: true, slug: true, version: true },
  });
  await recordRevision(tx, {
    entityType: "CLAIM",
    entityId: created.id,
    version: created.version,
    action: "CREATE",
    changes: createdFields({ slug, text: claim.text, topic: topic.slug }),
    claimId: created.id,
    userId,
  });
  return created;
}

/** Adds a claim on its own (the write API; the tagging panel adds claims with their first stance). */
export async function createClaim(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "add claims");
  const data = parseInput(NewClaimSchema, input);
  return db.$transaction(async (tx) => {
    const created = await createClaimIn(tx, data, actor.id, "");
    await refreshCorpusCounts(tx);
    return created;
  });
}

/** Edits a claim's wording or topic (its slug, and so its address, stays). */
export async function updateClaim(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "edit claims");
  const data = parseInput(ClaimUpdateSchema, input);
  const target = { entityType: "CLAIM", noun: "claim", id: data.id, expected: data.version } as const;
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.id }, include: { topic: { select: { slug: true } } } });
    if (!claim) throw notFound("The claim");
    await assertVersion(tx, target, claim);
    const topic = await findTopic(tx, data.topic, "topic");
    const changes = diffFields({ text: claim.text, topic: claim.topic.slug }, { text: data.text, topic: topic.slug });
    if (Object.keys(changes).length === 0) return { slug: claim.slug, version: claim.version, changed: false };
    const version = await commitVersion(
      tx,
      target,
      (where) => tx.claim.updateMany({ where, data: { text: data.text, topicId: topic.id, searchText: searchableText(data.text), version: { increment: 1 } } }),
      { action: "UPDATE", changes, reason: data.reason, claimId: claim.id, userId: actor.id },
    );
    return { slug: claim.slug, version, changed: true };
  });
}

/** Hides a claim from lists and counts, with a reason; nothing is deleted, and restoreClaim undoes it. */
export async function retractClaim(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "retract claims");
  return setClaimRetraction(db, actor, parseInput(RetractSchema, input), true);
}

export async function restoreClaim(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "restore claims");
  return setClaimRetraction(db, actor, parseInput(RestoreSchema, input), false);
}

async function setClaimRetraction(db: Db, actor: CurrentUser, data: { id: string; version: number; reason: string | null }, retract: boolean) {
  const target = { entityType: "CLAIM", noun: "claim", id: data.id, expected: data.version } as const;
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.id } });
    if (!claim) throw notFound("The claim");
    await assertVersion(tx, target, claim);
    if (claim.mergedIntoId) throw new AppError("CONFLICT", "This claim was merged into another; undo the merge on that claim's review page instead.");
    const change = retraction(claim, retract, data.reason, "claim");
    const version = await commitVersion(tx, target, (where) => tx.claim.updateMany({ where, data: { ...change.data, version: { increment: 1 } } }), {
      action: change.action,
      changes: change.changes,
      reason: data.reason,
      claimId: claim.id,
      userId: actor.id,
    });
    await refreshClaimSummaries(tx, [claim.id]);
    await refreshCorpusCounts(tx);
    return { slug: claim.slug, version };
  });
}
