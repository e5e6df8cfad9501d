import type { z } from "zod";
import type { Db, Tx } from "../database/create-client";
import { changedFields } from "../database/sync-rows";
import { AppError } from "../errors";
import { authorize, type CurrentUser } from "../auth/roles";
import { refreshClaimSummaries } from "../claims/refresh-claim-summary";
import { searchableText } from "../claims/search-text";
import { createdFields, diffFields, recordRevision } from "../revisions/record";
import { anchorAt, anchorQuote, quoteMatches } from "../sources/anchor-quote";
import { contentHash, normalizeSourceText } from "../sources/source-text";
import { refreshCorpusCounts } from "../stats/refresh-corpus-counts";
import type { RawRecord } from "./parse";
import { ImportRecord, RECORD_ORDER, type ActorRecord, type ClaimRecord, type OutletRecord, type RelationRecord, type SourceRecord, type StanceRecord, type TopicRecord } from "./records";

export type Outcome = "created" | "updated" | "unchanged" | "rejected";
export type RecordReport = { at: string; type: string; key: string; outcome: Outcome; reason?: string };
export type ImportReport = {
  /** all: nothing is written unless every record is good; partial: the good ones are. */
  mode: "all" | "partial";
  written: boolean;
  counts: Record<Outcome, number>;
  records: RecordReport[];
};
export type ImportOptions = { partial?: boolean; onProgress?: (done: number, total: number) => void };

/** A record refused while writing (a reference to nothing, a quote not in its text). */
class Rejection extends Error {}
/** Thrown to roll the transaction back when any record of an all-or-nothing import is refused. */
class RollBack extends Error {}

const keyOf = (r: ImportRecord): string =>
  r.type === "source" ? r.id : r.type === "stance" ? `${r.claim} ← ${r.source} "${r.quote.slice(0, 40)}"` : r.type === "relation" ? `${r.from} ${r.kind} ${r.to}` : r.slug;

