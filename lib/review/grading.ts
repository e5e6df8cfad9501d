import { AppError, notFound } from "../errors";
import { diffFields } from "../revisions/record";
import { assertVersion, commitVersion } from "../write/versioned";
import { defineWrite } from "../write/context";
import { reweighClaims } from "../write/reweigh-claims";
import { PartialDateSchema } from "../schemas/common";
import { ClaimQuantitySchema, OutletGradeSchema, SourceGradeSchema, StanceAssessmentSchema } from "../schemas/review";
import type { QuantityKind } from "../analysis/intervals";

/** Grades an outlet's reliability, A–F (null: not graded); every claim quoting it is reweighed in the same transaction. */
export const gradeOutlet = defineWrite({ role: "ANALYST", doing: "grade sources", input: OutletGradeSchema, timeout: 60_000 }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "OUTLET", noun: "outlet", id: data.id, expected: data.version } as const;
  const outlet = await tx.outlet.findUnique({ where: { id: data.id } });
  if (!outlet) throw notFound("The outlet");
  await assertVersion(tx, target, outlet);
  const wanted = { reliability: data.reliability, reliabilityReason: data.reason };
  const changes = diffFields(outlet, wanted);
  if (Object.keys(changes).length === 0) return { version: outlet.version, changed: false };
  const version = await commitVersion(w, target, (where) => tx.outlet.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
    action: "UPDATE",
    changes,
    reason: data.reason,
  });
  await reweighClaims(w, { outletId: outlet.id, was: outlet.reliability });
  await w.showChangedGrade({ outletId: outlet.id });
  w.outlets.add(outlet.id);
  return { version, changed: true };
});

/** Overrides one source's reliability (null: use the outlet's grade again), with a reason. */
export const gradeSource = defineWrite({ role: "ANALYST", doing: "grade sources", input: SourceGradeSchema }, async (w, data) => {
  const { tx } = w;
  if (data.reliability && !data.reason) throw new AppError("INVALID", "Say why this source is graded apart from its outlet.", "reason");
  const target = { entityType: "SOURCE", noun: "source", id: data.id, expected: data.version } as const;
  const source = await tx.source.findUnique({ where: { id: data.id }, select: { id: true, version: true, reliability: true, reliabilityReason: true } });
  if (!source) throw notFound("The source");
  await assertVersion(tx, target, source);
  const wanted = { reliability: data.reliability, reliabilityReason: data.reliability ? data.reason : null };
  const changes = diffFields(source, wanted);
  if (Object.keys(changes).length === 0) return { version: source.version, changed: false };
  const version = await commitVersion(w, target, (where) => tx.source.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
    action: "UPDATE",
    changes,
    reason: data.reason,
    sourceId: source.id,
  });
  await reweighClaims(w, { sourceId: source.id, was: source.reliability });
  await w.showChangedGrade({ sourceId: source.id });
  w.sources.add(source.id);
  return { version, changed: true };
});

/** A bound typed by an analyst: a figure for a number claim; a date (start or end of its period) for a date claim. */
function readBound(kind: QuantityKind, text: string | number | null, end: "low" | "high", field: string): number | null {
  if (text === null || typeof text === "number") return text;
  if (kind === "NUMBER") {
    const n = Number(text.replaceAll(/[,\s]/g, ""));
    if (!Number.isFinite(n)) throw new AppError("INVALID", `${text} is not a number; write it like 10,000.`, field);
    return n;
  }
  const parsed = PartialDateSchema.safeParse(text);
  if (!parsed.success) throw new AppError("INVALID", `${text} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD.`, field);
  const { date, precision } = parsed.data;
  if (end === "low") return date.getTime();
  const next = new Date(date);
  if (precision === "DAY") next.setUTCDate(next.getUTCDate() + 1);
  else if (precision === "MONTH") next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next.getTime() - 1;
}

/**
 * An analyst's assessment of one stance: its information credibility, 1–6 (null: not
 * assessed), and for a quantity claim the interval its words give, when the parsed one is
 * wrong (intervalManual; both bounds blank means "no figure here").
 */
export const assessStance = defineWrite({ role: "ANALYST", doing: "assess stances", input: StanceAssessmentSchema }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
  const stance = await tx.stance.findUnique({ where: { id: data.id }, include: { claim: { select: { slug: true, quantityKind: true } } } });
  if (!stance) throw notFound("The stance");
  await assertVersion(tx, target, stance);
  const kind = stance.claim.quantityKind;
  if (data.intervalManual && !kind) throw new AppError("INVALID", "The claim is not a number or date claim; mark it as one first.", "intervalManual");
  const low = data.intervalManual ? readBound(kind!, data.intervalLow, "low", "intervalLow") : null;
  const high = data.intervalManual ? readBound(kind!, data.intervalHigh, "high", "intervalHigh") : null;
  if (low !== null && high !== null && low > high) throw new AppError("INVALID", "The upper bound must not be below the lower bound.", "intervalHigh");
  const wanted = { credibility: data.credibility, intervalManual: data.intervalManual, intervalLow: low, intervalHigh: high };
  const changes = diffFields(stance, wanted);
  if (Object.keys(changes).length === 0) return { claimSlug: stance.claim.slug, version: stance.version, changed: false };
  const version = await commitVersion(w, target, (where) => tx.stance.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
    action: "UPDATE",
    changes,
    reason: data.reason,
    claimId: stance.claimId,
    sourceId: stance.sourceId,
  });
  w.touchClaims(stance.claimId);
  w.sources.add(stance.sourceId);
  return { claimSlug: stance.claim.slug, version, changed: true };
});

/** Marks a claim as one about a number or a date (its stances then get intervals), or neither. */
export const setClaimQuantity = defineWrite({ role: "ANALYST", doing: "mark quantity claims", input: ClaimQuantitySchema }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "CLAIM", noun: "claim", id: data.id, expected: data.version } as const;
  const claim = await tx.claim.findUnique({ where: { id: data.id }, select: { id: true, slug: true, version: true, quantityKind: true } });
  if (!claim) throw notFound("The claim");
  await assertVersion(tx, target, claim);
  const changes = diffFields(claim, { quantityKind: data.quantityKind });
  if (Object.keys(changes).length === 0) return { slug: claim.slug, version: claim.version, changed: false };
  // A figure typed by hand for a number claim means nothing for a date claim: such intervals go back to being parsed.
  const { count } = await tx.stance.updateMany({
    where: { claimId: claim.id, intervalManual: true },
    data: { intervalManual: false, intervalLow: null, intervalHigh: null },
  });
  if (count > 0) changes.intervalsSetByHand = [count, 0];
  const version = await commitVersion(
    w,
    target,
    (where) => tx.claim.updateMany({ where, data: { quantityKind: data.quantityKind, version: { increment: 1 } } }),
    { action: "UPDATE", changes, reason: data.reason, claimId: claim.id },
  );
  w.touchClaims(claim.id);
  return { slug: claim.slug, version, changed: true };
});
