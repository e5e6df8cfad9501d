import type { Db } from "../database/create-client";
import { pageTags } from "../cache/page-tags";

// The cache tags of each reader page a visitor is served as plain HTML (decision 0020), by its
// path; lib/reader/plain-pages.ts says which requests those are.

type ReaderPage = {
  pattern: RegExp;
  /** The page's tags; the first group of the pattern is its record's slug or id. */
  tags: (db: Db, key: string) => Promise<readonly string[]>;
};

const select = { id: true } as const;

const PAGES: ReaderPage[] = [
  { pattern: /^\/$/, tags: async () => pageTags.home },
  { pattern: /^\/claims$/, tags: async () => pageTags.claimList },
  {
    pattern: /^\/claims\/([^/]+)$/,
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

/** The reader page at this path, when it is one a visitor gets as plain HTML. */
function readerPage(pathname: string): { page: ReaderPage; key: string } | null {
  for (const page of PAGES) {
    const match = page.pattern.exec(pathname);
    if (!match) continue;
    let key = match[1] ?? "";
    try {
      key = decodeURIComponent(key);
    } catch {} // a malformed escape names no record
    return { page, key };
  }
  return null;
}

export function isReaderPage(pathname: string): boolean {
  return readerPage(pathname) !== null;
}

/** The cache tags of a reader page, or null for any other page. */
export async function readerPageTags(db: Db, pathname: string): Promise<readonly string[] | null> {
  const found = readerPage(pathname);
  return found ? found.page.tags(db, found.key) : null;
}
