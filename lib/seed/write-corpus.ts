import type { Db, Tx } from "../database/create-client";
import { newTally, syncRows, type Tally } from "../database/sync-rows";
import { AppError } from "../errors";
import { refreshClaimSummaries } from "../claims/refresh-claim-summary";
import { searchableText } from "../claims/search-text";
import { refreshCorpusCounts } from "../stats/refresh-corpus-counts";
import type { PlannedCorpus } from "./read-corpus";

const ENTITIES = ["outlets", "actors", "topics", "tags", "sources", "claims", "stances", "relations"] as const;
export type LoadReport = Record<(typeof ENTITIES)[number], Tally>;

/**
 * Writes a checked corpus in one transaction: all of it or nothing. Records are matched
 * by their natural keys (slugs, source ids, a stance's claim + source + offsets); records
 * the corpus no longer lists are left alone (researchers add stances to seed claims and
 * sources in the app; nothing they add is deleted here), except relations among corpus
 * claims, which the corpus owns.
 */
export async function writeCorpus(db: Db, corpus: PlannedCorpus): Promise<LoadReport> {
  return db.$transaction((tx) => write(tx, corpus), { timeout: 120_000, maxWait: 10_000 });
}

async function write(tx: Tx, corpus: PlannedCorpus): Promise<LoadReport> {
  const report = Object.fromEntries(ENTITIES.map((e) => [e, newTally()])) as LoadReport;
  const slugs = (rows: { slug: string }[]) => ({ slug: { in: rows.map((r) => r.slug) } });

  const outletIds = await syncRows(report.outlets, {
    existing: await tx.outlet.findMany({ where: slugs(corpus.outlets) }),
    wanted: corpus.outlets.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind, country: o.country ?? null })),
    keyFields: ["slug"],
    create: (data) => tx.outlet.create({ data }),
    update: (id, data) => tx.outlet.update({ where: { id }, data }),
  });
  const actorIds = await syncRows(report.actors, {
    existing: await tx.actor.findMany({ where: slugs(corpus.actors) }),
    wanted: corpus.actors.map((a) => ({ slug: a.slug, name: a.name, kind: a.kind, description: a.description ?? null, unnamed: a.unnamed ?? false })),
    keyFields: ["slug"],
    create: (data) => tx.actor.create({ data }),
    update: (id, data) => tx.actor.update({ where: { id }, data }),
  });
  const topicIds = await syncRows(report.topics, {
    existing: await tx.topic.findMany({ where: slugs(corpus.topics) }),
    wanted: corpus.topics.map((t) => ({ slug: t.slug, name: t.name })),
    keyFields: ["slug"],
    create: (data) => tx.topic.create({ data }),
    update: (id, data) => tx.topic.update({ where: { id }, data }),
  });
  const tagRows = [...new Set(corpus.claims.flatMap((c) => c.tags))].map((slug) => ({ slug, name: slug.replaceAll("-", " ") }));
  const tagIds = await syncRows(report.tags, {
    existing: await tx.tag.findMany({ where: slugs(tagRows) }),
    wanted: tagRows,
    keyFields: ["slug"],
    create: (data) => tx.tag.create({ data }),
    update: (id, data) => tx.tag.update({ where: { id }, data }),
  });

  await writeSources(tx, corpus, outletIds, report.sources);

  const claims = await tx.claim.findMany({ where: slugs(corpus.claims), include: { tags: { select: { tagId: true } } } });
  const claimIds = await syncRows(report.claims, {
    existing: claims,
    wanted: corpus.claims.map((c) => ({ slug: c.slug, text: c.text, searchText: searchableText(c.text), topicId: topicIds.get(c.topic)!, quantityKind: c.quantity ?? null })),
    keyFields: ["slug"],
    // A new claim starts at the end of the ranking; refreshClaimSummaries sets the real values.
    create: (data) => tx.claim.create({ data: { ...data, rankKey: `~${data.slug}` } }),
    update: (id, data) => tx.claim.update({ where: { id }, data }),
  });
  const storedTags = new Map(claims.map((c) => [c.id, new Set(c.tags.map((t) => t.tagId))]));
  for (const c of corpus.claims) {
    const claimId = claimIds.get(c.slug)!;
    const have = storedTags.get(claimId) ?? new Set<string>();
    const want = new Set(c.tags.map((slug) => tagIds.get(slug)!));
    const missing = [...want].filter((tagId) => !have.has(tagId));
    const extra = [...have].filter((tagId) => !want.has(tagId));
    if (missing.length > 0) await tx.claimTag.createMany({ data: missing.map((tagId) => ({ claimId, tagId })) });
    if (extra.length > 0) await tx.claimTag.deleteMany({ where: { claimId, tagId: { in: extra } } });
  }

  const corpusClaimIds = [...claimIds.values()];
  await syncRows(report.stances, {
    existing: await tx.stance.findMany({ where: { claimId: { in: corpusClaimIds }, sourceId: { in: corpus.sources.map((s) => s.id) } } }),
    wanted: corpus.stances.map((s) => ({
      claimId: claimIds.get(s.claim)!,
      sourceId: s.source,
      speakerId: s.speaker ? actorIds.get(s.speaker)! : null,
      position: s.position,
      mode: s.mode,
      quote: s.quote,
      start: s.start,
      end: s.end,
      prefix: s.prefix,
      suffix: s.suffix,
      note: s.note ?? null,
    })),
    keyFields: ["claimId", "sourceId", "start", "end"],
    create: (data) => tx.stance.create({ data }),
    update: (id, data) => tx.stance.update({ where: { id }, data }),
  });
  await syncRows(report.relations, {
    existing: await tx.claimRelation.findMany({ where: { fromClaimId: { in: corpusClaimIds }, toClaimId: { in: corpusClaimIds } } }),
    wanted: corpus.relations.map((r) => ({ fromClaimId: claimIds.get(r.from)!, toClaimId: claimIds.get(r.to)!, kind: r.kind, note: r.note ?? null })),
    keyFields: ["fromClaimId", "toClaimId", "kind"],
    create: (data) => tx.claimRelation.create({ data }),
    update: (id, data) => tx.claimRelation.update({ where: { id }, data }),
    remove: (ids) => tx.claimRelation.deleteMany({ where: { id: { in: ids } } }),
  });

  await refreshClaimSummaries(tx, corpusClaimIds);
  await refreshCorpusCounts(tx);
  return report;
}

