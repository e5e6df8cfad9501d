import type { Tx } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { diffFields } from "../revisions/record";
import { assertVersion, commitVersion, retraction } from "../write/versioned";
import { ClaimUpdateSchema, NewClaimSchema, RestoreSchema, RetractSchema } from "../schemas/writes";
import { newSlugs } from "../slug";
import { findByKeys } from "../database/in-chunks";
import { takenValues } from "../database/find-by-tuples";
import { insertRows } from "../database/insert-rows";
import { excerpt } from "../format";
import { only, refused, thenEach, written, type Outcome } from "../write/outcome";
import { defineWrite, type WriteContext } from "../write/context";
import { searchableText } from "./search-text";
import { recordClaimPairs } from "../duplicates/find-duplicates";
import type { z } from "zod";

/** A topic by id or slug. */
async function findTopic(tx: Tx, id: string, field: string) {
  const topic = await tx.topic.findFirst({ where: { OR: [{ id }, { slug: id }] }, select: { id: true, slug: true } });
  if (!topic) throw unknownReference(field, "The chosen topic");
  return topic;
}

type NewClaim = z.output<typeof NewClaimSchema> & { slug?: string };
export type AddedClaim = { id: string; slug: string; version: number };

/**
 * A new claim inside the caller's write (the tagging panel adds one with its first stance); it has
 * no stances yet, so it ranks last until one is added. `slug` is the import's own key; otherwise
 * one is made from the wording. `field` names the input the claim came from, for a refusal.
 */
export async function addClaim(w: WriteContext, claim: NewClaim, field = "claim.new"): Promise<AddedClaim> {
  return only(await addClaims(w, [claim], field));
}

/** New claims, many at once (an import) or one: each names a stored topic and gets its slug, its row and its revision. */
export async function addClaims(w: WriteContext, items: readonly NewClaim[], field = ""): Promise<Outcome<AddedClaim>[]> {
  const { tx } = w;
  const topicRefs = items.map((i) => i.topic);
  const topics = new Map<string, { id: string; slug: string }>();
  for (const topic of await findByKeys(topicRefs, (refs) =>
    tx.topic.findMany({ where: { OR: [{ id: { in: refs } }, { slug: { in: refs } }] }, select: { id: true, slug: true } }),
  ))
    topics.set(topic.id, topic).set(topic.slug, topic);
  const withTopic = items.map((item) => {
    const topic = topics.get(item.topic);
    return topic
      ? written({ ...item, topic })
      : refused<NewClaim & { topic: { id: string; slug: string } }>(unknownReference(field ? `${field}.topic` : "topic", "The chosen topic"));
  });
  return thenEach(withTopic, async (known) => {
    const slugs = await newSlugs(
      known.map((c) => ({ slug: c.slug, name: c.text })),
      (candidates) => takenValues(w, "Claim", "slug", candidates),
      "A claim",
    );
    return thenEach(
      known.map((claim, at) => {
        const slug = slugs[at]!;
        return slug instanceof AppError ? refused<typeof claim & { slug: string }>(slug) : written({ ...claim, slug });
      }),
      async (ready) => {
        const rows = await insertRows(
          w,
          "Claim",
          ready.map((c) => ({ slug: c.slug, text: c.text, searchText: searchableText(c.text), topicId: c.topic.id, rankKey: `~${c.slug}` })),
        );
        await w.reviseCreated("CLAIM", rows, (i) => {
          const c = ready[i]!;
          return { fields: { slug: c.slug, text: c.text, topic: c.topic.slug }, claimId: rows[i]!.id };
        });
        // Claims that may say the same as these, for /review/duplicates (decision 0022).
        await recordClaimPairs(
          w,
          rows.map((row) => ({ id: row.id, text: row.text })),
        );
        if (rows.length > 0) w.touchCounts();
        w.showClaims(...rows.map((row) => row.id));
        for (const [i, row] of rows.entries()) w.notify({ kind: "CLAIM", summary: `New claim: “${excerpt(ready[i]!.text)}”`, claimId: row.id });
        return rows.map((row) => written({ id: row.id, slug: row.slug, version: 1 }));
      },
    );
  });
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
  if ("text" in changes) await recordClaimPairs(w, [{ id: claim.id, text: data.text }]);
  // Its wording shows on its page and on the pages quoting it; a new topic moves it between matrices.
  w.showWhereQuoted(claim.id);
  w.topics.add(claim.topicId);
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
  // The pages quoting it show it as retracted, or no longer.
  w.showWhereQuoted(claim.id);
  return { slug: claim.slug, version };
}
