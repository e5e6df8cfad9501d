import type { Db } from "../database/create-client";
import { notFound } from "../errors";
import { agreementSummary } from "../conflict";
import { claimRowSelect, stanceFieldsSelect } from "./selects";

const relatedClaimSelect = { slug: true, text: true, status: true, retractedAt: true } as const;

/** A claim with every stance (live and retracted apart), its source and speaker, in one round of queries (no N+1). */
export async function getClaimWithStances(db: Db, { slug }: { slug: string }) {
  const claim = await db.claim.findUnique({
    where: { slug },
    select: {
      ...claimRowSelect,
      firstSeenAt: true,
      version: true,
      retractedAt: true,
      retractedReason: true,
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { slug: "asc" } } },
      stances: {
        select: {
          ...stanceFieldsSelect,
          speaker: { select: { slug: true, name: true, description: true } },
          source: {
            select: {
              id: true,
              title: true,
              kind: true,
              publishedAt: true,
              datePrecision: true,
              outlet: { select: { name: true, kind: true } },
            },
          },
        },
      },
      relationsFrom: { select: { kind: true, note: true, toClaim: { select: relatedClaimSelect } } },
      relationsTo: { select: { kind: true, note: true, fromClaim: { select: relatedClaimSelect } } },
    },
  });
  if (!claim) throw notFound(`The claim "${slug}"`);

  const ordered = [...claim.stances].sort(byPublicationThenOffset);
  const stances = ordered.filter((s) => s.retractedAt === null);
  const { relationsFrom, relationsTo, ...rest } = claim;
  return {
    ...rest,
    tags: claim.tags.map((t) => t.tag),
    /** The stances that count; retracted ones are kept apart, shown only as retracted. */
    stances,
    retractedStances: ordered.filter((s) => s.retractedAt !== null),
    related: [
      ...relationsFrom.map((r) => ({ kind: r.kind, direction: "from" as const, note: r.note, claim: r.toClaim })),
      ...relationsTo.map((r) => ({ kind: r.kind, direction: "to" as const, note: r.note, claim: r.fromClaim })),
    ],
    agreement: agreementSummary(
      stances.map((s) => ({ position: s.position, sourceId: s.source.id, outletKind: s.source.outlet.kind })),
    ),
  };
}

export type ClaimWithStances = Awaited<ReturnType<typeof getClaimWithStances>>;

type Dated = { start: number; source: { id: string; publishedAt: Date | null } };

/** Oldest first; undated sources last; within a source, in reading order. */
function byPublicationThenOffset(a: Dated, b: Dated): number {
  const at = a.source.publishedAt?.getTime() ?? Infinity;
  const bt = b.source.publishedAt?.getTime() ?? Infinity;
  if (at !== bt) return at - bt;
  if (a.source.id !== b.source.id) return a.source.id.localeCompare(b.source.id);
  return a.start - b.start;
}
