import type { Db } from "../database/create-client";
import { notFound } from "../errors";
import { contentHash } from "./source-text";

// Reading a source's texts (decision 0025): the list of its versions, one version's text with the
// passages quoted from it, the differences between two, and the orphans researchers re-attach.

/** The source's versions, newest first: the current text, then each it replaced, each with its text. */
export async function listSourceVersions(db: Db, id: string) {
  const source = await db.source.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      url: true,
      version: true,
      text: true,
      contentHash: true,
      textVersion: true,
      textOrigin: true,
      textAt: true,
      createdAt: true,
    },
  });
  if (!source) throw notFound(`The source "${id}"`);
  const earlier = await db.sourceVersion.findMany({
    where: { sourceId: id },
    orderBy: { number: "desc" },
    select: { number: true, contentHash: true, origin: true, fetchedAt: true, replacedAt: true, reason: true, text: true },
  });
  const current = {
    number: source.textVersion,
    contentHash: source.contentHash,
    origin: source.textOrigin,
    fetchedAt: source.textAt ?? source.createdAt,
    replacedAt: null as Date | null,
    reason: null as string | null,
    text: source.text,
  };
  return {
    source: { id: source.id, title: source.title, url: source.url, version: source.version, textVersion: source.textVersion },
    /** Each with its whole text: the page compares two of them, the API gives their lengths. */
    versions: [current, ...earlier],
  };
}

export type SourceVersions = Awaited<ReturnType<typeof listSourceVersions>>;

/** One text of the source by its number, with the stances whose quotes are in it and where. */
export async function getSourceVersion(db: Db, id: string, number: number) {
  const source = await db.source.findUnique({
    where: { id },
    select: { id: true, title: true, text: true, contentHash: true, textVersion: true, textOrigin: true, textAt: true, createdAt: true },
  });
  if (!source) throw notFound(`The source "${id}"`);
  const current = number === source.textVersion;
  const version = current
    ? { text: source.text, contentHash: source.contentHash, origin: source.textOrigin, fetchedAt: source.textAt ?? source.createdAt }
    : await db.sourceVersion.findUnique({ where: { sourceId_number: { sourceId: id, number } } });
  if (!version) throw notFound(`Version ${number} of the source "${id}"`);
  const claim = { select: { slug: true, text: true } } as const;
  // Where stances stood in this text: those anchored in it (live ones in the current text, orphans
  // in an earlier one), and those that moved on from it (StanceAnchor).
  const [anchored, moved] = await Promise.all([
    db.stance.findMany({
      where: { sourceId: id, anchoredVersion: number, retractedAt: null },
      select: { id: true, quote: true, start: true, end: true, position: true, claim },
    }),
    current
      ? []
      : db.stanceAnchor.findMany({
          where: { version: number, stance: { sourceId: id, retractedAt: null } },
          select: { stanceId: true, quote: true, start: true, end: true, stance: { select: { position: true, claim } } },
        }),
  ]);
  return {
    source: { id: source.id, title: source.title, textVersion: source.textVersion },
    number,
    current,
    text: version.text,
    contentHash: version.contentHash,
    origin: version.origin,
    fetchedAt: version.fetchedAt,
    passages: [
      ...anchored.map((s) => ({ stanceId: s.id, quote: s.quote, start: s.start, end: s.end, position: s.position, claim: s.claim })),
      ...moved.map((a) => ({ stanceId: a.stanceId, quote: a.quote, start: a.start, end: a.end, position: a.stance.position, claim: a.stance.claim })),
    ].sort((a, b) => a.start - b.start || a.end - b.end || a.stanceId.localeCompare(b.stanceId)),
  };
}

export type SourceVersionRead = Awaited<ReturnType<typeof getSourceVersion>>;

/** True when the version's text is the one its sha256 names, and each passage quoted from it is its words at its offsets. */
export function verifyVersion(version: Pick<SourceVersionRead, "text" | "contentHash" | "passages">): { text: boolean; passages: boolean } {
  return {
    text: contentHash(version.text) === version.contentHash,
    passages: version.passages.every((p) => version.text.slice(p.start, p.end) === p.quote),
  };
}

const ORPHANS_PER_PAGE = 50;

/** Stances whose words their source's current text no longer has, newest orphan first: for researchers to re-attach or retract. */
export async function listOrphans(db: Db, { page = 1 }: { page?: number } = {}) {
  const where = { orphanedAt: { not: null }, retractedAt: null, claim: { retractedAt: null } } as const;
  const [total, stances] = await Promise.all([
    db.stance.count({ where }),
    db.stance.findMany({
      where,
      orderBy: [{ orphanedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * ORPHANS_PER_PAGE,
      take: ORPHANS_PER_PAGE,
      select: {
        id: true,
        version: true,
        quote: true,
        position: true,
        anchoredVersion: true,
        orphanedAt: true,
        claim: { select: { slug: true, text: true } },
        source: { select: { id: true, title: true, textVersion: true } },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / ORPHANS_PER_PAGE)), stances };
}
