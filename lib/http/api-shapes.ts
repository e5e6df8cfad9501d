// The read API's JSON shapes, built from lib/ results. Kept in one place so the
// documented contract (README, "Read API") and the routes cannot drift apart.
import type { ClaimRow } from "../claims/list-claims";
import type { ClaimWithStances } from "../claims/get-claim";
import type { SourceWithStances } from "../sources/get-source";
import type { ActorRead } from "../actors/get-actor";
import type { StanceRead } from "../stances/get-stance";
import { isoPartialDate } from "../format";

type StanceFields = {
  id: string;
  position: string;
  mode: string;
  quote: string;
  start: number;
  end: number;
  note: string | null;
  version: number;
  anchoredVersion: number;
  orphanedAt: Date | null;
  anchors: { version: number; quote: string; nextVersion: number; nextQuote: string; movedAt: Date }[];
};

/** A stance's own fields, as both the claim and the source endpoints give them. */
const stanceFieldsJson = (s: StanceFields) => ({
  id: s.id,
  position: s.position,
  mode: s.mode,
  quote: s.quote,
  start: s.start,
  end: s.end,
  note: s.note,
  /** The version a PATCH of this stance names. */
  version: s.version,
  /** The source text version `quote`, `start` and `end` are in: the current one unless the stance is an orphan. */
  textVersion: s.anchoredVersion,
  /** When a new text of the source no longer had these words (decision 0025); null when it has them. */
  orphanedAt: s.orphanedAt?.toISOString() ?? null,
  /** Each time the source changed the passage's words: the words before and after. */
  passageChanges: s.anchors
    .filter((a) => a.quote !== a.nextQuote)
    .map((a) => ({
      at: a.movedAt.toISOString(),
      before: { textVersion: a.version, quote: a.quote },
      after: { textVersion: a.nextVersion, quote: a.nextQuote },
    })),
});

export const claimRowJson = (c: ClaimRow) => ({
  id: c.id,
  slug: c.slug,
  text: c.text,
  status: c.status,
  topic: c.topic.slug,
  counts: { supports: c.supportsCount, disputes: c.disputesCount, qualifies: c.qualifiesCount },
});

export const claimJson = (c: ClaimWithStances) => ({
  claim: {
    id: c.id,
    slug: c.slug,
    text: c.text,
    /** The version a PATCH of this claim names. */
    version: c.version,
    status: c.status,
    topic: c.topic,
    tags: c.tags.map((t) => t.slug),
    counts: { supports: c.supportsCount, disputes: c.disputesCount, qualifies: c.qualifiesCount },
    sourceCount: c.sourceCount,
    firstSeenAt: c.firstSeenAt?.toISOString() ?? null,
    retracted: c.retractedAt ? { at: c.retractedAt.toISOString(), reason: c.retractedReason } : null,
    mergedInto: c.mergedInto?.slug ?? null,
    originCount: c.analysis.summary.originCount,
    weights: { supports: c.analysis.weights.support, disputes: c.analysis.weights.dispute },
    verdict: c.verdict
      ? {
          rating: c.verdict.rating,
          confidence: c.verdict.confidence,
          rationale: c.verdict.rationale,
          by: c.verdict.user?.name ?? null,
          at: c.verdict.createdAt.toISOString(),
        }
      : null,
  },
  stances: c.stances.map((s) => ({
    ...stanceFieldsJson(s),
    speaker: s.speaker ? { slug: s.speaker.slug, name: s.speaker.name } : null,
    source: {
      id: s.source.id,
      title: s.source.title,
      outlet: s.source.outlet.name,
      outletKind: s.source.outlet.kind,
      publishedAt: isoPartialDate(s.source.publishedAt, s.source.datePrecision),
    },
  })),
  related: c.related.map((r) => ({ kind: r.kind, direction: r.direction, note: r.note, ...r.claim })),
});

export const sourceJson = (s: SourceWithStances) => ({
  source: {
    id: s.id,
    title: s.title,
    url: s.url,
    outlet: { name: s.outlet.name, kind: s.outlet.kind },
    authors: s.authors.map((a) => a.name),
    kind: s.kind,
    language: s.language,
    publishedAt: isoPartialDate(s.publishedAt, s.datePrecision),
    contentHash: s.contentHash,
    /** The number of its current text (decision 0025); the earlier ones are at /api/sources/{id}/versions. */
    textVersion: s.textVersion,
    /** The version a PATCH of this source names. */
    version: s.version,
    text: s.text,
  },
  stances: s.stances.map((st) => ({
    ...stanceFieldsJson(st),
    speaker: st.speaker,
    claim: st.claim,
  })),
  /** Stances whose words the current text no longer has (decision 0025): their offsets are in `textVersion`, an earlier text. */
  orphans: s.orphanedStances.map((st) => ({
    ...stanceFieldsJson(st),
    speaker: st.speaker,
    claim: st.claim,
  })),
});

export const actorJson = (a: ActorRead) => ({
  actor: { id: a.id, slug: a.slug, name: a.name, kind: a.kind, description: a.description, version: a.version, stanceCount: a._count.stances },
});

export const stanceJson = (s: StanceRead) => ({
  stance: {
    ...stanceFieldsJson(s),
    credibility: s.credibility,
    retracted: s.retractedAt ? { at: s.retractedAt.toISOString(), reason: s.retractedReason } : null,
    speaker: s.speaker,
    claim: s.claim,
    source: { id: s.source.id, title: s.source.title, outlet: s.source.outlet.name },
  },
});
