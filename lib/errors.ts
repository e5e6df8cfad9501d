/**
 * MALFORMED: the request itself cannot be read (not JSON); INVALID: it can, but a value is wrong.
 * RATE_LIMITED: too many requests, try later; UNAVAILABLE: the database cannot be reached or written.
 */
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "MALFORMED" | "RATE_LIMITED" | "UNAVAILABLE";

/** The one error type business functions throw; route handlers map it to a status in lib/http. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The input field the error is about, when there is one ("cursor", "stances[3].quote"). */
    readonly field?: string,
    /** Anything a caller needs to explain the error, e.g. the changes behind a CONFLICT. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);

/** "not found" for an id the user sent in a form: a message beside that field, not a 404 page. */
export const unknownReference = (field: string, what: string) => new AppError("INVALID", `${what} does not exist.`, field);
