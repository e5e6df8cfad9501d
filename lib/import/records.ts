import { z } from "zod";
import {
  ActorKind,
  Confidence,
  OutletKind,
  Position,
  QuantityKind,
  RelationKind,
  Reliability,
  SourceKind,
  StanceMode,
  VerdictRating,
} from "../../generated/sqlite/enums";
import { HttpUrlSchema, LanguageSchema, PartialDateSchema, SlugSchema, TextSchema } from "../schemas/common";
import { MAX_QUOTE_CHARS, MAX_SOURCE_CHARS } from "../schemas/writes";

// The import format's records (docs/import-format.md). Each names what it refers to by its
// natural key (a slug, a source id), so a file can refer to records in itself or already stored,
// and importing it again matches every record instead of doubling it.

const Optional = (max: number) => TextSchema(max).optional();

/** Analysts' grading, carried by outlets and sources; importing it needs an analyst's account. */
const Grading = { reliability: z.enum(Reliability).optional(), reliabilityReason: Optional(1_000) };
/** A figure or date interval set by hand (epoch milliseconds for dates); null bounds are open. */
const Interval = z.strictObject({ low: z.number().finite().nullable(), high: z.number().finite().nullable() });

export const TopicRecord = z.strictObject({ type: z.literal("topic"), slug: SlugSchema, name: TextSchema(200) });
export const OutletRecord = z.strictObject({
  type: z.literal("outlet"),
  slug: SlugSchema,
  name: TextSchema(200),
  kind: z.enum(OutletKind),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a two-letter country code")
    .optional(),
  ...Grading,
});
export const ActorRecord = z.strictObject({
  type: z.literal("actor"),
  slug: SlugSchema,
  name: TextSchema(200),
  kind: z.enum(ActorKind),
  description: Optional(500),
  unnamed: z.boolean().optional(),
});
export const SourceRecord = z.strictObject({
  type: z.literal("source"),
  id: SlugSchema,
  title: TextSchema(300),
  outlet: SlugSchema,
  authors: z.array(TextSchema(200)).max(20).default([]),
  url: HttpUrlSchema.optional(),
  publishedAt: PartialDateSchema.optional(),
  kind: z.enum(SourceKind),
  language: LanguageSchema,
  text: z.string().min(1, "must not be empty").max(MAX_SOURCE_CHARS, `must be at most ${MAX_SOURCE_CHARS} characters`),
  metadataNote: Optional(1_000),
  ...Grading,
});
export const ClaimRecord = z.strictObject({
  type: z.literal("claim"),
  slug: SlugSchema,
  text: TextSchema(500),
  topic: SlugSchema,
  tags: z.array(SlugSchema).max(50).default([]),
  quantity: z.enum(QuantityKind).optional(),
});
export const StanceRecord = z
  .strictObject({
    type: z.literal("stance"),
    claim: SlugSchema,
    source: SlugSchema,
    position: z.enum(Position),
    mode: z.enum(StanceMode),
    quote: z.string().min(1, "must not be empty").max(MAX_QUOTE_CHARS, `must be at most ${MAX_QUOTE_CHARS} characters`),
    /** UTF-16 offsets into the source's text; checked, never trusted. Without them, the quote is found in the text. */
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    /** Which occurrence, 1-based, when the quote occurs more than once and no offsets are given. */
    occurrence: z.number().int().positive().optional(),
    speaker: SlugSchema.optional(),
    note: Optional(2_000),
    /** Admiralty information credibility, 1–6 (analysts). */
    credibility: z.number().int().min(1).max(6).optional(),
    /** The interval set by hand for a quantity claim (analysts). */
    interval: Interval.optional(),
  })
  .refine((s) => (s.start === undefined) === (s.end === undefined), { message: "give both start and end, or neither", path: ["end"] });
export const RelationRecord = z.strictObject({
  type: z.literal("relation"),
  from: SlugSchema,
  to: SlugSchema,
  kind: z.enum(RelationKind),
  note: Optional(1_000),
});
/** One verdict in a claim's history (analysts); the newest is the claim's current verdict. */
export const VerdictRecord = z.strictObject({
  type: z.literal("verdict"),
  claim: SlugSchema,
  rating: z.enum(VerdictRating).exclude(["UNREVIEWED"]),
  confidence: z.enum(Confidence),
  rationale: TextSchema(5_000),
  at: z.iso.datetime({ error: "must be an ISO date and time such as 2024-12-06T10:00:00.000Z" }),
});

export const ImportRecord = z.discriminatedUnion(
  "type",
  [TopicRecord, OutletRecord, ActorRecord, SourceRecord, ClaimRecord, StanceRecord, RelationRecord, VerdictRecord],
  {
    error: "must be one of topic, outlet, actor, source, claim, stance, relation, verdict",
  },
);
export type ImportRecord = z.output<typeof ImportRecord>;
export type RecordType = ImportRecord["type"];

/** The order records are written in, so every reference points at something already there. */
export const RECORD_ORDER: readonly RecordType[] = ["topic", "outlet", "actor", "source", "claim", "stance", "relation", "verdict"];

/** A JSON document's lists, by record type. */
export const DOCUMENT_KEYS: Record<string, RecordType> = {
  topics: "topic",
  outlets: "outlet",
  actors: "actor",
  sources: "source",
  claims: "claim",
  stances: "stance",
  relations: "relation",
  verdicts: "verdict",
};

/** The columns of a stance CSV (against sources and claims already stored or in the same import). */
export const CSV_COLUMNS = ["claim", "source", "position", "mode", "quote", "speaker", "note", "start", "end"] as const;
