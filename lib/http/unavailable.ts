import { HOLD_MS } from "../database/fault-breaker";
import { FAULT_MESSAGE } from "../database/faults";

/** While the database is down: a plain page (or JSON for the API) that says so, and when to retry. */
export function unavailable(pathname: string, headers: Record<string, string>): Response {
  const retry = { "Retry-After": String(Math.ceil(HOLD_MS / 1_000) + 1), ...headers };
  const message = FAULT_MESSAGE.CANNOT_REACH;
  if (pathname.startsWith("/api/")) return Response.json({ error: { code: "UNAVAILABLE", message } }, { status: 503, headers: retry });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unavailable · Corroborate</title></head><body><main><h1>Corroborate is unavailable for a moment</h1><p>${message}</p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", ...retry } });
}
