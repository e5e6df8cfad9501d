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
  for (const issue of result.error.issues.flatMap((i) => withinUnion(i, []))) {
    const field = issue.path.join(".") || "input";
    fieldErrors[field] ??= issue.message;
  }
  const [field, message] = Object.entries(fieldErrors)[0]!;
  throw new AppError("INVALID", `${field}: ${message}`, field, { fieldErrors });
}

type Issue = { code: string; path: PropertyKey[]; message: string; errors?: Issue[][] };

/**
 * "An existing one or a new one" is a union, and zod reports a wrong value inside the chosen
 * branch ({ new: { kind: "TABLOID" } }) as the whole union failing. The branch the input
 * chose is the one without keys it does not know; its own issues, under the union's path,
 * say which field is wrong.
 */
function withinUnion(issue: Issue, prefix: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== "invalid_union" || !issue.errors) return [{ path, message: issue.message }];
  const chosen = issue.errors.filter((branch) => !branch.some((i) => i.code === "unrecognized_keys" && i.path.length === 0));
  if (chosen.length !== 1) return [{ path, message: issue.message }];
  return chosen[0]!.flatMap((i) => withinUnion(i, path));
}
