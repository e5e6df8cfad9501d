import type { Db } from "../database/create-client";
import { notFound } from "../errors";
import { buildCells, cellKey, diagnosticity } from "../analysis/matrix";
import { effectiveReliability } from "../analysis/grading";

export type MatrixSort = "diagnostic" | "date" | "outlet";

/** A matrix larger than this is not read by anyone: its most contested claims, and the sources that bear on them, first. */
export const MATRIX_CLAIMS = 40;
export const MATRIX_SOURCES = 60;

/**
 * A topic's evidence matrix: its live claims with evidence (rows, the 40 most contested) against
 * the sources with a live stance on them (columns, sorted as asked, the first 60), each source
 * scored by how well it separates the claims marked as contradicting each other.
 */
export async function getTopicMatrix(db: Db, slug: string, sort: MatrixSort) {
  const topic = await db.topic.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!topic) throw notFound(`The topic "${slug}"`);
  const withEvidence = { topicId: topic.id, retractedAt: null, stanceCount: { gt: 0 } };
  const claimCount = await db.claim.count({ where: withEvidence });
  const claims = await db.claim.findMany({
    where: withEvidence,
    orderBy: { rankKey: "asc" },
    take: MATRIX_CLAIMS,
    select: {
      id: true,
      slug: true,
      text: true,
      status: true,
      verdict: true,
      stances: {
        where: { retractedAt: null },
        select: {
          position: true,
          credibility: true,
          source: {
            select: {
              id: true,
              title: true,
              publishedAt: true,
              datePrecision: true,
              reliability: true,
              outlet: { select: { name: true, reliability: true } },
            },
          },
        },
      },
    },
  });
  const claimIds = claims.map((c) => c.id);
  const relations = await db.claimRelation.findMany({
    where: { kind: "CONTRADICTS", fromClaimId: { in: claimIds }, toClaimId: { in: claimIds } },
    select: { fromClaimId: true, toClaimId: true },
  });
  const competing = relations.map((r) => [r.fromClaimId, r.toClaimId] as [string, string]);

  const cells = buildCells(
    claims.flatMap((c) => c.stances.map((s) => ({ claimId: c.id, sourceId: s.source.id, position: s.position, credibility: s.credibility }))),
  );
  const sources = new Map<string, (typeof claims)[number]["stances"][number]["source"]>();
  for (const c of claims) for (const s of c.stances) sources.set(s.source.id, s.source);
  const columns = [...sources.values()].map((source) => ({
    id: source.id,
    title: source.title,
    outlet: source.outlet.name,
    publishedAt: source.publishedAt,
    datePrecision: source.datePrecision,
    reliability: effectiveReliability(source, source.outlet),
    diagnosticity: diagnosticity(cells, source.id, competing),
  }));
  const time = (c: { publishedAt: Date | null }) => c.publishedAt?.getTime() ?? Infinity;
  const byName = (a: (typeof columns)[number], b: (typeof columns)[number]) => a.outlet.localeCompare(b.outlet) || a.title.localeCompare(b.title);
  columns.sort(
    sort === "diagnostic"
      ? (a, b) => b.diagnosticity - a.diagnosticity || byName(a, b)
      : sort === "date"
        ? (a, b) => time(a) - time(b) || byName(a, b)
        : byName,
  );
  const best = Math.max(0, ...columns.map((c) => c.diagnosticity));
  return {
    topic,
    rows: claims.filter((c) => c.stances.length > 0).map(({ stances: _, ...claim }) => claim),
    columns: columns.slice(0, MATRIX_SOURCES).map((c) => ({ ...c, mostDiagnostic: best > 0 && c.diagnosticity === best })),
    /** How many claims with evidence and sources bearing on the rows there are, shown or not. */
    totals: { claims: claimCount, sources: columns.length },
    cell: (claimId: string, sourceId: string) => cells.get(cellKey(claimId, sourceId)),
    competingPairs: competing.length,
  };
}

/** A topic's id and name, or null. */
export function getTopicHeading(db: Db, slug: string) {
  return db.topic.findUnique({ where: { slug }, select: { id: true, name: true } });
}
