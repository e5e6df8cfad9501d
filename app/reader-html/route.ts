import type { NextRequest } from "next/server";
import { readerHtml } from "@/lib/reader/reader-html";
import { PLAIN_PREFIX } from "@/lib/reader/plain-pages";
import { pageOrigin } from "@/lib/http/origin";
import { unavailable } from "@/lib/http/unavailable";
import { isStopping } from "@/lib/http/shutdown";
import { databaseDown } from "@/lib/database/fault-breaker";
import { contentSecurityPolicy, isHttps, securityHeaders } from "@/lib/security/headers";

// A visitor's reader page as plain HTML (decision 0020). next.config.ts rewrites a visitor's
// request for a reader page here, past proxy.ts, so this answer carries the headers proxy.ts
// gives every other one; the page itself is made by lib/reader/reader-html.ts.

export async function GET(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  const headers: Record<string, string> = {
    ...securityHeaders({ https }),
    "Content-Security-Policy": contentSecurityPolicy({ nonce: null, https }),
    ...(isStopping() ? { Connection: "close" } : {}),
  };
  // Rewritten, the request keeps the address the visitor asked for; asked for directly, it has the prefix.
  const { pathname, search } = request.nextUrl;
  const path = `${pathname.startsWith(PLAIN_PREFIX) ? pathname.slice(PLAIN_PREFIX.length) || "/" : pathname}${search}`;
  if (await databaseDown()) return unavailable(path, headers);
  const page = { ...headers, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache", Vary: "Cookie" };
  let answer;
  try {
    answer = await readerHtml(path, pageOrigin(request.headers));
  } catch (error) {
    console.error(error);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not shown · Corroborate</title></head><body><main><h1>This page could not be shown</h1><p>Something went wrong on our side. Please try again in a moment.</p></main></body></html>`;
    return new Response(html, { status: 500, headers: page });
  }
  if (answer.etag === null)
    return new Response(answer.html, { status: answer.status, headers: answer.location ? { ...page, Location: answer.location } : page });
  if (request.headers.get("if-none-match") === answer.etag) return new Response(null, { status: 304, headers: { ...page, ETag: answer.etag } });
  return new Response(answer.html, { headers: { ...page, ETag: answer.etag } });
}
