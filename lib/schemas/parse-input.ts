import type { z } from "zod";
import { AppError } from "../errors";

export type FieldErrors = Record<string, string>;

/**
 * Validates a write's input. Every problem is reported at once, each under its field path
 * ("outlet.name"), so a form can put each message beside its field; the error's own
 * message names the first.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "input";
    fieldErrors[field] ??= issue.message;
  }
  const [field, message] = Object.entries(fieldErrors)[0]!;
  throw new AppError("INVALID", `${field}: ${message}`, field, { fieldErrors });
}
