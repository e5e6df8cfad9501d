import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "../errors";
import { faultError } from "../database/faults";
import { noteDatabaseFault } from "../database/fault-breaker";
import { RateLimited } from "../auth/token-rate-limit";
import { perRequest } from "./per-request";

/** When to try again: a rate limit says when its window frees; a database fault, in a few seconds. */
function retryHeaders(error: AppError): Record<string, string> {
  if (error instanceof RateLimited) return { "Retry-After": String(error.retryAfterSeconds) };
  if (error.code === "UNAVAILABLE") return { "Retry-After": "5" };
  return {};
}

const STATUS: Record<AppErrorCode, number> = {
  MALFORMED: 400,
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/** The write API answers a readable body with a wrong value 422, keeping 400 for one it cannot read. */
export const WRITE_STATUS: Record<AppErrorCode, number> = { ...STATUS, INVALID: 422 };

export type ErrorBody = {
  error: { code: string; message: string; field?: string; fields?: Record<string, string>; existing?: { id: string; slug?: string } };
};

/** The one place where errors become HTTP responses. No raw database error reaches a client. */
export function errorResponse(caught: unknown, statuses: Record<AppErrorCode, number> = STATUS): NextResponse<ErrorBody> {
  const fault = faultError(caught);
  if (fault) noteDatabaseFault();
  const error = fault ?? caught;
  if (error instanceof AppError) {
    const { fieldErrors, existing } = (error.details ?? {}) as { fieldErrors?: Record<string, string>; existing?: { id: string; slug?: string } };
    return NextResponse.json(
      {
        error: {
          code: error.code,
          message: error.message,
          field: error.field,
          ...(fieldErrors ? { fields: fieldErrors } : {}),
          ...(existing ? { existing } : {}),
        },
      },
      { status: statuses[error.code], headers: retryHeaders(error) },
    );
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    return NextResponse.json({ error: { code: "INVALID", message: `${field ?? "input"}: ${issue?.message ?? "is invalid"}`, field } }, { status: 400 });
  }
  console.error(error);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Try again." } }, { status: 500 });
}

/**
 * Wraps a route handler: its result is sent as JSON, its errors through errorResponse. Always
 * answered per request (connection()): the build never runs one to keep its answer.
 */
export function jsonRoute<C>(handler: (request: Request, context: C) => Promise<unknown>) {
  return async (request: Request, context: C) => {
    await perRequest();
    try {
      return NextResponse.json(await handler(request, context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
