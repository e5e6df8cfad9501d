// Which requests for a reader page are answered from the kept page (app/reader-html): a visitor's,
// as plain HTML (decision 0020), and a signed-in reader's, as their role sees it (decision 0021).
// The paths, in the form next.config.ts's rewrites take, and what makes a request for one of them
// need its page rendered for it. No imports: next.config.ts reads this. proxy.ts's matcher spells
// the same list out (Next.js wants it literal), and lib/reader/plain-pages.test.ts checks that
// they agree.

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
 * A request for a reader page is rendered for itself, not answered from the kept page, when it
 * comes from Next.js's client router or a server action, sends a body (a form posted before the
 * page's scripts ran, such as "Sign out": a server action without its header), is the server
 * asking for its own page, or asks for what is computed per request (decision 0017: a search
 * `q`, a claim as of a day).
 */
export const NOT_PLAIN = [
  { type: "header", key: "rsc" },
  { type: "header", key: "next-action" },
  { type: "header", key: "content-type" },
  { type: "header", key: WHOLE_PAGE_HEADER },
  { type: "query", key: "q" },
  { type: "query", key: "asOf" },
] as const;

/** Where a visitor's request for a reader page is rewritten to (app/reader-html). */
export const PLAIN_PREFIX = "/reader-html";
