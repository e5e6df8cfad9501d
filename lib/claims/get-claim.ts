import type { Db } from "../database/create-client";
import { notFound } from "../errors";
import { agreementSummary, type ClaimSummary } from "../analysis/conflict";
import { outletsOnAxis } from "../camps/places";
import { analyseClaim, byPublicationThenOffset, storedClaimAnalysis, type StoredAnalysis } from "../analysis/claim-analysis";
import { claimRowSelect, stanceFieldsSelect } from "./selects";

const relatedClaimSelect = { slug: true, text: true, status: true, retractedAt: true } as const;

const userName = { select: { name: true } } as const;

/**
 * A claim with every stance (live and retracted apart), its source and speaker, in one
 * round of queries (no N+1), with its origins, weighted agreement and intervals as the last
 * write stored them. With `asOf`, the claim as it stood that day: only stances whose source was
 * published by then (a source dated to a month or year counts from its first day; undated
 * sources are left out) and the verdict given by then, with the analysis computed for those.
 */
export async function getClaimWithStances(db: Db, { slug, asOf }: { slug: string; asOf?: Date }) {
  const claim = await db.claim.findUnique({
    where: { slug },
    select: {
      ...claimRowSelect,
      firstSeenAt: true,
      stanceCount: true,
      conflictScore: true,
      supportWeight: true,
      disputeWeight: true,
      conflictWeight: true,
      originCount: true,
      lastEvidenceAt: true,
      analysis: true,
      agreement: true,
      version: true,
      retractedAt: true,
      retractedReason: true,
      createdAt: true,
      quantityKind: true,
      mergedInto: { select: { slug: true } },
      /** Claims merged into this one (and not undone): their stances are here now. */
      mergedFrom: { select: { slug: true, text: true }, orderBy: { slug: "asc" } },
      assignee: { select: { id: true, name: true } },
      /** The analysts' own assessments: shown as a spread once a verdict is published (decision 0019). */
      assessments: { select: { rating: true, confidence: true } },
      verdicts: {
        where: asOf ? { createdAt: { lte: endOfDay(asOf) } } : {},
        orderBy: { createdAt: "desc" },
        select: { id: true, rating: true, confidence: true, rationale: true, createdAt: true, assessed: true, agreeing: true, user: userName },
      },
      tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { slug: "asc" } } },
      stances: {
        select: {
          ...stanceFieldsSelect,
          credibility: true,
          intervalManual: true,
          intervalLow: true,
          intervalHigh: true,
          speaker: { select: { id: true, slug: true, name: true, description: true, unnamed: true } },
          source: {
            select: {
              id: true,
              title: true,
              url: true,
              kind: true,
              publishedAt: true,
              datePrecision: true,
              reliability: true,
              familyId: true,
              outlet: { select: { id: true, slug: true, name: true, kind: true, reliability: true, campPlace: true } },
            },
          },
        },
      },
      relationsFrom: { select: { id: true, kind: true, note: true, toClaim: { select: relatedClaimSelect } } },
      relationsTo: { select: { id: true, kind: true, note: true, fromClaim: { select: relatedClaimSelect } } },
    },
  });
  if (!claim) throw notFound(`The claim "${slug}"`);

  const ordered = [...claim.stances].sort(byPublicationThenOffset);
  const live = ordered.filter((s) => s.retractedAt === null);
  const stances = asOf ? live.filter((s) => s.source.publishedAt !== null && s.source.publishedAt <= endOfDay(asOf)) : live;
  const { relationsFrom, relationsTo, verdicts, analysis: stored, agreement: campAgreement, ...rest } = claim;
  // What the write stored, unless the page asks for a past day (or the claim predates it).
  const analysis =
    asOf || stored === null ? analyseClaim(stances, claim.quantityKind) : storedClaimAnalysis(summaryOf(claim), JSON.parse(stored) as StoredAnalysis);
  return {
    ...rest,
    // As of a date, what is counted is recomputed from the stances of that date.
    ...(asOf ? countsOf(analysis.summary) : {}),
    asOf: asOf ?? null,
    /** Live stances left out because their source came later than `asOf` (or is undated). */
    laterStanceCount: live.length - stances.length,
    verdict: verdicts[0] ?? null,
    verdictHistory: verdicts,
    analysis,
    tags: claim.tags.map((t) => t.tag),
    /** The stances that count; retracted ones are kept apart, shown only as retracted. */
    stances,
    retractedStances: asOf ? [] : ordered.filter((s) => s.retractedAt !== null),
    related: [
      ...relationsFrom.map((r) => ({ id: r.id, kind: r.kind, direction: "from" as const, note: r.note, claim: r.toClaim })),
      ...relationsTo.map((r) => ({ id: r.id, kind: r.kind, direction: "to" as const, note: r.note, claim: r.fromClaim })),
    ],
    agreement: agreementSummary(stances.map((s) => ({ position: s.position, sourceId: s.source.id, outletKind: s.source.outlet.kind }))),
    /** Where its support sits on the camps' axis, and where its outlets do (decision 0024). */
    camps: { agreement: campAgreement, outlets: outletsOnAxis(stances) },
  };
}

/** The summary columns, as the write stored them. */
const summaryOf = (c: ClaimSummary): ClaimSummary => ({
  status: c.status,
  supportsCount: c.supportsCount,
  disputesCount: c.disputesCount,
  qualifiesCount: c.qualifiesCount,
  sourceCount: c.sourceCount,
  stanceCount: c.stanceCount,
  conflictScore: c.conflictScore,
  firstSeenAt: c.firstSeenAt,
  supportWeight: c.supportWeight,
  disputeWeight: c.disputeWeight,
  conflictWeight: c.conflictWeight,
  originCount: c.originCount,
  lastEvidenceAt: c.lastEvidenceAt,
});

const countsOf = ({ status, supportsCount, disputesCount, qualifiesCount, sourceCount }: ClaimSummary) => ({
  status,
  supportsCount,
  disputesCount,
  qualifiesCount,
  sourceCount,
});

/** The last millisecond of the (UTC) day: "as of 30 November" includes that day. */
const endOfDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1) - 1);

export type ClaimWithStances = Awaited<ReturnType<typeof getClaimWithStances>>;

/** What the claim's edit form starts from. */
export function getClaimForEdit(db: Db, slug: string) {
  return db.claim.findUnique({ where: { slug }, select: { id: true, slug: true, text: true, topicId: true, version: true, retractedAt: true } });
}

/** A claim's wording by its address, for the pages about it (its history). */
export function getClaimHeading(db: Db, slug: string) {
  return db.claim.findUnique({ where: { slug }, select: { id: true, slug: true, text: true, mergedInto: { select: { slug: true } } } });
}
