import type { Db, Tx } from "../database/create-client";
import { AppError } from "../errors";
import { refreshClaimSummaries } from "../claims/refresh-claim-summary";
import { searchableText } from "../claims/search-text";
import { refreshCorpusCounts } from "../stats/refresh-corpus-counts";
import { newTally, upsertQuietly, type Tally } from "./changes";
import type { PlannedCorpus } from "./read-corpus";

const ENTITIES = ["outlets", "actors", "topics", "tags", "sources", "claims", "stances", "relations"] as const;
export type LoadReport = Record<(typeof ENTITIES)[number], Tally>;

const byKey = <T, K>(rows: T[], key: (row: T) => K) => new Map(rows.map((row) => [key(row), row]));

/**
 * Writes a checked corpus in one transaction: all of it or nothing. Records are matched
 * by their natural keys (slugs, source ids, a stance's claim + source + offsets); records
 * the corpus no longer lists are left alone, except stances between a corpus claim and a
 * corpus source, which the corpus owns.
 */
export async function writeCorpus(db: Db, corpus: PlannedCorpus): Promise<LoadReport> {
  return db.$transaction((tx) => write(tx, corpus), { timeout: 120_000, maxWait: 10_000 });
}

async function write(tx: Tx, corpus: PlannedCorpus): Promise<LoadReport> {
  const report = Object.fromEntries(ENTITIES.map((e) => [e, newTally()])) as LoadReport;

  const outletIds = new Map<string, string>();
  const outlets = byKey(await tx.outlet.findMany({ where: { slug: { in: corpus.outlets.map((o) => o.slug) } } }), (o) => o.slug);
  for (const o of corpus.outlets) {
    const data = { slug: o.slug, name: o.name, kind: o.kind, country: o.country ?? null };
    outletIds.set(o.slug, await upsertQuietly(report.outlets, outlets.get(o.slug), data, {
      create: (d) => tx.outlet.create({ data: d }),
      update: (id, d) => tx.outlet.update({ where: { id }, data: d }),
    }));
  }

  const actorIds = new Map<string, string>();
  const actors = byKey(await tx.actor.findMany({ where: { slug: { in: corpus.actors.map((a) => a.slug) } } }), (a) => a.slug);
  for (const a of corpus.actors) {
    const data = { slug: a.slug, name: a.name, kind: a.kind, description: a.description ?? null };
    actorIds.set(a.slug, await upsertQuietly(report.actors, actors.get(a.slug), data, {
      create: (d) => tx.actor.create({ data: d }),
      update: (id, d) => tx.actor.update({ where: { id }, data: d }),
    }));
  }

  const topicIds = new Map<string, string>();
  const topics = byKey(await tx.topic.findMany({ where: { slug: { in: corpus.topics.map((t) => t.slug) } } }), (t) => t.slug);
  for (const t of corpus.topics) {
    topicIds.set(t.slug, await upsertQuietly(report.topics, topics.get(t.slug), { slug: t.slug, name: t.name }, {
      create: (d) => tx.topic.create({ data: d }),
      update: (id, d) => tx.topic.update({ where: { id }, data: d }),
    }));
  }

  const tagIds = new Map<string, string>();
  const tagSlugs = [...new Set(corpus.claims.flatMap((c) => c.tags))];
  const tags = byKey(await tx.tag.findMany({ where: { slug: { in: tagSlugs } } }), (t) => t.slug);
  for (const slug of tagSlugs) {
    tagIds.set(slug, await upsertQuietly(report.tags, tags.get(slug), { slug, name: slug.replaceAll("-", " ") }, {
      create: (d) => tx.tag.create({ data: d }),
      update: (id, d) => tx.tag.update({ where: { id }, data: d }),
    }));
  }

  await writeSources(tx, corpus, outletIds, report.sources);

  const claimIds = new Map<string, string>();
  const claims = byKey(await tx.claim.findMany({
    where: { slug: { in: corpus.claims.map((c) => c.slug) } },
    include: { tags: { select: { tagId: true } } },
  }), (c) => c.slug);
  for (const c of corpus.claims) {
    const current = claims.get(c.slug);
    const data = { slug: c.slug, text: c.text, searchText: searchableText(c.text), topicId: topicIds.get(c.topic)! };
    const id = await upsertQuietly(report.claims, current, data, {
      // A new claim starts unsupported at the end of the ranking; refreshClaimSummaries sets the real values.
      create: (d) => tx.claim.create({ data: { ...d, rankKey: `~${d.slug}` } }),
      update: (claimId, d) => tx.claim.update({ where: { id: claimId }, data: d }),
    });
    claimIds.set(c.slug, id);
    const have = new Set(current?.tags.map((t) => t.tagId) ?? []);
    const want = new Set(c.tags.map((slug) => tagIds.get(slug)!));
    const missing = [...want].filter((tagId) => !have.has(tagId));
    const extra = [...have].filter((tagId) => !want.has(tagId));
    if (missing.length > 0) await tx.claimTag.createMany({ data: missing.map((tagId) => ({ claimId: id, tagId })) });
    if (extra.length > 0) await tx.claimTag.deleteMany({ where: { claimId: id, tagId: { in: extra } } });
  }

  const stanceKey = (s: { claimId: string; sourceId: string; start: number; end: number }) =>
    `${s.claimId}|${s.sourceId}|${s.start}|${s.end}`;
  const sourceIds = corpus.sources.map((s) => s.id);
  const stances = byKey(await tx.stance.findMany({
    where: { claimId: { in: [...claimIds.values()] }, sourceId: { in: sourceIds } },
  }), stanceKey);
  const kept = new Set<string>();
  for (const s of corpus.stances) {
    const data = {
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
    };
    kept.add(stanceKey(data));
    await upsertQuietly(report.stances, stances.get(stanceKey(data)), data, {
      create: (d) => tx.stance.create({ data: d }),
      update: (id, d) => tx.stance.update({ where: { id }, data: d }),
    });
  }
  const dropped = [...stances.entries()].filter(([key]) => !kept.has(key)).map(([, s]) => s.id);
  if (dropped.length > 0) report.stances.removed = (await tx.stance.deleteMany({ where: { id: { in: dropped } } })).count;

  await writeRelations(tx, corpus, claimIds, report.relations);
  await refreshClaimSummaries(tx, [...claimIds.values()]);
  await refreshCorpusCounts(tx);
  return report;
}