const zodReason = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${issue.path.join(".") || "record"}: ${issue.message}`;
};

/**
 * Imports records (lib/import/parse.ts), in one transaction: by default all of them or none
 * (any refused record leaves the database as it was, and the report says which and why);
 * with `partial`, the good ones. Records are matched by their natural keys, so importing a
 * file again creates nothing. Every quote is checked against its source's text.
 */
export async function importRecords(db: Db, user: CurrentUser | null, raw: readonly RawRecord[], options: ImportOptions = {}): Promise<ImportReport> {
  const importer = authorize(user, "RESEARCHER", "import data");
  const mode = options.partial ? "partial" : "all";
  const reports: RecordReport[] = [];
  const valid: { at: string; record: ImportRecord; report: RecordReport }[] = [];
  for (const { at, value } of raw) {
    const parsed = ImportRecord.safeParse(value);
    const type = typeof value === "object" && value !== null && "type" in value ? String((value as { type: unknown }).type) : "?";
    if (!parsed.success) {
      const unreadable = typeof value === "object" && value !== null && "unreadable" in value ? `not JSON: ${(value as { unreadable: string }).unreadable}` : zodReason(parsed.error);
      reports.push({ at, type, key: "", outcome: "rejected", reason: unreadable });
      continue;
    }
    const report: RecordReport = { at, type: parsed.data.type, key: keyOf(parsed.data), outcome: "unchanged" };
    reports.push(report);
    valid.push({ at, record: parsed.data, report });
  }
  valid.sort((a, b) => RECORD_ORDER.indexOf(a.record.type) - RECORD_ORDER.indexOf(b.record.type));
  // Even when some records are already refused, the rest are tried (and rolled back), so the
  // report names every problem in the file at once.
  const invalidCount = reports.length - valid.length;

  try {
    await db.$transaction(
      async (tx) => {
        const touchedClaims = new Set<string>();
        let done = invalidCount;
        for (const { record, report } of valid) {
          try {
            report.outcome = await write(tx, record, importer.id, touchedClaims);
          } catch (error) {
            if (!(error instanceof Rejection || error instanceof AppError)) throw error;
            report.outcome = "rejected";
            report.reason = error.message;
          }
          options.onProgress?.(++done, raw.length);
        }
        if (mode === "all" && reports.some((r) => r.outcome === "rejected")) throw new RollBack();
        await refreshClaimSummaries(tx, [...touchedClaims]);
        await refreshCorpusCounts(tx);
      },
      { timeout: 600_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof RollBack) return finish(mode, false, reports, valid);
    throw error;
  }
  return finish(mode, true, reports, valid);
}

function finish(mode: "all" | "partial", written: boolean, reports: RecordReport[], valid: { report: RecordReport }[]): ImportReport {
  // Nothing written: records that would have been created or updated were not.
  if (!written) for (const { report } of valid) if (report.outcome !== "rejected") report.outcome = "unchanged";
  const counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of reports) counts[r.outcome] += 1;
  return { mode, written, counts, records: reports };
}

async function write(tx: Tx, record: ImportRecord, userId: string, touchedClaims: Set<string>): Promise<Outcome> {
  switch (record.type) {
    case "topic":
      return writeTopic(tx, record);
    case "outlet":
      return writeOutlet(tx, record, userId);
    case "actor":
      return writeActor(tx, record, userId);
    case "source":
      return writeSource(tx, record, userId);
    case "claim":
      return writeClaim(tx, record, userId, touchedClaims);
    case "stance":
      return writeStance(tx, record, userId, touchedClaims);
    case "relation":
      return writeRelation(tx, record);
  }
}

type Of<S extends z.ZodType> = z.output<S>;

async function writeTopic(tx: Tx, r: Of<typeof TopicRecord>): Promise<Outcome> {
  const stored = await tx.topic.findUnique({ where: { slug: r.slug } });
  if (!stored) return (await tx.topic.create({ data: { slug: r.slug, name: r.name } }), "created");
  const changes = changedFields(stored, { name: r.name });
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.topic.update({ where: { id: stored.id }, data: changes });
  return "updated";
}

async function writeOutlet(tx: Tx, r: Of<typeof OutletRecord>, userId: string): Promise<Outcome> {
  const wanted = { name: r.name, kind: r.kind, country: r.country ?? null };
  const stored = await tx.outlet.findUnique({ where: { slug: r.slug } });
  if (!stored) {
    const sameName = await tx.outlet.findUnique({ where: { name: r.name }, select: { slug: true } });
    if (sameName) throw new Rejection(`An outlet named "${r.name}" is stored as "${sameName.slug}"; refer to that slug.`);
    const outlet = await tx.outlet.create({ data: { slug: r.slug, ...wanted } });
    await recordRevision(tx, { entityType: "OUTLET", entityId: outlet.id, version: 1, action: "CREATE", changes: createdFields({ slug: r.slug, ...wanted }), userId });
    return "created";
  }
  const changes = diffFields(stored, wanted);
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.outlet.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
  await recordRevision(tx, { entityType: "OUTLET", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", userId });
  return "updated";
}

async function writeActor(tx: Tx, r: Of<typeof ActorRecord>, userId: string): Promise<Outcome> {
  const wanted = { name: r.name, kind: r.kind, description: r.description ?? null, unnamed: r.unnamed ?? false };
  const stored = await tx.actor.findUnique({ where: { slug: r.slug } });
  if (!stored) {
    const actor = await tx.actor.create({ data: { slug: r.slug, ...wanted } });
    await recordRevision(tx, { entityType: "ACTOR", entityId: actor.id, version: 1, action: "CREATE", changes: createdFields({ slug: r.slug, ...wanted }), userId });
    return "created";
  }
  const changes = diffFields(stored, wanted);
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.actor.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
  await recordRevision(tx, { entityType: "ACTOR", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", userId });
  return "updated";
}

async function writeSource(tx: Tx, r: Of<typeof SourceRecord>, userId: string): Promise<Outcome> {
  const outlet = await tx.outlet.findUnique({ where: { slug: r.outlet }, select: { id: true, name: true } });
  if (!outlet) throw new Rejection(`outlet: no outlet "${r.outlet}" in the file or stored.`);
  const text = normalizeSourceText(r.text);
  if (text.trim() === "") throw new Rejection("text: must not be empty");
  const hash = contentHash(text);
  const wanted = {
    title: r.title,
    outletId: outlet.id,
    url: r.url ?? null,
    publishedAt: r.publishedAt?.date ?? null,
    datePrecision: r.publishedAt?.precision ?? null,
    kind: r.kind,
    language: r.language,
    metadataNote: r.metadataNote ?? null,
  };
  const stored = await tx.source.findUnique({ where: { id: r.id }, include: { authors: { orderBy: { position: "asc" } } } });
  if (stored) {
    if (stored.contentHash !== hash) throw new Rejection(`text: differs from the stored text of "${r.id}"; a source's text never changes (its quotes point into it).`);
    const changes = diffFields(stored, wanted);
    const authorsNow = stored.authors.map((a) => a.name).join(", ");
    if (authorsNow !== r.authors.join(", ")) changes.authors = [authorsNow, r.authors.join(", ")];
    if (Object.keys(changes).length === 0) return "unchanged";
    await tx.source.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
    if (changes.authors) {
      await tx.sourceAuthor.deleteMany({ where: { sourceId: stored.id } });
      await tx.sourceAuthor.createMany({ data: r.authors.map((name, position) => ({ sourceId: stored.id, name, position })) });
    }
    await recordRevision(tx, { entityType: "SOURCE", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", sourceId: stored.id, userId });
    return "updated";
  }
  const twin = await tx.source.findFirst({ where: { OR: [{ contentHash: hash }, ...(wanted.url ? [{ url: wanted.url }] : [])] }, select: { id: true } });
  if (twin) throw new Rejection(`The same ${wanted.url ? "address or " : ""}text is stored as source "${twin.id}"; refer to that id.`);
  await tx.source.create({ data: { id: r.id, ...wanted, text, contentHash: hash, authors: { create: r.authors.map((name, position) => ({ name, position })) } } });
  await recordRevision(tx, { entityType: "SOURCE", entityId: r.id, version: 1, action: "CREATE", changes: createdFields({ id: r.id, title: r.title, outlet: outlet.name, characters: text.length }), sourceId: r.id, userId });
  return "created";
}

