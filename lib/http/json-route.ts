import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, type AppErrorCode } from "../errors";

const STATUS: Record<AppErrorCode, number> = { MALFORMED: 400, INVALID: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** The write API answers a readable body with a wrong value 422, keeping 400 for one it cannot read. */
export const WRITE_STATUS: Record<AppErrorCode, number> = { ...STATUS, INVALID: 422 };

export type ErrorBody = {
  error: { code: string; message: string; field?: string; fields?: Record<string, string>; existing?: { id: string; slug?: string } };
};

/** The one place where errors become HTTP responses. No raw database error reaches a client. */
export function errorResponse(error: unknown, statuses: Record<AppErrorCode, number> = STATUS): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    const { fieldErrors, existing } = (error.details ?? {}) as { fieldErrors?: Record<string, string>; existing?: { id: string; slug?: string } };
    return NextResponse.json(
      { error: { code: error.code, message: error.message, field: error.field, ...(fieldErrors ? { fields: fieldErrors } : {}), ...(existing ? { existing } : {}) } },
      { status: statuses[error.code] },
    );
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || undefined;
    return NextResponse.json(
      { error: { code: "INVALID", message: `${field ?? "input"}: ${issue?.message ?? "is invalid"}`, field } },
      { status: 400 },
    );
  }
  console.error(error);
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong on our side. Try again." } }, { status: 500 });
}

/** Wraps a route handler: its result is sent as JSON, its errors through errorResponse. */
export function jsonRoute<C>(handler: (request: Request, context: C) => Promise<unknown>) {
  return async (request: Request, context: C) => {
    try {
      return NextResponse.json(await handler(request, context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