async function writeSources(tx: Tx, corpus: PlannedCorpus, outletIds: Map<string, string>, tally: Tally) {
  const existing = byKey(await tx.source.findMany({
    where: { id: { in: corpus.sources.map((s) => s.id) } },
    include: { authors: { orderBy: { position: "asc" } }, _count: { select: { stances: true } } },
  }), (s) => s.id);
  for (const s of corpus.sources) {
    const current = existing.get(s.id);
    if (current && current.contentHash !== s.contentHash && current._count.stances > 0) {
      throw new AppError(
        "CONFLICT",
        `The text of source "${s.id}" (${s.file}) differs from the stored text, which ${current._count.stances} stance(s) point into. ` +
          "Stored texts never change silently: add the new text as a new source instead.",
      );
    }
    const data = {
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
    };
    // Only the fields in `data` are compared, so the included authors and _count are ignored.
    await upsertQuietly(tally, current, data, {
      create: (d) => tx.source.create({ data: d }),
      update: (id, d) => tx.source.update({ where: { id }, data: d }),
    });
    const storedAuthors = current?.authors.map((a) => a.name) ?? [];
    if (storedAuthors.join("\n") !== s.authors.join("\n")) {
      await tx.sourceAuthor.deleteMany({ where: { sourceId: s.id } });
      await tx.sourceAuthor.createMany({ data: s.authors.map((name, position) => ({ sourceId: s.id, name, position })) });
    }
  }
}

async function writeRelations(tx: Tx, corpus: PlannedCorpus, claimIds: Map<string, string>, tally: Tally) {
  const ids = [...claimIds.values()];
  const key = (r: { fromClaimId: string; toClaimId: string; kind: string }) => `${r.fromClaimId}|${r.toClaimId}|${r.kind}`;
  const existing = byKey(await tx.claimRelation.findMany({ where: { fromClaimId: { in: ids }, toClaimId: { in: ids } } }), key);
  const kept = new Set<string>();
  for (const r of corpus.relations) {
    const data = { fromClaimId: claimIds.get(r.from)!, toClaimId: claimIds.get(r.to)!, kind: r.kind, note: r.note ?? null };
    kept.add(key(data));
    await upsertQuietly(tally, existing.get(key(data)), data, {
      create: (d) => tx.claimRelation.create({ data: d }),
      update: (id, d) => tx.claimRelation.update({ where: { id }, data: d }),
    });
  }
  const dropped = [...existing.entries()].filter(([k]) => !kept.has(k)).map(([, r]) => r.id);
  if (dropped.length > 0) tally.removed = (await tx.claimRelation.deleteMany({ where: { id: { in: dropped } } })).count;
}