async function writeSources(tx: Tx, corpus: PlannedCorpus, outletIds: Map<string, string>, tally: Tally) {
  const existing = await tx.source.findMany({
    where: { id: { in: corpus.sources.map((s) => s.id) } },
    include: { authors: { orderBy: { position: "asc" } }, _count: { select: { stances: true } } },
  });
  const stored = new Map(existing.map((s) => [s.id, s]));
  for (const s of corpus.sources) {
    const current = stored.get(s.id);
    if (current && current.contentHash !== s.contentHash && current._count.stances > 0) {
      throw new AppError(
        "CONFLICT",
        `The text of source "${s.id}" (${s.file}) differs from the stored text, which ${current._count.stances} stance(s) point into. ` +
          "Stored texts never change silently: add the new text as a new source instead.",
      );
    }
  }
  // Only the fields of the wanted rows are compared, so the included authors and _count are ignored.
  await syncRows(tally, {
    existing,
    wanted: corpus.sources.map((s) => ({
      id: s.id,
      title: s.title,
      outletId: outletIds.get(s.outlet)!,
      url: s.url ?? null,
      publishedAt: s.publishedAt?.date ?? null,
      datePrecision: s.publishedAt?.precision ?? null,
      kind: s.kind,
      language: s.language,
      text: s.text,
      contentHash: s.contentHash,
      metadataNote: s.metadataNote ?? null,
    })),
    keyFields: ["id"],
    create: (data) => tx.source.create({ data }),
    update: (id, data) => tx.source.update({ where: { id }, data }),
  });
  for (const s of corpus.sources) {
    const storedAuthors = stored.get(s.id)?.authors.map((a) => a.name) ?? [];
    if (storedAuthors.join("\n") === s.authors.join("\n")) continue;
    await tx.sourceAuthor.deleteMany({ where: { sourceId: s.id } });
    await tx.sourceAuthor.createMany({ data: s.authors.map((name, position) => ({ sourceId: s.id, name, position })) });
  }
}
