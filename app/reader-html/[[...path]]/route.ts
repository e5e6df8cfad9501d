import type { NextRequest } from "next/server";
import { readerHtml } from "@/lib/reader/reader-html";
import { pageOrigin } from "@/lib/http/origin";

// A visitor's reader page as plain HTML (decision 0020). proxy.ts sends a visitor's request for
// a reader page here, under this prefix; the page itself is made by lib/reader/reader-html.ts.

const PREFIX = "/reader-html";

export async function GET(request: NextRequest) {
  // Rewritten by proxy.ts, the request keeps the address the visitor asked for.
  const { pathname, search } = request.nextUrl;
  const path = `${pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length) || "/" : pathname}${search}`;
  const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", vary: "Cookie" };
  let page;
  try {
    page = await readerHtml(path, pageOrigin(request.headers));
  } catch (error) {
    console.error(error);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not shown · Corroborate</title></head><body><main><h1>This page could not be shown</h1><p>Something went wrong on our side. Please try again in a moment.</p></main></body></html>`;
    return new Response(html, { status: 500, headers });
  }
  if (page.etag === null) return new Response(page.html, { status: page.status, headers: page.location ? { ...headers, location: page.location } : headers });
  if (request.headers.get("if-none-match") === page.etag) return new Response(null, { status: 304, headers: { ...headers, etag: page.etag } });
  return new Response(page.html, { headers: { ...headers, etag: page.etag } });
}
