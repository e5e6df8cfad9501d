import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isForeignServerAction, isHttps, newNonce, securityHeaders } from "@/lib/security/headers";
import { databaseDown } from "@/lib/database/fault-breaker";
import { unavailable } from "@/lib/http/unavailable";
import { isStopping } from "@/lib/http/shutdown";
import { pageRecordMissing } from "@/lib/http/page-records";
import { db } from "@/lib/db";

/**
 * Every request: a fresh script nonce and the page's Content-Security-Policy (on the request,
 * where Next.js reads the nonce, and on the response), the other security headers, and a 403
 * for a server action posted from another site; while the database was just found down, a 503;
 * for a page about a record that does not exist, the 404 page;
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
  if (request.nextUrl.pathname !== "/api/health" && (await databaseDown())) return unavailable(request.nextUrl.pathname, securityHeaders({ https }));
  // A page about a claim, source, speaker, stance or topic that does not exist: Next's 404 page,
  // with its status (lib/http/page-records.ts says why this is asked here).
  const missing = request.method === "GET" && (await pageRecordMissing(db, request.nextUrl.pathname));
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = missing
    ? NextResponse.rewrite(new URL("/_not-found", request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  // Stopping: this request is served, then its connection closes, so the process can exit.
  if (isStopping()) response.headers.set("Connection", "close");
  return response;
}

export const config = {
  matcher: [
    // Not the build's hashed static files, which carry no page and change with every build; and
    // not a request for a reader page that next.config.ts rewrites to its kept page (app/reader-html,
    // which sets these headers itself; decisions 0020 and 0021). The reader pages are
    // lib/reader/plain-pages.ts's, spelled out because Next.js reads this literally.
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|$|claims$|claims/[^/]+$|sources$|sources/(?!new$)[^/]+$|actors$|actors/[^/]+$|outlets$|topics/[^/]+/matrix$|about/statuses$).*)",
    },
    // A reader page's request that is rendered for itself (lib/reader/plain-pages.ts, NOT_PLAIN).
    { source: "/:path*", has: [{ type: "header", key: "rsc" }] },
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/:path*", has: [{ type: "header", key: "x-corroborate-whole-page" }] },
    { source: "/:path*", has: [{ type: "query", key: "q" }] },
    { source: "/:path*", has: [{ type: "query", key: "asOf" }] },
  ],
};
