import type { Db } from "../database/create-client";
import { pageTags } from "../cache/page-tags";

// The reader pages a visitor is served as plain HTML (decision 0020): which paths, which query
// parameters keep a page per request instead, and the cache tags of each page.

type ReaderPage = {
  pattern: RegExp;
  /** Query parameters that make the page one computed for the asking (decision 0017), not kept. */
  perRequest?: readonly string[];
  /** The page's tags; the first group of the pattern is its record's slug or id. */
  tags: (db: Db, key: string) => Promise<readonly string[]>;
};

const select = { id: true } as const;

const PAGES: ReaderPage[] = [
  { pattern: /^\/$/, tags: async () => pageTags.home },
  { pattern: /^\/claims$/, perRequest: ["q"], tags: async () => pageTags.claimList },
  {
    pattern: /^\/claims\/([^/]+)$/,
    perRequest: ["asOf"],
    tags: async (db, slug) => pageTags.claim((await db.claim.findUnique({ where: { slug }, select }))?.id ?? null),
  },
  { pattern: /^\/sources$/, tags: async () => pageTags.sourceList },
  {
    pattern: /^\/sources\/(?!new$)([^/]+)$/,
    tags: async (db, id) => pageTags.source(await db.source.findUnique({ where: { id }, select: { id: true, outletId: true } })),
  },
  { pattern: /^\/actors$/, tags: async () => pageTags.actorList },
  { pattern: /^\/actors\/([^/]+)$/, tags: async (db, slug) => pageTags.actor((await db.actor.findUnique({ where: { slug }, select }))?.id ?? null) },
  { pattern: /^\/outlets$/, tags: async () => pageTags.outletList },
  { pattern: /^\/topics\/([^/]+)\/matrix$/, tags: async (db, slug) => pageTags.matrix((await db.topic.findUnique({ where: { slug }, select }))?.id ?? null) },
  { pattern: /^\/about\/statuses$/, tags: async () => pageTags.statuses },
];

/** The reader page at this path and query, when it is one a visitor gets as plain HTML. */
function readerPage(pathname: string, search: URLSearchParams): { page: ReaderPage; key: string } | null {
  for (const page of PAGES) {
    const match = page.pattern.exec(pathname);
    if (!match) continue;
    if (page.perRequest?.some((name) => search.has(name))) return null;
    let key = match[1] ?? "";
    try {
      key = decodeURIComponent(key);
    } catch {} // a malformed escape names no record
    return { page, key };
  }
  return null;
}

export function isReaderPage(pathname: string, search: URLSearchParams): boolean {
  return readerPage(pathname, search) !== null;
}

/** The cache tags of a reader page (path and query), or null for any other page. */
export async function readerPageTags(db: Db, url: URL): Promise<readonly string[] | null> {
  const found = readerPage(url.pathname, url.searchParams);
  return found ? found.page.tags(db, found.key) : null;
}

/** Sent by the server asking for its own page (lib/reader/reader-html.ts): render it whole. */
export const WHOLE_PAGE_HEADER = "x-corroborate-whole-page";

/**
 * Whether this request is a visitor's for a reader page they get as plain HTML: a GET or HEAD,
 * not signed in, not the server asking for its own page, and not Next.js's client router asking
 * for a page's payload (a signed-in page's links and forms).
 */
export function wantsReaderHtml(method: string, url: URL, headers: Headers): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (headers.has(WHOLE_PAGE_HEADER) || headers.has("rsc") || headers.has("next-router-prefetch") || headers.has("next-router-state-tree")) return false;
  if (/(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/.test(headers.get("cookie") ?? "")) return false;
  return isReaderPage(url.pathname, url.searchParams);
}
