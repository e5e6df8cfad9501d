import type { Db } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { authorize, hasRole, type CurrentUser } from "../auth/roles";
import { recordRevision } from "../revisions/record";
import { parseInput } from "../schemas/parse-input";
import { AssignSchema, VerdictSchema } from "../schemas/review";

/**
 * Gives a claim a verdict. Verdicts are kept, newest first, as the claim's verdict history;
 * the newest is the claim's current verdict. Only analysts (and admins) give them.
 */
export async function setVerdict(db: Db, user: CurrentUser | null, input: unknown) {
  const analyst = authorize(user, "ANALYST", "give verdicts");
  const data = parseInput(VerdictSchema, input);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, slug: true, version: true, verdict: true, mergedIntoId: true } });
    if (!claim) throw notFound("The claim");
    if (claim.mergedIntoId) throw new AppError("CONFLICT", "This claim was merged into another; give the verdict there.");
    const verdict = await tx.verdict.create({
      data: { claimId: claim.id, rating: data.rating, confidence: data.confidence, rationale: data.rationale, userId: analyst.id },
      select: { id: true, createdAt: true },
    });
    await tx.claim.update({ where: { id: claim.id }, data: { verdict: data.rating } });
    await recordRevision(tx, {
      entityType: "CLAIM",
      entityId: claim.id,
      version: claim.version,
      action: "UPDATE",
      changes: { verdict: [claim.verdict, data.rating], confidence: [null, data.confidence] },
      reason: data.rationale,
      claimId: claim.id,
      userId: analyst.id,
    });
    return { slug: claim.slug, verdictId: verdict.id };
  });
}

/** Assigns a claim to an analyst for review, or leaves it unassigned (assigneeId null). */
export async function assignClaim(db: Db, user: CurrentUser | null, input: unknown) {
  const analyst = authorize(user, "ANALYST", "assign claims for review");
  const data = parseInput(AssignSchema, input);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, slug: true, version: true, assignee: { select: { id: true, name: true } } } });
    if (!claim) throw notFound("The claim");
    const assignee = data.assigneeId ? await tx.user.findUnique({ where: { id: data.assigneeId }, select: { id: true, name: true, role: true } }) : null;
    if (data.assigneeId && !assignee) throw unknownReference("assigneeId", "The chosen analyst");
    if (assignee && !hasRole(assignee, "ANALYST")) throw new AppError("INVALID", `${assignee.name} is not an analyst.`, "assigneeId");
    if ((claim.assignee?.id ?? null) === (assignee?.id ?? null)) return { slug: claim.slug, changed: false };
    await tx.claim.update({ where: { id: claim.id }, data: { assigneeId: assignee?.id ?? null } });
    await recordRevision(tx, {
      entityType: "CLAIM",
      entityId: claim.id,
      version: claim.version,
      action: "UPDATE",
      changes: { assignee: [claim.assignee?.name ?? null, assignee?.name ?? null] },
      claimId: claim.id,
      userId: analyst.id,
    });
    return { slug: claim.slug, changed: true };
  });
}

/** Accounts a claim can be assigned to. */
export function listAnalysts(db: Db) {
  return db.user.findMany({ where: { role: { in: ["ANALYST", "ADMIN"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