async function writeClaim(tx: Tx, r: Of<typeof ClaimRecord>, userId: string, touched: Set<string>): Promise<Outcome> {
  const topic = await tx.topic.findUnique({ where: { slug: r.topic }, select: { id: true } });
  if (!topic) throw new Rejection(`topic: no topic "${r.topic}" in the file or stored.`);
  const wanted = { text: r.text, searchText: searchableText(r.text), topicId: topic.id, quantityKind: r.quantity ?? null };
  const stored = await tx.claim.findUnique({ where: { slug: r.slug }, include: { tags: { select: { tag: { select: { slug: true } } } } } });
  let outcome: Outcome;
  let claimId: string;
  if (!stored) {
    const claim = await tx.claim.create({ data: { slug: r.slug, ...wanted, rankKey: `~${r.slug}` } });
    await recordRevision(tx, { entityType: "CLAIM", entityId: claim.id, version: 1, action: "CREATE", changes: createdFields({ slug: r.slug, text: r.text, topic: r.topic }), claimId: claim.id, userId });
    claimId = claim.id;
    outcome = "created";
  } else {
    claimId = stored.id;
    const changes = diffFields(stored, wanted);
    outcome = Object.keys(changes).length === 0 ? "unchanged" : "updated";
    if (outcome === "updated") {
      await tx.claim.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
      await recordRevision(tx, { entityType: "CLAIM", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", claimId: stored.id, userId });
    }
  }
  const have = new Set(stored?.tags.map((t) => t.tag.slug) ?? []);
  for (const slug of r.tags.filter((t) => !have.has(t))) {
    const tag = await tx.tag.upsert({ where: { slug }, create: { slug, name: slug.replaceAll("-", " ") }, update: {}, select: { id: true } });
    await tx.claimTag.create({ data: { claimId, tagId: tag.id } });
    if (outcome === "unchanged") outcome = "updated";
  }
  touched.add(claimId);
  return outcome;
}

async function writeStance(tx: Tx, r: Of<typeof StanceRecord>, userId: string, touched: Set<string>): Promise<Outcome> {
  const claim = await tx.claim.findUnique({ where: { slug: r.claim }, select: { id: true, retractedAt: true } });
  if (!claim) throw new Rejection(`claim: no claim "${r.claim}" in the file or stored.`);
  if (claim.retractedAt) throw new Rejection(`claim: "${r.claim}" is retracted.`);
  const source = await tx.source.findUnique({ where: { id: r.source }, select: { id: true, text: true } });
  if (!source) throw new Rejection(`source: no source "${r.source}" in the file or stored.`);
  const speaker = r.speaker ? await tx.actor.findUnique({ where: { slug: r.speaker }, select: { id: true, name: true } }) : null;
  if (r.speaker && !speaker) throw new Rejection(`speaker: no speaker "${r.speaker}" in the file or stored.`);
  let anchor;
  if (r.start !== undefined && r.end !== undefined) {
    if (!quoteMatches(source.text, r.quote, r.start, r.end)) throw new Rejection(`quote: the source's text at ${r.start}–${r.end} is not these words.`);
    anchor = anchorAt(source.text, r.start, r.end);
  } else {
    anchor = anchorQuote(source.text, r.quote, r.occurrence);
  }
  const wanted = { position: r.position, mode: r.mode, speakerId: speaker?.id ?? null, note: r.note ?? null };
  const stored = await tx.stance.findUnique({ where: { claimId_sourceId_start_end: { claimId: claim.id, sourceId: source.id, start: anchor.start, end: anchor.end } } });
  touched.add(claim.id);
  if (!stored) {
    const stance = await tx.stance.create({ data: { claimId: claim.id, sourceId: source.id, quote: r.quote, ...anchor, ...wanted } });
    await recordRevision(tx, { entityType: "STANCE", entityId: stance.id, version: 1, action: "CREATE", changes: createdFields({ position: r.position, mode: r.mode, quote: r.quote, start: anchor.start, end: anchor.end, speaker: speaker?.name ?? null }), claimId: claim.id, sourceId: source.id, userId });
    return "created";
  }
  const changes = diffFields(stored, wanted);
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.stance.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
  await recordRevision(tx, { entityType: "STANCE", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", claimId: claim.id, sourceId: source.id, userId });
  return "updated";
}

async function writeRelation(tx: Tx, r: Of<typeof RelationRecord>): Promise<Outcome> {
  if (r.from === r.to) throw new Rejection("A claim cannot be related to itself.");
  const [from, to] = await Promise.all([r.from, r.to].map((slug) => tx.claim.findUnique({ where: { slug }, select: { id: true } })));
  if (!from) throw new Rejection(`from: no claim "${r.from}" in the file or stored.`);
  if (!to) throw new Rejection(`to: no claim "${r.to}" in the file or stored.`);
  const stored = await tx.claimRelation.findUnique({ where: { fromClaimId_toClaimId_kind: { fromClaimId: from.id, toClaimId: to.id, kind: r.kind } } });
  if (!stored) return (await tx.claimRelation.create({ data: { fromClaimId: from.id, toClaimId: to.id, kind: r.kind, note: r.note ?? null } }), "created");
  if ((stored.note ?? null) === (r.note ?? null)) return "unchanged";
  await tx.claimRelation.update({ where: { id: stored.id }, data: { note: r.note ?? null } });
  return "updated";
}
