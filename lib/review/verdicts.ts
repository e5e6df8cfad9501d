import type { Db } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { hasRole } from "../roles";
import { defineWrite, type WriteContext } from "../write/context";
import type { Confidence, VerdictRating } from "../../generated/sqlite/enums";
import { AssignSchema, VerdictSchema } from "../schemas/review";
import { agreeingWith } from "../analysis/assessment-spread";
import { CONFIDENCE_LABEL, VERDICT_LABEL } from "../labels";

type VerdictInput = { claimId: string; rating: VerdictRating; confidence: Confidence; rationale: string; at?: Date };

/**
 * Publishes a claim's verdict, saying how many of the analysts' own assessments agree with it.
 * Verdicts are kept as the claim's verdict history and the newest is its current verdict; `at`
 * (an import's) places one in that history, otherwise it is given now. A merged claim takes no
 * verdicts: they go to the claim it was merged into.
 */
export async function giveVerdict(w: WriteContext, data: VerdictInput) {
  const { tx } = w;
  const claim = await tx.claim.findUnique({
    where: { id: data.claimId },
    select: { id: true, slug: true, version: true, verdict: true, mergedIntoId: true, assignee: { select: { id: true, name: true } } },
  });
  if (!claim) throw notFound("The claim");
  if (claim.mergedIntoId) throw new AppError("CONFLICT", "This claim was merged into another; give the verdict there.");
  // The claim's lead analyst (its assignee) publishes its verdict; an unassigned claim's, any analyst (decision 0019).
  if (claim.assignee && claim.assignee.id !== w.userId && w.writer.role !== "ADMIN") {
    throw new AppError("FORBIDDEN", `${claim.assignee.name} leads the review of this claim: only they or an admin publish its verdict.`);
  }
  const assessments = await tx.assessment.findMany({ where: { claimId: claim.id }, select: { rating: true } });
  const verdict = await tx.verdict.create({
    data: {
      claimId: claim.id,
      rating: data.rating,
      confidence: data.confidence,
      rationale: data.rationale,
      userId: w.userId,
      assessed: assessments.length,
      agreeing: agreeingWith(data.rating, assessments),
      ...(data.at ? { createdAt: data.at } : {}),
    },
    select: { id: true, createdAt: true },
  });
  const newest = await tx.verdict.findFirstOrThrow({ where: { claimId: claim.id }, orderBy: { createdAt: "desc" }, select: { rating: true } });
  if (newest.rating !== claim.verdict) await tx.claim.update({ where: { id: claim.id }, data: { verdict: newest.rating } });
  await w.revise({
    entityType: "CLAIM",
    entityId: claim.id,
    version: claim.version,
    action: "UPDATE",
    changes: { verdict: [claim.verdict, newest.rating], confidence: [null, data.confidence] },
    reason: data.rationale,
    claimId: claim.id,
  });
  w.showClaims(claim.id);
  w.notify({
    kind: "VERDICT",
    summary: `Verdict published: ${VERDICT_LABEL[data.rating]} (${CONFIDENCE_LABEL[data.confidence].toLowerCase()} confidence)`,
    claimId: claim.id,
  });
  return { slug: claim.slug, verdictId: verdict.id };
}

/** An analyst's verdict, given now (the review page). */
export const setVerdict = defineWrite({ role: "ANALYST", doing: "give verdicts", input: VerdictSchema }, (w, data) => giveVerdict(w, data));

/** Assigns a claim to an analyst for review, or leaves it unassigned (assigneeId null). */
export const assignClaim = defineWrite({ role: "ANALYST", doing: "assign claims for review", input: AssignSchema }, async (w, data) => {
  const { tx } = w;
  const claim = await tx.claim.findUnique({
    where: { id: data.claimId },
    select: { id: true, slug: true, version: true, assignee: { select: { id: true, name: true } } },
  });
  if (!claim) throw notFound("The claim");
  const assignee = data.assigneeId ? await tx.user.findUnique({ where: { id: data.assigneeId }, select: { id: true, name: true, role: true } }) : null;
  if (data.assigneeId && !assignee) throw unknownReference("assigneeId", "The chosen analyst");
  if (assignee && !hasRole(assignee, "ANALYST")) throw new AppError("INVALID", `${assignee.name} is not an analyst.`, "assigneeId");
  if ((claim.assignee?.id ?? null) === (assignee?.id ?? null)) return { slug: claim.slug, changed: false };
  await tx.claim.update({ where: { id: claim.id }, data: { assigneeId: assignee?.id ?? null } });
  await w.revise({
    entityType: "CLAIM",
    entityId: claim.id,
    version: claim.version,
    action: "UPDATE",
    changes: { assignee: [claim.assignee?.name ?? null, assignee?.name ?? null] },
    claimId: claim.id,
  });
  w.showClaims(claim.id);
  return { slug: claim.slug, changed: true };
});

/** Accounts a claim can be assigned to. */
export function listAnalysts(db: Db) {
  return db.user.findMany({ where: { role: { in: ["ANALYST", "ADMIN"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
