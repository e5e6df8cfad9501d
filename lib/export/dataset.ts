// The whole dataset in the import format (docs/import-format.md): importing it into an empty
// database gives the same claims, sources, stances (quotes and offsets), relations, grades and
// verdicts. Live records only: retracted claims and stances, and merged claims, are left out, as
// are orphaned stances (decision 0025: their words are in an earlier text of the source, which the
// format does not carry; a backup keeps them).
// Every list is sorted by its key and absent values are left out, so two exports of the same
// data are the same bytes.
import type { Db } from "../database/create-client";
import { isoPartialDate } from "../format";
import { env } from "../env";

/** An object without its undefined and null fields, so the JSON carries no empty keys. */
function present<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export async function exportDataset(db: Db) {
  // Authors are read on their own, not as a nested ordered select: Prisma cannot split a nested
  // orderBy over more parents than SQLite's parameter limit (it failed at 1,000 sources).
  const [topics, outlets, actors, sources, authors, claims, stances, relations, verdicts, assessments] = await Promise.all([
    db.topic.findMany({ select: { slug: true, name: true } }),
    db.outlet.findMany({ select: { slug: true, name: true, kind: true, country: true, reliability: true, reliabilityReason: true } }),
    db.actor.findMany({ select: { slug: true, name: true, kind: true, description: true, unnamed: true } }),
    db.source.findMany({
      select: {
        id: true,
        title: true,
        outlet: { select: { slug: true } },
        url: true,
        publishedAt: true,
        datePrecision: true,
        kind: true,
        language: true,
        text: true,
        metadataNote: true,
        reliability: true,
        reliabilityReason: true,
      },
    }),
    db.sourceAuthor.findMany({ orderBy: [{ sourceId: "asc" }, { position: "asc" }], select: { sourceId: true, name: true } }),
    db.claim.findMany({
      where: { retractedAt: null },
      select: { slug: true, text: true, topic: { select: { slug: true } }, tags: { select: { tag: { select: { slug: true } } } }, quantityKind: true },
    }),
    db.stance.findMany({
      where: { retractedAt: null, orphanedAt: null, claim: { retractedAt: null } },
      select: {
        claim: { select: { slug: true } },
        source: { select: { id: true } },
        position: true,
        mode: true,
        quote: true,
        start: true,
        end: true,
        speaker: { select: { slug: true } },
        note: true,
        credibility: true,
        intervalManual: true,
        intervalLow: true,
        intervalHigh: true,
      },
    }),
    db.claimRelation.findMany({
      where: { fromClaim: { retractedAt: null }, toClaim: { retractedAt: null } },
      select: { fromClaim: { select: { slug: true } }, toClaim: { select: { slug: true } }, kind: true, note: true },
    }),
    db.verdict.findMany({
      where: { claim: { retractedAt: null } },
      select: { claim: { select: { slug: true } }, rating: true, confidence: true, rationale: true, createdAt: true, assessed: true, agreeing: true },
    }),
    // Blind assessments stay blind until a verdict is published (decision 0019).
    db.assessment.findMany({
      where: { claim: { retractedAt: null, mergedIntoId: null, ...(env().CORROBORATE_BLIND_ASSESSMENTS ? { verdicts: { some: {} } } : {}) } },
      select: { claim: { select: { slug: true } }, user: { select: { name: true } }, rating: true, confidence: true, rationale: true, updatedAt: true },
    }),
  ]);
  const authorsOf = new Map<string, string[]>();
  for (const a of authors) authorsOf.set(a.sourceId, [...(authorsOf.get(a.sourceId) ?? []), a.name]);
  return {
    format: "corroborate/1",
    topics: topics.map((t) => ({ slug: t.slug, name: t.name })).sort(byKey((t) => t.slug)),
    outlets: outlets.map((o) => present({ ...o, reliabilityReason: o.reliability ? o.reliabilityReason : null })).sort(byKey((o) => o.slug!)),
    actors: actors.map((a) => present({ ...a, unnamed: a.unnamed || null })).sort(byKey((a) => a.slug!)),
    sources: sources
      .map((s) =>
        present({
          id: s.id,
          title: s.title,
          outlet: s.outlet.slug,
          authors: authorsOf.get(s.id) ?? [],
          url: s.url,
          publishedAt: isoPartialDate(s.publishedAt, s.datePrecision),
          kind: s.kind,
          language: s.language,
          text: s.text,
          metadataNote: s.metadataNote,
          reliability: s.reliability,
          reliabilityReason: s.reliability ? s.reliabilityReason : null,
        }),
      )
      .sort(byKey((s) => s.id!)),
    claims: claims
      .map((c) => present({ slug: c.slug, text: c.text, topic: c.topic.slug, tags: c.tags.map((t) => t.tag.slug).sort(), quantity: c.quantityKind }))
      .sort(byKey((c) => c.slug!)),
    stances: stances
      .map((s) =>
        present({
          claim: s.claim.slug,
          source: s.source.id,
          position: s.position,
          mode: s.mode,
          quote: s.quote,
          start: s.start,
          end: s.end,
          speaker: s.speaker?.slug,
          note: s.note,
          credibility: s.credibility,
          interval: s.intervalManual ? { low: s.intervalLow, high: s.intervalHigh } : null,
        }),
      )
      .sort(byKey((s) => `${s.claim} ${s.source} ${String(s.start).padStart(9, "0")} ${String(s.end).padStart(9, "0")}`)),
    relations: relations
      .map((r) => present({ from: r.fromClaim.slug, to: r.toClaim.slug, kind: r.kind, note: r.note }))
      .sort(byKey((r) => `${r.from} ${r.to} ${r.kind}`)),
    verdicts: verdicts
      .map((v) => ({ claim: v.claim.slug, rating: v.rating, confidence: v.confidence, rationale: v.rationale, at: v.createdAt.toISOString() }))
      .sort(byKey((v) => `${v.claim} ${v.at}`)),
    /**
     * Every analyst's own assessment of a claim whose verdict is published: for study, not
     * imported (an assessment is an account's; docs/import-format.md).
     */
    assessments: assessments
      .map((a) => ({
        claim: a.claim.slug,
        analyst: a.user.name,
        rating: a.rating,
        confidence: a.confidence,
        rationale: a.rationale,
        at: a.updatedAt.toISOString(),
      }))
      .sort(byKey((a) => `${a.claim} ${a.analyst} ${a.at}`)),
  };
}
