import { AppError, notFound } from "../errors";
import { RELATION_LABEL } from "../labels";
import { defineWrite } from "../write/context";
import { RelationCreateSchema, RelationRemoveSchema } from "../schemas/review";
import { findClaimRef } from "./find-claim";

const describe = (kind: string, slug: string) => `${RELATION_LABEL[kind]?.from ?? kind} ${slug}`;

/** Relates two claims (contradicts, variant of, narrower than, same as); recorded in both histories. */
export const addRelation = defineWrite(
  {
    role: "ANALYST",
    doing: "relate claims",
    input: RelationCreateSchema,
    duplicate: { message: "These claims are already related this way.", field: "toClaim" },
  },
  async (w, data) => {
    const { tx } = w;
    const from = await tx.claim.findUnique({ where: { id: data.fromClaimId }, select: { id: true, slug: true, version: true } });
    if (!from) throw notFound("The claim");
    const to = await findClaimRef(tx, data.toClaim, "toClaim");
    if (to.id === from.id) throw new AppError("INVALID", "A claim cannot be related to itself.", "toClaim");
    if (to.mergedIntoId) throw new AppError("INVALID", `"${to.slug}" was merged into another claim; relate that one.`, "toClaim");
    const reverse = await tx.claimRelation.findFirst({ where: { fromClaimId: to.id, toClaimId: from.id, kind: data.kind }, select: { id: true } });
    if (reverse) throw new AppError("CONFLICT", "These claims are already related this way, the other way round.", "toClaim");
    const relation = await tx.claimRelation.create({
      data: { fromClaimId: from.id, toClaimId: to.id, kind: data.kind, note: data.note },
      select: { id: true },
    });
    for (const [claim, text] of [
      [from, describe(data.kind, to.slug)],
      [to, `${RELATION_LABEL[data.kind]?.to ?? data.kind} ${from.slug}`],
    ] as const) {
      await w.revise({
        entityType: "CLAIM",
        entityId: claim.id,
        version: claim.version,
        action: "UPDATE",
        changes: { relation: [null, text] },
        reason: data.note,
        claimId: claim.id,
      });
    }
    w.showClaims(from.id, to.id);
    return { id: relation.id, slug: from.slug };
  },
);

/** Removes a relation; the removal is recorded in both claims' histories. */
export const removeRelation = defineWrite({ role: "ANALYST", doing: "relate claims", input: RelationRemoveSchema }, async (w, data) => {
  const { tx } = w;
  const relation = await tx.claimRelation.findUnique({
    where: { id: data.id },
    include: { fromClaim: { select: { id: true, slug: true, version: true } }, toClaim: { select: { id: true, slug: true, version: true } } },
  });
  if (!relation) throw notFound("The relation");
  await tx.claimRelation.delete({ where: { id: relation.id } });
  for (const [claim, text] of [
    [relation.fromClaim, describe(relation.kind, relation.toClaim.slug)],
    [relation.toClaim, `${RELATION_LABEL[relation.kind]?.to ?? relation.kind} ${relation.fromClaim.slug}`],
  ] as const) {
    await w.revise({
      entityType: "CLAIM",
      entityId: claim.id,
      version: claim.version,
      action: "UPDATE",
      changes: { relation: [text, null] },
      reason: data.reason,
      claimId: claim.id,
    });
  }
  w.showClaims(relation.fromClaim.id, relation.toClaim.id);
  return { slug: relation.fromClaim.slug };
});
