import "server-only";
import { NextResponse } from "next/server";
import { db } from "../db";
import { AppError } from "../errors";
import type { CurrentUser } from "../roles";
import { userForBearer } from "../auth/api-tokens";
import { errorResponse, WRITE_STATUS } from "./json-route";
import { env } from "../env";
import { clientAddress } from "../auth/client-key";
import { rateLimiter, RateLimited, type RateLimiter } from "../auth/token-rate-limit";
import { recordAudit } from "../audit/record-audit";

const limiter = () => (globals.corroborateTokenLimiter ??= rateLimiter(env().CORROBORATE_API_RATE_LIMIT));
const globals = globalThis as unknown as { corroborateTokenLimiter?: RateLimiter; corroborateRateLogged?: Map<string, number> };

/**
 * The owner of the request's bearer token (required: sessions are not accepted here), within
 * the token's rate limit. Going over it is audited once a minute per token, not per request.
 */
export async function apiUser(request: Request): Promise<CurrentUser> {
  const address = clientAddress(request.headers);
  const user = await userForBearer(db, request.headers.get("authorization"), address);
  if (!user) throw new AppError("UNAUTHENTICATED", 'Send an API token as "Authorization: Bearer cor_…"; make one on /settings.');
  try {
    limiter().take(user.tokenId);
  } catch (error) {
    const logged = (globals.corroborateRateLogged ??= new Map());
    if (error instanceof RateLimited && Date.now() - (logged.get(user.tokenId) ?? 0) > 60_000) {
      logged.set(user.tokenId, Date.now());
      await recordAudit(db, { kind: "TOKEN_RATE_LIMITED", userId: user.id, address, detail: `over ${env().CORROBORATE_API_RATE_LIMIT} requests a minute` });
    }
    throw error;
  }
  return user;
}

/** Largest JSON body the write API reads: a source's text is at most 500,000 characters. */
export const MAX_API_BODY_BYTES = 4 * 1024 * 1024;

/** The request's body as text, refused (MALFORMED, 400) past `max` bytes. */
export async function readBody(request: Request, max: number): Promise<string> {
  const tooLarge = () => new AppError("MALFORMED", `The body is too large: at most ${max / 1024 / 1024} MB. Nothing was written.`);
  if (Number(request.headers.get("content-length") ?? 0) > max) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > max) throw tooLarge();
  return text;
}

/** The request's JSON object; anything else is MALFORMED (400), before any validation. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await readBody(request, MAX_API_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED", "The body is not JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new AppError("MALFORMED", "The body must be a JSON object.");
  return body as Record<string, unknown>;
}

/**
 * A write endpoint: the caller is the owner of the bearer token (required; sessions are not
 * accepted here, so no cross-site form can write), the body a JSON object, and the result
 * JSON with `status`. The lib/ function authorizes and validates, as it does for the forms.
 */
export function apiWrite<C>(
  write: (user: CurrentUser, body: Record<string, unknown>, context: C, request: Request) => Promise<unknown>,
  options: number | { status?: number; body?: "json" | "raw" } = 200,
) {
  const { status = 200, body = "json" } = typeof options === "number" ? { status: options } : options;
  return async (request: Request, context: C) => {
    try {
      const user = await apiUser(request);
      // A raw body is the handler's to read (an import file); a Response it returns is sent as it is.
      const result = await write(user, body === "json" ? await readJsonObject(request) : {}, context, request);
      return result instanceof Response ? result : NextResponse.json(result, { status });
    } catch (error) {
      return errorResponse(error, WRITE_STATUS);
    }
  };
}
