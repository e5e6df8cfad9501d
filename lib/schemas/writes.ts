import { z } from "zod";
import { ActorKind, OutletKind, Position, SourceKind, StanceMode } from "../../generated/sqlite/enums";
import { HttpUrlSchema, LanguageSchema, OptionalTextSchema, PartialDateSchema, SlugSchema, TextSchema } from "./common";

// What every write accepts, from a form or from the JSON API alike. lib/ parses with these
// (lib/schemas/parse-input.ts); nothing reaches the database unparsed.

/** Longest source text accepted: about 150 pages of prose. */
export const MAX_SOURCE_CHARS = 500_000;
export const MAX_QUOTE_CHARS = 5_000;

/** A chosen record's id; the version an edit started from; the optional why of a change. */
export const Id = z.string().trim().min(1, "must be chosen").max(100, "is not an id");
export const Version = z.coerce.number({ error: "is missing" }).int().positive();
export const Reason = OptionalTextSchema(1_000);

export const NewOutletSchema = z.strictObject({
  name: TextSchema(200),
  kind: z.enum(OutletKind, { error: "must be chosen" }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, "must be a two-letter country code such as US")
    .optional()
    .transform((value) => value || null),
});

export const OutletUpdateSchema = z.strictObject({ id: Id, version: Version, reason: Reason, ...NewOutletSchema.shape });

/** An existing record by id, or a new one described in full. */
const existingOrNew = <S extends z.ZodType>(schema: S) =>
  z.union([z.strictObject({ id: Id }), z.strictObject({ new: schema })], { error: "choose an existing one or describe a new one" });

const SourceMetadataFields = {
  title: TextSchema(300),
  outlet: existingOrNew(NewOutletSchema),
  /** A list of names (the API, an import), or comma- or line-separated names as on the byline (a form). */
  authors: z
    .union([
      z.array(z.string().trim().min(1, "must not be empty").max(200, "each name must be at most 200 characters")).max(20, "at most 20 authors"),
      z
        .string()
        .max(1_000, "must be at most 1000 characters")
        .transform((value) =>
          value
            .split(/[,\n]/)
            .map((name) => name.trim())
            .filter(Boolean),
        )
        .pipe(z.array(z.string().max(200, "each name must be at most 200 characters")).max(20, "at most 20 authors")),
    ])
    .default([]),
  url: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(HttpUrlSchema.optional()),
  published: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(PartialDateSchema.optional()),
  kind: z.enum(SourceKind, { error: "must be chosen" }),
  language: LanguageSchema,
  metadataNote: OptionalTextSchema(1_000),
};

export const SourceCreateSchema = z.strictObject({
  ...SourceMetadataFields,
  text: z
    .string({ error: "must not be empty" })
    .max(MAX_SOURCE_CHARS, `is too long: at most ${MAX_SOURCE_CHARS.toLocaleString("en")} characters`)
    .refine((text) => text.trim().length > 0, "must not be empty"),
});
export type SourceCreateInput = z.input<typeof SourceCreateSchema>;

export const SourceUpdateSchema = z.strictObject({ id: Id, version: Version, reason: Reason, ...SourceMetadataFields });
export type SourceUpdateInput = z.input<typeof SourceUpdateSchema>;

/** A new text of a stored source (decision 0025): a corrected text uploaded, or the one fetched again from its address. */
export const SourceTextSchema = z.strictObject({ id: Id, version: Version, reason: Reason, text: SourceCreateSchema.shape.text });
export type SourceTextInput = z.input<typeof SourceTextSchema>;
export const SourceRefetchSchema = z.strictObject({ id: Id, version: Version, reason: Reason });
export type SourceRefetchInput = z.input<typeof SourceRefetchSchema>;

export const NewActorSchema = z.strictObject({
  name: TextSchema(200),
  kind: z.enum(ActorKind, { error: "must be chosen" }),
  description: OptionalTextSchema(500),
  /** Made from the name when not given (an import gives its own key). */
  slug: SlugSchema.optional(),
  /** An unnamed source ("unnamed officials"): never one origin across publishers. */
  unnamed: z.boolean().optional(),
});

export const ActorUpdateSchema = z.strictObject({ id: Id, version: Version, reason: Reason, ...NewActorSchema.omit({ slug: true }).shape });
export type ActorUpdateInput = z.input<typeof ActorUpdateSchema>;

export const NewClaimSchema = z.strictObject({ text: TextSchema(500), topic: Id });

export const ClaimUpdateSchema = z.strictObject({ id: Id, version: Version, reason: Reason, ...NewClaimSchema.shape });
export type ClaimUpdateInput = z.input<typeof ClaimUpdateSchema>;

const Offset = z.number().int().nonnegative();

export const StanceCreateSchema = z
  .strictObject({
    sourceId: Id,
    quote: z
      .string()
      .max(MAX_QUOTE_CHARS, `must be at most ${MAX_QUOTE_CHARS} characters`)
      .refine((quote) => quote.trim().length > 0, "must not be empty: select the words the source uses"),
    /** Where the browser says the quote is; checked against the text, never trusted. */
    start: Offset.optional(),
    end: Offset.optional(),
    claim: existingOrNew(NewClaimSchema),
    position: z.enum(Position, { error: "must be chosen" }),
    mode: z.enum(StanceMode, { error: "must be chosen" }),
    /** null: the source's own voice. */
    speaker: existingOrNew(NewActorSchema).nullable(),
    note: OptionalTextSchema(2_000),
  })
  .refine((s) => (s.start === undefined) === (s.end === undefined), { message: "give both start and end, or neither", path: ["end"] });
export type StanceCreateInput = z.input<typeof StanceCreateSchema>;

export const StanceUpdateSchema = z.strictObject({
  id: Id,
  version: Version,
  reason: Reason,
  position: z.enum(Position, { error: "must be chosen" }),
  mode: z.enum(StanceMode, { error: "must be chosen" }),
  speaker: existingOrNew(NewActorSchema).nullable(),
  note: OptionalTextSchema(2_000),
});
export type StanceUpdateInput = z.input<typeof StanceUpdateSchema>;

/** An orphaned stance placed in its source's current text (decision 0025): the words the researcher chose there. */
export const StanceReattachFields = z.strictObject({
  id: Id,
  version: Version,
  reason: Reason,
  quote: StanceCreateSchema.shape.quote,
  start: Offset.optional(),
  end: Offset.optional(),
});
export const StanceReattachSchema = StanceReattachFields.refine((s) => (s.start === undefined) === (s.end === undefined), {
  message: "give both start and end, or neither",
  path: ["end"],
});
export type StanceReattachInput = z.input<typeof StanceReattachSchema>;

export const RetractSchema = z.strictObject({ id: Id, version: Version, reason: TextSchema(1_000) });
export const RestoreSchema = z.strictObject({ id: Id, version: Version, reason: Reason });
export type RetractInput = z.input<typeof RetractSchema>;
export type RestoreInput = z.input<typeof RestoreSchema>;
