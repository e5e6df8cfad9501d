import type { Db } from "../database/create-client";
import { pageTags } from "../cache/page-tags";

// The cache tags of each reader page a visitor is served as plain HTML (decision 0020), by its
// path, and where a merged claim's address sends the reader; lib/reader/plain-pages.ts says
// which requests those are.

type Facts = { tags: readonly string[]; redirectTo?: string };

type ReaderPage = {
  pattern: RegExp;
  /** The page's tags and redirect; the first group of the pattern is its record's slug or id. */
  facts: (db: Db, key: string) => Promise<Facts>;
};

const select = { id: true } as const;

const PAGES: ReaderPage[] = [
  { pattern: /^\/$/, facts: async () => ({ tags: pageTags.home }) },
  { pattern: /^\/claims$/, facts: async () => ({ tags: pageTags.claimList }) },
  {
    pattern: /^\/claims\/([^/]+)$/,
    // A merged claim's address sends the reader to the claim it was merged into, until the merge is undone.
    facts: async (db, slug) => {
      const claim = await db.claim.findUnique({ where: { slug }, select: { id: true, mergedInto: { select: { slug: true } } } });
      return { tags: pageTags.claim(claim?.id ?? null), redirectTo: claim?.mergedInto ? `/claims/${encodeURIComponent(claim.mergedInto.slug)}` : undefined };
    },
  },
  { pattern: /^\/sources$/, facts: async () => ({ tags: pageTags.sourceList }) },
  {
    pattern: /^\/sources\/(?!new$)([^/]+)$/,
    facts: async (db, id) => ({ tags: pageTags.source(await db.source.findUnique({ where: { id }, select: { id: true, outletId: true } })) }),
  },
  { pattern: /^\/actors$/, facts: async () => ({ tags: pageTags.actorList }) },
  {
    pattern: /^\/actors\/([^/]+)$/,
    facts: async (db, slug) => ({ tags: pageTags.actor((await db.actor.findUnique({ where: { slug }, select }))?.id ?? null) }),
  },
  { pattern: /^\/outlets$/, facts: async () => ({ tags: pageTags.outletList }) },
  {
    pattern: /^\/topics\/([^/]+)\/matrix$/,
    facts: async (db, slug) => ({ tags: pageTags.matrix((await db.topic.findUnique({ where: { slug }, select }))?.id ?? null) }),
  },
  { pattern: /^\/about\/statuses$/, facts: async () => ({ tags: pageTags.statuses }) },
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

/** A reader page's cache tags and, for a merged claim, where it sends the reader; null for any other page. */
export async function readerPageFacts(db: Db, pathname: string): Promise<Facts | null> {
  const found = readerPage(pathname);
  return found ? found.page.facts(db, found.key) : null;
}
