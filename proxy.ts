import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isForeignServerAction, isHttps, securityHeaders } from "@/lib/security/headers";
import { databaseDown, HOLD_MS } from "@/lib/database/fault-breaker";
import { FAULT_MESSAGE } from "@/lib/database/faults";
import { isStopping } from "@/lib/http/shutdown";
import { pageRecordMissing } from "@/lib/http/page-records";
import { db } from "@/lib/db";
import { wantsReaderHtml } from "@/lib/reader/reader-pages";

/** While the database is down: a plain page (or JSON for the API) that says so, and when to retry. */
function unavailable(request: NextRequest, headers: Record<string, string>) {
  const retry = { "Retry-After": String(Math.ceil(HOLD_MS / 1_000) + 1), ...headers };
  const message = FAULT_MESSAGE.CANNOT_REACH;
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "UNAVAILABLE", message } }, { status: 503, headers: retry });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unavailable · Corroborate</title></head><body><main><h1>Corroborate is unavailable for a moment</h1><p>${message}</p></main></body></html>`;
  return new NextResponse(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", ...retry } });
}

/**
 * Every request: a fresh script nonce and the page's Content-Security-Policy (on the request,
 * where Next.js reads the nonce, and on the response), the other security headers, and a 403
 * for a server action posted from another site; while the database was just found down, a 503;
 * for a page about a record that does not exist, the 404 page; for a visitor's reader page, its
 * plain HTML (decision 0020);
 * once the process is stopping, `Connection: close`.
 */
export async function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  if (isForeignServerAction(request.method, request.headers)) {
    const refused = NextResponse.json({ error: { code: "FORBIDDEN", message: "This form can only be sent from this site's own pages." } }, { status: 403 });
    for (const [name, value] of Object.entries(securityHeaders({ https }))) refused.headers.set(name, value);
    return refused;
  }
  // The health check always asks the database itself.
  if (request.nextUrl.pathname !== "/api/health" && (await databaseDown())) return unavailable(request, securityHeaders({ https }));
  // A page about a claim, source, speaker, stance or topic that does not exist: Next's 404 page,
  // with its status (lib/http/page-records.ts says why this is asked here).
  const missing = request.method === "GET" && (await pageRecordMissing(db, request.nextUrl.pathname));
  // A visitor's reader page: plain HTML, without scripts of the framework's (decision 0020).
  const plain = !missing && wantsReaderHtml(request.method, request.nextUrl, request.headers);
  const nonce = plain ? null : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  if (nonce) requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = missing
    ? NextResponse.rewrite(new URL("/_not-found", request.url), { request: { headers: requestHeaders } })
    : plain
      ? NextResponse.rewrite(new URL(`/reader-html${request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname}${request.nextUrl.search}`, request.url), {
          request: { headers: requestHeaders },
        })
      : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  // Stopping: this request is served, then its connection closes, so the process can exit.
  if (isStopping()) response.headers.set("Connection", "close");
  return response;
}

export const config = {
  // Not the build's hashed static files, which carry no page and change with every build.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
