import { AppError } from "../errors";
import { faultError } from "../database/faults";
import { noteDatabaseFault } from "../database/fault-breaker";
import type { RevisionView } from "../revisions/history";
import type { DuplicateSource } from "../sources/write-source";
import type { FieldErrors } from "../schemas/parse-input";

/** What a server action returns to its form: the result, or what to show beside which field. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: string;
      message: string;
      /** field path -> message, for the message beside each field. */
      fieldErrors: FieldErrors;
      /** For a refused stale edit: what the other person changed meanwhile. */
      conflict?: RevisionView[];
      /** For a source already stored: where it is. */
      duplicate?: DuplicateSource;
    };

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

/** Turns an error from lib/ into a form's result; anything unexpected is logged and stays vague. */
export function actionError(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof AppError) {
    const details = (error.details ?? {}) as { fieldErrors?: FieldErrors; revisions?: RevisionView[]; duplicate?: DuplicateSource };
    return {
      ok: false,
      code: error.code,
      message: error.message,
      fieldErrors: details.fieldErrors ?? (error.field ? { [error.field]: error.message } : {}),
      conflict: details.revisions,
      duplicate: details.duplicate,
    };
  }
  const fault = faultError(error);
  if (fault) {
    noteDatabaseFault();
    return { ok: false, code: fault.code, message: fault.message, fieldErrors: {} };
  }
  console.error(error);
  return { ok: false, code: "INTERNAL", message: "Something went wrong on our side; nothing was saved. Try again.", fieldErrors: {} };
}
