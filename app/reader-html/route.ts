import type { NextRequest } from "next/server";
import { readerHtml } from "@/lib/reader/reader-html";
import { withNonce } from "@/lib/reader/reader-document";
import { PLAIN_PREFIX } from "@/lib/reader/plain-pages";
import { pageOrigin } from "@/lib/http/origin";
import { unavailable } from "@/lib/http/unavailable";
import { isStopping } from "@/lib/http/shutdown";
import { databaseDown } from "@/lib/database/fault-breaker";
import { contentSecurityPolicy, isHttps, newNonce, securityHeaders } from "@/lib/security/headers";
import { currentUser } from "@/lib/auth/session";

// A reader page from the cache: plain HTML for a visitor (decision 0020), the whole page as their
// role sees it for a signed-in reader (decision 0021). next.config.ts rewrites the request for a
// reader page here, past proxy.ts, so this answer carries the headers proxy.ts gives every other
// one; the page itself is made by lib/reader/reader-html.ts.

export async function GET(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  // A session that has ended, or a cookie that is not one, is a visitor's.
  const role = (await currentUser())?.role ?? null;
  // A signed-in page's scripts run by a nonce of this answer's own, put in place of the one the kept page was rendered with.
  const nonce = role ? newNonce() : null;
  const headers: Record<string, string> = {
    ...securityHeaders({ https }),
    "Content-Security-Policy": contentSecurityPolicy({ nonce, https }),
    ...(isStopping() ? { Connection: "close" } : {}),
  };
  // Rewritten, the request keeps the address the visitor asked for; asked for directly, it has the prefix.
  const { pathname, search } = request.nextUrl;
  const path = `${pathname.startsWith(PLAIN_PREFIX) ? pathname.slice(PLAIN_PREFIX.length) || "/" : pathname}${search}`;
  if (await databaseDown()) return unavailable(path, headers);
  const page = { ...headers, "Content-Type": "text/html; charset=utf-8", "Cache-Control": role ? "private, no-cache" : "no-cache", Vary: "Cookie" };
  let answer;
  try {
    answer = await readerHtml(path, pageOrigin(request.headers), role);
  } catch (error) {
    console.error(error);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not shown · Corroborate</title></head><body><main><h1>This page could not be shown</h1><p>Something went wrong on our side. Please try again in a moment.</p></main></body></html>`;
    return new Response(html, { status: 500, headers: page });
  }
  const body = nonce ? withNonce(answer, nonce) : answer.body;
  if (answer.etag === null) return new Response(body, { status: answer.status, headers: answer.location ? { ...page, Location: answer.location } : page });
  if (request.headers.get("if-none-match") === answer.etag) return new Response(null, { status: 304, headers: { ...page, ETag: answer.etag } });
  return new Response(body, { headers: { ...page, ETag: answer.etag } });
}
