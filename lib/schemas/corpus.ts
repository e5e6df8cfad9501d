import { z } from "zod";
import { ActorKind, OutletKind, Position, QuantityKind, RelationKind, SourceKind, StanceMode } from "../../generated/sqlite/enums";
import { HttpUrlSchema, LanguageSchema, PartialDateSchema, SlugSchema, TextSchema as text } from "./common";

// The curated seed file (seeds/corpus.json): articles' metadata, actors, claims with
// their stances, and relations. Quotes are anchored into the article texts by the loader.

export const CorpusStanceSchema = z.strictObject({
  source: SlugSchema,
  position: z.enum(Position),
  mode: z.enum(StanceMode),
  quote: z.string().min(1, "must not be empty").max(5_000, "must be at most 5000 characters"),
  /** Which occurrence, 1-based, when the quote occurs more than once in the text. */
  occurrence: z.number().int().positive().optional(),
  speaker: SlugSchema.optional(),
  note: text(2_000).optional(),
});

export const CorpusClaimSchema = z.strictObject({
  slug: SlugSchema,
  text: text(500),
  topic: SlugSchema,
  tags: z.array(SlugSchema).default([]),
  /** A claim about a number or a date: its stances get intervals on one axis. */
  quantity: z.enum(QuantityKind).optional(),
  stances: z.array(CorpusStanceSchema).default([]),
});

export const CorpusSourceSchema = z.strictObject({
  id: SlugSchema,
  /** Path of the article text, relative to the corpus file. */
  file: z
    .string()
    .regex(/^[\w./-]+$/, "must be a relative path")
    .refine((p) => !p.split("/").includes(".."), "must stay inside the seeds folder"),
  title: text(300),
  outlet: SlugSchema,
  authors: z.array(text(200)).default([]),
  url: HttpUrlSchema.optional(),
  publishedAt: PartialDateSchema.optional(),
  kind: z.enum(SourceKind),
  language: LanguageSchema,
  metadataNote: text(1_000).optional(),
});

export const CorpusSchema = z.strictObject({
  topics: z.array(z.strictObject({ slug: SlugSchema, name: text(200) })),
  outlets: z.array(
    z.strictObject({
      slug: SlugSchema,
      name: text(200),
      kind: z.enum(OutletKind),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, "must be a two-letter country code")
        .optional(),
    }),
  ),
  actors: z.array(
    z.strictObject({
      slug: SlugSchema,
      name: text(200),
      kind: z.enum(ActorKind),
      description: text(500).optional(),
      /** Unnamed sources ("analysts say"): never one origin across publishers. */
      unnamed: z.boolean().optional(),
    }),
  ),
  sources: z.array(CorpusSourceSchema),
  claims: z.array(CorpusClaimSchema),
  relations: z.array(z.strictObject({ from: SlugSchema, to: SlugSchema, kind: z.enum(RelationKind), note: text(1_000).optional() })).default([]),
});

export type Corpus = z.infer<typeof CorpusSchema>;
