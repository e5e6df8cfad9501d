import { z } from "zod";
import { AppError } from "../errors";

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * Validates query parameters against a zod object schema. Empty values count as absent
 * (an HTML form sends `status=` for "any"); a parameter given twice, or one the schema
 * does not know, is an error naming it.
 */
export function parseParams<S extends z.ZodObject>(schema: S, params: Params): z.infer<S> {
  const entries = params instanceof URLSearchParams ? groupEntries(params) : Object.entries(params);
  const input: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 1) throw new AppError("INVALID", `The parameter "${name}" is given more than once.`, name);
      if (value[0] !== undefined && value[0] !== "") input[name] = value[0];
    } else if (value !== "") {
      input[name] = value;
    }
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const name = issue.keys[0]!;
    throw new AppError("INVALID", `Unknown parameter "${name}": allowed are ${Object.keys(schema.shape).join(", ")}.`, name);
  }
  const name = String(issue.path[0] ?? "query");
  throw new AppError("INVALID", `The parameter "${name}" ${issue.message}.`, name);
}

function groupEntries(params: URLSearchParams): [string, string[]][] {
  return [...new Set(params.keys())].map((name) => [name, params.getAll(name)]);
}
