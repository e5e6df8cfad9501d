import type { Db } from "../database/create-client";
import { notFound } from "../errors";
import { stanceFieldsSelect } from "../claims/selects";

/** A source with its full text and every stance that points into it, in reading order. */
export async function getSourceWithStances(db: Db, { id }: { id: string }) {
  const source = await db.source.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      url: true,
      kind: true,
      language: true,
      publishedAt: true,
      datePrecision: true,
      text: true,
      contentHash: true,
      textVersion: true,
      textOrigin: true,
      textAt: true,
      createdAt: true,
      metadataNote: true,
      version: true,
      reliability: true,
      reliabilityReason: true,
      outlet: { select: { id: true, slug: true, name: true, kind: true, country: true, reliability: true } },
      authors: { select: { name: true }, orderBy: { position: "asc" } },
      stances: {
        orderBy: [{ start: "asc" }, { end: "asc" }],
        select: {
          ...stanceFieldsSelect,
          credibility: true,
          speaker: { select: { slug: true, name: true } },
          claim: { select: { slug: true, text: true, status: true, retractedAt: true } },
        },
      },
    },
  });
  if (!source) throw notFound(`The source "${id}"`);
  const live = (s: { retractedAt: Date | null; claim: { retractedAt: Date | null } }) => s.retractedAt === null && s.claim.retractedAt === null;
  return {
    ...source,
    /** The stances that count and are in the current text (highlighted); those retracted, or on a retracted claim, are kept apart. */
    stances: source.stances.filter((s) => live(s) && s.orphanedAt === null),
    /** Stances whose words a new text no longer has (decision 0025): they point into an earlier version. */
    orphanedStances: source.stances.filter((s) => live(s) && s.orphanedAt !== null),
    retractedStances: source.stances.filter((s) => !live(s)),
  };
}

export type SourceWithStances = Awaited<ReturnType<typeof getSourceWithStances>>;

/** What the source's edit form starts from. */
export function getSourceForEdit(db: Db, id: string) {
  return db.source.findUnique({
    where: { id },
    include: { authors: { orderBy: { position: "asc" } }, outlet: { select: { name: true, reliability: true } } },
  });
}

/** A source's title by its id, for the pages about it (its history). */
export function getSourceHeading(db: Db, id: string) {
  return db.source.findUnique({ where: { id }, select: { id: true, title: true } });
}
