import { describe, expect, it } from "vitest";
import * as staticInfo from "next/dist/build/analysis/get-page-static-info";
import { getMiddlewareRouteMatcher } from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import type { BaseNextRequest } from "next/dist/server/base-http";
import nextConfig from "../../next.config";
import { config as proxyConfig } from "../../proxy";
import { isReaderPage } from "./reader-pages";

// Which requests for reader pages are answered from the kept pages is said in three places
// Next.js reads separately: next.config.ts's rewrites, proxy.ts's matcher (which must be
// literal) and the tags lib/reader/reader-pages.ts gives each page. Matched here with Next.js's
// own matching, every request must go exactly one way: rewritten to its kept page, or through
// the proxy.

type Request = { path: string; headers?: Record<string, string> };

// Not in its type declarations, but what Next.js compiles a proxy's matcher with.
const { getMiddlewareMatchers } = staticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, config: object) => staticInfo.ProxyMatcher[] };

const proxyRuns = (() => {
  const matches = getMiddlewareRouteMatcher(getMiddlewareMatchers(proxyConfig.matcher, {}));
  return ({ path, headers = {} }: Request) => {
    const url = new URL(path, "http://x");
    return matches(url.pathname, { headers } as unknown as BaseNextRequest, Object.fromEntries(url.searchParams));
  };
})();

async function rewrittenTo({ path, headers = {} }: Request): Promise<string | null> {
  const rewrites = await nextConfig.rewrites!();
  const url = new URL(path, "http://x");
  for (const rule of Array.isArray(rewrites) ? rewrites : (rewrites.beforeFiles ?? [])) {
    const params = getPathMatch(rule.source)(url.pathname);
    if (params && matchHas({ headers } as unknown as BaseNextRequest, Object.fromEntries(url.searchParams), rule.has, rule.missing)) return rule.destination;
  }
  return null;
}

const READER = [
  "/",
  "/claims",
  "/claims/some-claim",
  "/sources",
  "/sources/src-1",
  "/actors",
  "/actors/kcna",
  "/outlets",
  "/topics/troops/matrix",
  "/about/statuses",
];
const OTHER = [
  "/sources/new",
  "/claims/some-claim/review",
  "/claims/some-claim/history",
  "/actors/kcna/edit",
  "/search",
  "/requests",
  "/sign-in",
  "/api/claims",
  "/reader-html/claims/x",
  "/topics/troops",
];

describe("the kept reader pages", () => {
  it("a visitor's or a signed-in reader's request for a reader page is rewritten to its kept page and never passes the proxy", async () => {
    const cookies: Record<string, string>[] = [{}, { cookie: "better-auth.session_token=abc.def" }, { cookie: "__Secure-better-auth.session_token=abc" }];
    for (const path of READER) {
      for (const headers of cookies) {
        expect(await rewrittenTo({ path, headers }), `${path} ${JSON.stringify(headers)}`).toBe("/reader-html");
        expect(proxyRuns({ path, headers }), `${path} ${JSON.stringify(headers)}`).toBe(false);
      }
      expect(isReaderPage(path), path).toBe(true);
    }
  });

  it("every other request passes the proxy and is not rewritten", async () => {
    const signedIn = { cookie: "better-auth.session_token=abc.def" };
    const requests: Request[] = [
      ...OTHER.map((path) => ({ path })),
      ...OTHER.map((path) => ({ path, headers: signedIn })),
      ...READER.map((path) => ({ path, headers: { rsc: "1", ...signedIn } })),
      ...READER.map((path) => ({ path, headers: { "next-action": "abc" } })),
      // A form posted before the page's scripts ran: a server action without its header.
      ...READER.map((path) => ({ path, headers: { "content-type": "multipart/form-data; boundary=x", ...signedIn } })),
      ...READER.map((path) => ({ path, headers: { "x-corroborate-whole-page": "1" } })),
      { path: "/claims?q=troops" },
      { path: "/claims/some-claim?asOf=2024-11-01" },
    ];
    for (const request of requests) {
      expect(await rewrittenTo(request), JSON.stringify(request)).toBeNull();
      expect(proxyRuns(request), JSON.stringify(request)).toBe(true);
    }
    for (const path of OTHER.filter((p) => p !== "/reader-html/claims/x")) expect(isReaderPage(path), path).toBe(false);
  });

  it("another cookie, or a filter, still gets the plain page", async () => {
    expect(await rewrittenTo({ path: "/claims?topic=troops&status=CONTESTED", headers: { cookie: "theme=dark" } })).toBe("/reader-html");
    expect(proxyRuns({ path: "/claims?topic=troops", headers: { cookie: "theme=dark" } })).toBe(false);
  });
});
