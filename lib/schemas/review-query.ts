import { z } from "zod";
import { SlugSchema } from "./common";

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "That is not a calendar date.");

/** The claim page's "as of" parameter: a day, or nothing; a bad value is reported, not guessed. */
export function parseAsOf(raw: string | string[] | undefined): { date: string | null; problem?: string } {
  if (raw === undefined || raw === "") return { date: null };
  if (Array.isArray(raw)) return { date: null, problem: "“As of” was not shown: give one date, not several." };
  const parsed = IsoDay.safeParse(raw);
  return parsed.success ? { date: parsed.data } : { date: null, problem: `“As of” was not shown: ${parsed.error.issues[0]?.message ?? "not a date."}` };
}

/** The review queue's filters, from its query string. */
export const QueueQuerySchema = z.strictObject({
  topic: z
    .union([z.literal(""), SlugSchema])
    .optional()
    .transform((v) => v || undefined),
  /** contested: the strongest conflict first; disagreed: where analysts' own ratings differ most; requested: accepted readers' requests. */
  show: z.enum(["contested", "disagreed", "requested", "across"], { error: "must be contested, disagreed, requested or across" }).default("contested"),
  review: z.enum(["unreviewed", "reviewed", "all"], { error: "must be unreviewed, reviewed or all" }).default("all"),
  assignee: z.enum(["mine", "unassigned", "all"], { error: "must be mine, unassigned or all" }).default("all"),
  page: z.coerce.number({ error: "must be a page number" }).int("must be a page number").min(1, "must be 1 or more").max(10_000, "is too far").default(1),
});

export const MatrixQuerySchema = z.strictObject({
  sort: z.enum(["diagnostic", "date", "outlet"], { error: "must be diagnostic, date or outlet" }).default("diagnostic"),
});
