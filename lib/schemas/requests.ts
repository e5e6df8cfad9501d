import { z } from "zod";
import { HttpUrlSchema, OptionalTextSchema, TextSchema } from "./common";
import { Id, Version } from "./writes";

// What a reader's request to check a claim accepts, and an analyst's decision on it (issue 14).

/** The longest request text and reason a reader may send. */
export const MAX_REQUEST_CHARS = 2_000;

export const CheckRequestSchema = z.strictObject({
  /** The claim as the reader heard it. */
  text: TextSchema(MAX_REQUEST_CHARS),
  /** Where they saw it. */
  url: z
    .string()
    .trim()
    .max(2_000, "must be at most 2000 characters")
    .optional()
    .transform((value) => value || undefined)
    .pipe(HttpUrlSchema.optional()),
  /** Why it should be checked. */
  why: TextSchema(MAX_REQUEST_CHARS),
});
export type CheckRequestInput = z.input<typeof CheckRequestSchema>;

export const DecideRequestSchema = z.discriminatedUnion(
  "decision",
  [
    z.strictObject({
      id: Id,
      version: Version,
      decision: z.literal("ACCEPT"),
      /** For a request that matched no claim: the new claim's wording and topic. */
      claimText: OptionalTextSchema(500),
      topic: Id.optional(),
      reason: OptionalTextSchema(1_000),
    }),
    z.strictObject({ id: Id, version: Version, decision: z.literal("DECLINE"), reason: TextSchema(1_000) }),
  ],
  { error: "must be ACCEPT or DECLINE" },
);
