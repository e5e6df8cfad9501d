import type { Db } from "../database/create-client";
import { AppError, notFound } from "../errors";
import { env } from "../env";
import { spreadOf, type Spread } from "../analysis/assessment-spread";
import { AssessmentSchema, RevealSchema } from "../schemas/review";
import { defineWrite, type WriteContext } from "../write/context";

// Independent assessments (issue 14, decision 0019). Each analyst gives their own rating,
// confidence and rationale for a claim; one per analyst, which they may change. With blind
// assessments on (the default), an analyst sees the others' only once they have given theirs or
// chosen to see them, and everyone sees the spread once a verdict is published. The claim
// stores how many assessed and how far apart they are, for the review queue's order.

/** Recomputes the claim's stored count and disagreement from its assessments. */
async function refreshSpread(w: WriteContext, claimId: string): Promise<Spread> {
  const spread = spreadOf(await w.tx.assessment.findMany({ where: { claimId }, select: { rating: true, confidence: true } }));
  await w.tx.claim.update({ where: { id: claimId }, data: { assessmentCount: spread.count, disagreement: spread.disagreement } });
  return spread;
}

/** Gives (or changes) the signed-in analyst's own assessment of a claim. */
export const assessClaim = defineWrite({ role: "ANALYST", doing: "assess claims", input: AssessmentSchema }, async (w, data) => {
  const { tx } = w;
  const claim = await tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, slug: true, mergedIntoId: true, retractedAt: true } });
  if (!claim) throw notFound("The claim");
  if (claim.mergedIntoId) throw new AppError("CONFLICT", "This claim was merged into another; assess that one.");
  if (claim.retractedAt) throw new AppError("CONFLICT", "This claim is retracted; restore it before assessing it.");
  const userId = w.userId!;
  const mine = await tx.assessment.findUnique({ where: { claimId_userId: { claimId: claim.id, userId } } });
  const fields = { rating: data.rating, confidence: data.confidence, rationale: data.rationale };
  if (mine && mine.rating === fields.rating && mine.confidence === fields.confidence && mine.rationale === fields.rationale) {
    return { slug: claim.slug, changed: false };
  }
  const saved = mine
    ? await tx.assessment.update({ where: { id: mine.id }, data: { ...fields, version: { increment: 1 } }, select: { id: true, version: true } })
    : await tx.assessment.create({ data: { claimId: claim.id, userId, ...fields }, select: { id: true, version: true } });
  // Its history is the assessment's own, not the claim's: the claim's history is public, and an
  // unpublished assessment is blind to the other analysts.
  await w.revise({
    entityType: "ASSESSMENT",
    entityId: saved.id,
    version: saved.version,
    action: mine ? "UPDATE" : "CREATE",
    changes: Object.fromEntries(
      Object.entries(fields)
        .filter(([key, value]) => !mine || mine[key as keyof typeof fields] !== value)
        .map(([key, value]) => [key, [mine ? mine[key as keyof typeof fields] : null, value]]),
    ),
  });
  await refreshSpread(w, claim.id);
  w.showClaims(claim.id);
  return { slug: claim.slug, changed: true };
});

/** The analyst chooses to see the others' assessments of a claim before giving their own. */
export const revealAssessments = defineWrite({ role: "ANALYST", doing: "see other analysts' assessments", input: RevealSchema }, async (w, data) => {
  const claim = await w.tx.claim.findUnique({ where: { id: data.claimId }, select: { id: true, slug: true } });
  if (!claim) throw notFound("The claim");
  const key = { claimId: claim.id, userId: w.userId! };
  await w.tx.assessmentReveal.upsert({ where: { claimId_userId: key }, create: key, update: {} });
  return { slug: claim.slug };
});

export type AssessmentView = {
  analyst: string;
  rating: Spread["ratings"][number]["rating"];
  confidence: "LOW" | "MEDIUM" | "HIGH";
  rationale: string;
  updatedAt: Date;
  mine: boolean;
};

export type ClaimAssessments = {
  /** The signed-in analyst's own, when they have given one. */
  mine: AssessmentView | null;
  /** Whether the others' can be shown to this viewer; when false, `spread` and `all` are empty. */
  visible: boolean;
  /** Whether a verdict is published (the claim page then shows the spread to everyone). */
  published: boolean;
  /** Why not, in words, when they are hidden. */
  hiddenBecause: string | null;
  count: number;
  spread: Spread | null;
  all: AssessmentView[];
};

/**
 * A claim's assessments as one analyst may see them: their own always; everyone's once they
 * have given theirs or chosen to see them, once a verdict is published, or with blind mode off.
 */
export async function claimAssessments(db: Db, claimId: string, userId: string): Promise<ClaimAssessments> {
  const [rows, revealed, published] = await Promise.all([
    db.assessment.findMany({
      where: { claimId },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: { userId: true, rating: true, confidence: true, rationale: true, updatedAt: true, user: { select: { name: true } } },
    }),
    db.assessmentReveal.findUnique({ where: { claimId_userId: { claimId, userId } }, select: { claimId: true } }),
    db.verdict.findFirst({ where: { claimId }, select: { id: true } }),
  ]);
  const all = rows.map((r) => ({
    analyst: r.user.name,
    rating: r.rating,
    confidence: r.confidence,
    rationale: r.rationale,
    updatedAt: r.updatedAt,
    mine: r.userId === userId,
  }));
  const mine = all.find((a) => a.mine) ?? null;
  const visible = !env().CORROBORATE_BLIND_ASSESSMENTS || mine !== null || revealed !== null || published !== null;
  return {
    mine,
    visible,
    published: published !== null,
    hiddenBecause: visible ? null : "Assessments are blind: give yours first, or choose to see the others'.",
    count: all.length,
    spread: visible ? spreadOf(all) : null,
    all: visible ? all : [],
  };
}

/** The spread a published verdict is shown with on the claim page (counts only, no names). */
export async function publishedSpread(db: Db, claimId: string): Promise<Spread> {
  return spreadOf(await db.assessment.findMany({ where: { claimId }, select: { rating: true, confidence: true } }));
}
