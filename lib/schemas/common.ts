import { z } from "zod";

export const SlugSchema = z
  .string()
  .min(1, "must not be empty")
  .max(120, "must be at most 120 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters and digits joined by single hyphens");

/** "2024", "2024-11" or "2024-11-06": a publication date as precise as it is known. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD")
  .transform((value, ctx) => {
    const [year, month = "01", day = "01"] = value.split("-");
    const date = new Date(`${year}-${month}-${day}T00:00:00.000Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${year}-${month}-${day}`) {
      ctx.addIssue({ code: "custom", message: `${value} is not a calendar date` });
      return z.NEVER;
    }
    const precision = value.length === 4 ? "YEAR" : value.length === 7 ? "MONTH" : "DAY";
    return { date, precision } as const;
  });

/** Trimmed, non-empty text of at most `max` characters. */
export const TextSchema = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Optional text: an empty or blank field means "none". */
export const OptionalTextSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : null));

export const LanguageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, "must be a language code such as en or pt-BR");

export const HttpUrlSchema = z.url({ protocol: /^https?$/, error: "must be a full http:// or https:// address" }).max(2_000);
