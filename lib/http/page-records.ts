import type { Db } from "../database/create-client";

// Whether the record a page is about exists, asked before the page renders (proxy.ts). With Cache
// Components, Next.js 16.4 has committed a 200 by the time a page's notFound() runs after an
// await (vercel/next.js#98518), so an unknown claim, source, speaker, stance, topic, comment or request is turned
// away here, where a real 404 can still be given. Such records are never deleted (they are
// retracted or merged), so each one found is remembered; only unknown ones are asked again.

type Kind = "claim" | "source" | "actor" | "stance" | "topic" | "comment" | "request";

/** The pages about one record: the first group is its slug or id. */
const PAGES: [RegExp, Kind][] = [
  [/^\/claims\/([^/]+)(?:\/(?:history|edit|review))?\/?$/, "claim"],
  [/^\/sources\/(?!new\/?$)([^/]+)(?:\/(?:history|edit))?\/?$/, "source"],
  [/^\/actors\/([^/]+)(?:\/edit)?\/?$/, "actor"],
  [/^\/stances\/([^/]+)\/edit\/?$/, "stance"],
  [/^\/topics\/([^/]+)\/matrix\/?$/, "topic"],
  [/^\/comments\/([^/]+)\/?$/, "comment"],
  [/^\/requests\/([^/]+)\/?$/, "request"],
];

/** At most this many found records are remembered (then the memory starts again). */
const REMEMBER = 100_000;
const found = ((globalThis as Record<symbol, unknown>)[Symbol.for("corroborate.page-records")] ??= new Set<string>()) as Set<string>;

/** The record a page is about, or null for any other page. */
export function pageRecord(pathname: string): { kind: Kind; key: string } | null {
  for (const [pattern, kind] of PAGES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    try {
      return { kind, key: decodeURIComponent(match[1]!) };
    } catch {
      return { kind, key: match[1]! }; // a malformed escape names no record
    }
  }
  return null;
}

/** Whether the page at this path is about a record that does not exist. */
export async function pageRecordMissing(db: Db, pathname: string): Promise<boolean> {
  const record = pageRecord(pathname);
  if (!record) return false;
  const name = `${record.kind}:${record.key}`;
  if (found.has(name)) return false;
  if (!(await exists(db, record.kind, record.key))) return true;
  if (found.size >= REMEMBER) found.clear();
  found.add(name);
  return false;
}

async function exists(db: Db, kind: Kind, key: string): Promise<boolean> {
  const select = { id: true } as const;
  switch (kind) {
    case "claim":
      return (await db.claim.findUnique({ where: { slug: key }, select })) !== null;
    case "source":
      return (await db.source.findUnique({ where: { id: key }, select })) !== null;
    case "actor":
      return (await db.actor.findUnique({ where: { slug: key }, select })) !== null;
    case "stance":
      return (await db.stance.findUnique({ where: { id: key }, select })) !== null;
    case "topic":
      return (await db.topic.findUnique({ where: { slug: key }, select })) !== null;
    case "comment":
      return (await db.comment.findUnique({ where: { id: key }, select })) !== null;
    case "request":
      return (await db.checkRequest.findUnique({ where: { id: key }, select })) !== null;
  }
}
