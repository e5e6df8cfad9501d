import { z } from "zod";
import { Confidence, QuantityKind, RelationKind, Reliability, VerdictRating } from "../../generated/sqlite/enums";
import { OptionalTextSchema, TextSchema } from "./common";
import { Id, Reason, Version } from "./writes";

// What the analysts' writes accept (lib/review/), from a form or the JSON API alike.

/** Every rating an analyst can give: "Unreviewed" is where a claim starts, not a verdict. */
export const GIVEN_VERDICTS = Object.values(VerdictRating).filter((v) => v !== "UNREVIEWED") as Exclude<VerdictRating, "UNREVIEWED">[];

export const VerdictSchema = z.strictObject({
  claimId: Id,
  rating: z.enum(GIVEN_VERDICTS, { error: "must be chosen" }),
  confidence: z.enum(Confidence, { error: "must be chosen" }),
  rationale: TextSchema(5_000),
});

/** An analyst's own assessment of a claim (independent of the others', decision 0019). */
export const AssessmentSchema = VerdictSchema;

/** An analyst chooses to see the others' assessments before giving their own. */
export const RevealSchema = z.strictObject({ claimId: Id });

export const AssignSchema = z.strictObject({
  claimId: Id,
  /** null: unassigned. */
  assigneeId: Id.nullable(),
});

const Grade = z.enum(Reliability, { error: "must be one of A to F" });

export const OutletGradeSchema = z.strictObject({ id: Id, version: Version, reliability: Grade.nullable(), reason: Reason });
export const SourceGradeSchema = z.strictObject({ id: Id, version: Version, reliability: Grade.nullable(), reason: Reason });

/**
 * A figure ("10,000") or, for a date claim, a date ("2024-06-18"), as an analyst types it; blank:
 * open. A number (an import's, or the API's) is the bound itself: a figure, or epoch milliseconds.
 */
const Bound = z
  .union([
    z.number().finite(),
    z
      .string()
      .trim()
      .max(40, "is too long")
      .optional()
      .transform((value) => value || null),
  ])
  .nullable()
  .transform((value) => value ?? null);

export const StanceAssessmentSchema = z.strictObject({
  id: Id,
  version: Version,
  credibility: z.coerce.number({ error: "must be 1 to 6" }).int().min(1, "must be 1 to 6").max(6, "must be 1 to 6").nullable(),
  /** false: the interval is read from the quote by the documented rules. */
  intervalManual: z.boolean().default(false),
  intervalLow: Bound,
  intervalHigh: Bound,
  reason: Reason,
});

export const ClaimQuantitySchema = z.strictObject({ id: Id, version: Version, quantityKind: z.enum(QuantityKind).nullable(), reason: Reason });

export const RelationCreateSchema = z.strictObject({
  fromClaimId: Id,
  /** The other claim, by its address (slug) or id. */
  toClaim: z.string().trim().min(1, "must name a claim by its address").max(300, "is too long"),
  kind: z.enum(RelationKind, { error: "must be chosen" }),
  note: OptionalTextSchema(1_000),
});

export const RelationRemoveSchema = z.strictObject({ id: Id, reason: Reason });

export const MergeSchema = z.strictObject({
  /** The claim that goes: its stances move to the survivor and its address redirects there. */
  fromClaimId: Id,
  /** The survivor, by its address (slug) or id. */
  intoClaim: z.string().trim().min(1, "must name a claim by its address").max(300, "is too long"),
  reason: TextSchema(1_000),
});

export const UndoMergeSchema = z.strictObject({ mergeId: Id, reason: Reason });

/** An analyst's word that two claims proposed as one say different things (/review/duplicates). */
export const MarkDistinctSchema = z.strictObject({ pairId: Id });

/** /review/duplicates?page= */
export const DuplicatesQuerySchema = z.strictObject({
  page: z.coerce.number({ error: "must be a page number" }).int("must be a whole number").min(1, "must be 1 or more").max(10_000, "is too far").default(1),
});

/** An analyst's word that two sources joined as copies of one article are not (a source page). */
export const SplitCopiesSchema = z.strictObject({ copyId: Id });
