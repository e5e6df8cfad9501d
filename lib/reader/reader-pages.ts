import type { Db } from "../database/create-client";
import { pageTags } from "../cache/page-tags";

// The reader pages answered from their kept pages (decisions 0020, 0021), by path: each page's
// cache tags, where a merged claim's address sends the reader, and which record a page is about;
// lib/reader/plain-pages.ts says which requests those are.

type Facts = { tags: readonly string[]; redirectTo?: string };

type ReaderPage = {
  pattern: RegExp;
  /** The kind of record the page is about, for those about one claim or source (lib/users/for-you.ts). */
  record?: "claim" | "source";
  /** The page's tags and redirect; the first group of the pattern is its record's slug or id. */
  facts: (db: Db, key: string) => Promise<Facts>;
};

const select = { id: true } as const;

const PAGES: ReaderPage[] = [
  { pattern: /^\/$/, facts: async () => ({ tags: pageTags.home }) },
  { pattern: /^\/claims$/, facts: async () => ({ tags: pageTags.claimList }) },
  {
    pattern: /^\/claims\/([^/]+)$/,
    record: "claim",
    // A merged claim's address sends the reader to the claim it was merged into, until the merge is undone.
    facts: async (db, slug) => {
      const claim = await db.claim.findUnique({ where: { slug }, select: { id: true, mergedInto: { select: { slug: true } } } });
      return { tags: pageTags.claim(claim?.id ?? null), redirectTo: claim?.mergedInto ? `/claims/${encodeURIComponent(claim.mergedInto.slug)}` : undefined };
    },
  },
  { pattern: /^\/sources$/, facts: async () => ({ tags: pageTags.sourceList }) },
  {
    pattern: /^\/sources\/(?!new$)([^/]+)$/,
    record: "source",
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
function readerPage(pathname: string): { page: ReaderPage; key: string; malformed: boolean } | null {
  for (const page of PAGES) {
    const match = page.pattern.exec(pathname);
    if (!match) continue;
    const key = match[1] ?? "";
    try {
      return { page, key: decodeURIComponent(key), malformed: false };
    } catch {
      return { page, key, malformed: true }; // a malformed escape names no record
    }
  }
  return null;
}

export function isReaderPage(pathname: string): boolean {
  return readerPage(pathname) !== null;
}

/** The claim or source a reader page is about (its slug or id, decoded), or null. */
export function readerPageRecord(pathname: string): { kind: "claim" | "source"; key: string } | null {
  const found = readerPage(pathname);
  return found?.page.record && !found.malformed ? { kind: found.page.record, key: found.key } : null;
}

/** A reader page's cache tags and, for a merged claim, where it sends the reader; null for any other page. */
export async function readerPageFacts(db: Db, pathname: string): Promise<Facts | null> {
  const found = readerPage(pathname);
  return found ? found.page.facts(db, found.key) : null;
}
