// Which requests are a visitor's for a reader page, answered as plain HTML (decision 0020): the
// paths, in the form next.config.ts's rewrites take, and what makes a request for one of them
// not a visitor's. No imports: next.config.ts reads this. proxy.ts's matcher spells the same
// list out (Next.js wants it literal), and tests/plain-pages.test.ts checks that they agree.

/** The reader pages. */
export const PLAIN_PAGE_SOURCES = [
  "/",
  "/claims",
  "/claims/:slug",
  "/sources",
  "/sources/:id((?!new$)[^/]+)",
  "/actors",
  "/actors/:slug",
  "/outlets",
  "/topics/:slug/matrix",
  "/about/statuses",
] as const;

/** Sent by the server asking for its own page (lib/reader/reader-html.ts): render it whole. */
export const WHOLE_PAGE_HEADER = "x-corroborate-whole-page";

/**
 * A request for a reader page is not a visitor's plain page when it carries a session (a
 * signed-in reader's full page), comes from Next.js's client router or a server action, is the
 * server asking for its own page, or asks for what is computed per request (decision 0017: a
 * search `q`, a claim as of a day).
 */
export const NOT_PLAIN = [
  { type: "cookie", key: "better-auth.session_token" },
  { type: "cookie", key: "__Secure-better-auth.session_token" },
  { type: "header", key: "rsc" },
  { type: "header", key: "next-action" },
  { type: "header", key: WHOLE_PAGE_HEADER },
  { type: "query", key: "q" },
  { type: "query", key: "asOf" },
] as const;

/** Where a visitor's request for a reader page is rewritten to (app/reader-html). */
export const PLAIN_PREFIX = "/reader-html";
