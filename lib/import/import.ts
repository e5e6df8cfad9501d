import type { z } from "zod";
import type { Db, Tx } from "../database/create-client";
import { changedFields } from "../database/sync-rows";
import { AppError } from "../errors";
import { authorize, hasRole, type CurrentUser, type Role } from "../auth/roles";
import { refreshClaimSummaries } from "../claims/refresh-claim-summary";
import { searchableText } from "../claims/search-text";
import { createdFields, diffFields, recordRevision, type RevisionInput } from "../revisions/record";
import { anchorAt, anchorQuote, quoteMatches } from "../sources/anchor-quote";
import { contentHash } from "../sources/source-text";
import { findDuplicateSource } from "../sources/write-source";
import { refreshCorpusCounts } from "../stats/refresh-corpus-counts";
import type { Reliability } from "../../generated/sqlite/enums";
import type { RawRecord } from "./parse";
import {
  ImportRecord,
  RECORD_ORDER,
  type ActorRecord,
  type ClaimRecord,
  type OutletRecord,
  type RelationRecord,
  type SourceRecord,
  type StanceRecord,
  type TopicRecord,
  type VerdictRecord,
} from "./records";

export type Outcome = "created" | "updated" | "unchanged" | "rejected";
export type RecordReport = { at: string; type: string; key: string; outcome: Outcome; reason?: string };
export type ImportReport = {
  /** all: nothing is written unless every record is good; partial: the good ones are. */
  mode: "all" | "partial";
  written: boolean;
  counts: Record<Outcome, number>;
  records: RecordReport[];
};
export type ImportOptions = {
  partial?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** false for the seed loader, whose records are curated, not anyone's edits. */
  revisions?: boolean;
};

/** Who imports: an account (its id goes into the revisions), or the seed loader (no account). */
export type Importer = { userId: string | null; role: Role };

/** What every record writer gets: the transaction, who imports, and the claims to summarise after. */
type Context = { tx: Tx; importer: Importer; touched: Set<string>; revise: (revision: RevisionInput) => Promise<void> };

/** A record refused while writing (a reference to nothing, a quote not in its text). */
class Rejection extends Error {}
/** Thrown to roll the transaction back when any record of an all-or-nothing import is refused. */
class RollBack extends Error {}

const keyOf = (r: ImportRecord): string => {
  switch (r.type) {
    case "source":
      return r.id;
    case "stance":
      return `${r.claim} ← ${r.source} "${r.quote.slice(0, 40)}"`;
    case "relation":
      return `${r.from} ${r.kind} ${r.to}`;
    case "verdict":
      return `${r.claim} ${r.at}`;
    default:
      return r.slug;
  }
};

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
  const account = authorize(user, "RESEARCHER", "import data");
  return runImport(db, { userId: account.id, role: account.role }, raw, options);
}

/** The import itself, for an authorised account or the seed loader. */
export async function runImport(db: Db, importer: Importer, raw: readonly RawRecord[], options: ImportOptions = {}): Promise<ImportReport> {
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
        const context: Context = {
          tx,
          importer,
          touched: new Set<string>(),
          revise: options.revisions === false ? async () => {} : (revision) => recordRevision(tx, revision),
        };
        let done = invalidCount;
        for (const { record, report } of valid) {
          try {
            report.outcome = await write(context, record);
          } catch (error) {
            if (!(error instanceof Rejection || error instanceof AppError)) throw error;
            report.outcome = "rejected";
            report.reason = error.message;
          }
          options.onProgress?.(++done, raw.length);
        }
        // A file whose every record was refused before writing still ends with a full bar.
        if (valid.length === 0) options.onProgress?.(raw.length, raw.length);
        if (mode === "all" && reports.some((r) => r.outcome === "rejected")) throw new RollBack();
        await refreshClaimSummaries(tx, [...context.touched]);
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

function write(context: Context, record: ImportRecord): Promise<Outcome> {
  switch (record.type) {
    case "topic":
      return writeTopic(context, record);
    case "outlet":
      return writeOutlet(context, record);
    case "actor":
      return writeActor(context, record);
    case "source":
      return writeSource(context, record);
    case "claim":
      return writeClaim(context, record);
    case "stance":
      return writeStance(context, record);
    case "relation":
      return writeRelation(context, record);
    case "verdict":
      return writeVerdict(context, record);
  }
}

/** Grades, credibility, intervals and verdicts are analysts' work, imported or not. */
function analystsOnly(context: Context, present: boolean, what: string) {
  if (present && !hasRole({ role: context.importer.role }, "ANALYST")) throw new Rejection(`${what}: only an analyst or above can import grades and verdicts.`);
}

/** The grading fields a record carries; absent ones leave the stored grade alone. */
function grading(r: { reliability?: Reliability; reliabilityReason?: string }) {
  return r.reliability === undefined ? {} : { reliability: r.reliability, reliabilityReason: r.reliabilityReason ?? null };
}

type Of<S extends z.ZodType> = z.output<S>;

async function writeTopic({ tx }: Context, r: Of<typeof TopicRecord>): Promise<Outcome> {
  const stored = await tx.topic.findUnique({ where: { slug: r.slug } });
  if (!stored) return (await tx.topic.create({ data: { slug: r.slug, name: r.name } }), "created");
  const changes = changedFields(stored, { name: r.name });
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.topic.update({ where: { id: stored.id }, data: changes });
  return "updated";
}

async function writeOutlet(context: Context, r: Of<typeof OutletRecord>): Promise<Outcome> {
  const { tx, importer, revise } = context;
  const userId = importer.userId;
  analystsOnly(context, r.reliability !== undefined, "reliability");
  const wanted = { name: r.name, kind: r.kind, country: r.country ?? null, ...grading(r) };
  const stored = await tx.outlet.findUnique({ where: { slug: r.slug } });
  if (!stored) {
    const sameName = await tx.outlet.findUnique({ where: { name: r.name }, select: { slug: true } });
    if (sameName) throw new Rejection(`An outlet named "${r.name}" is stored as "${sameName.slug}"; refer to that slug.`);
    const outlet = await tx.outlet.create({ data: { slug: r.slug, ...wanted } });
    await revise({ entityType: "OUTLET", entityId: outlet.id, version: 1, action: "CREATE", changes: createdFields({ slug: r.slug, ...wanted }), userId });
    return "created";
  }
  const changes = diffFields(stored, wanted);
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.outlet.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
  await revise({ entityType: "OUTLET", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", userId });
  return "updated";
}

async function writeActor({ tx, importer, revise }: Context, r: Of<typeof ActorRecord>): Promise<Outcome> {
  const userId = importer.userId;
  const wanted = { name: r.name, kind: r.kind, description: r.description ?? null, unnamed: r.unnamed ?? false };
  const stored = await tx.actor.findUnique({ where: { slug: r.slug } });
  if (!stored) {
    const actor = await tx.actor.create({ data: { slug: r.slug, ...wanted } });
    await revise({ entityType: "ACTOR", entityId: actor.id, version: 1, action: "CREATE", changes: createdFields({ slug: r.slug, ...wanted }), userId });
    return "created";
  }
  const changes = diffFields(stored, wanted);
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.actor.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
  await revise({ entityType: "ACTOR", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", userId });
  return "updated";
}

async function writeSource(context: Context, r: Of<typeof SourceRecord>): Promise<Outcome> {
  const { tx, importer, revise } = context;
  const userId = importer.userId;
  analystsOnly(context, r.reliability !== undefined, "reliability");
  const outlet = await tx.outlet.findUnique({ where: { slug: r.outlet }, select: { id: true, name: true } });
  if (!outlet) throw new Rejection(`outlet: no outlet "${r.outlet}" in the file or stored.`);
  // Stored exactly as given (unlike a pasted text, which is tidied): the file's offsets point into it.
  const text = r.text;
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
    ...grading(r),
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
    await revise({ entityType: "SOURCE", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", sourceId: stored.id, userId });
    return "updated";
  }
  const twin = await findDuplicateSource(tx, { url: wanted.url, hash });
  if (twin) throw new Rejection(`The same ${twin.matchedOn === "url" ? "address" : "text"} is stored as source "${twin.id}"; refer to that id.`);
  await tx.source.create({ data: { id: r.id, ...wanted, text, contentHash: hash, authors: { create: r.authors.map((name, position) => ({ name, position })) } } });
  await revise({ entityType: "SOURCE", entityId: r.id, version: 1, action: "CREATE", changes: createdFields({ id: r.id, title: r.title, outlet: outlet.name, characters: text.length }), sourceId: r.id, userId });
  return "created";
}

async function writeClaim({ tx, importer, revise, touched }: Context, r: Of<typeof ClaimRecord>): Promise<Outcome> {
  const userId = importer.userId;
  const topic = await tx.topic.findUnique({ where: { slug: r.topic }, select: { id: true } });
  if (!topic) throw new Rejection(`topic: no topic "${r.topic}" in the file or stored.`);
  const wanted = { text: r.text, searchText: searchableText(r.text), topicId: topic.id, quantityKind: r.quantity ?? null };
  const stored = await tx.claim.findUnique({ where: { slug: r.slug }, include: { tags: { select: { tag: { select: { slug: true } } } } } });
  let outcome: Outcome;
  let claimId: string;
  if (!stored) {
    const claim = await tx.claim.create({ data: { slug: r.slug, ...wanted, rankKey: `~${r.slug}` } });
    await revise({ entityType: "CLAIM", entityId: claim.id, version: 1, action: "CREATE", changes: createdFields({ slug: r.slug, text: r.text, topic: r.topic }), claimId: claim.id, userId });
    claimId = claim.id;
    outcome = "created";
  } else {
    claimId = stored.id;
    const changes = diffFields(stored, wanted);
    outcome = Object.keys(changes).length === 0 ? "unchanged" : "updated";
    if (outcome === "updated") {
      await tx.claim.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
      await revise({ entityType: "CLAIM", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", claimId: stored.id, userId });
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

async function writeStance(context: Context, r: Of<typeof StanceRecord>): Promise<Outcome> {
  const { tx, importer, revise, touched } = context;
  const userId = importer.userId;
  analystsOnly(context, r.credibility !== undefined || r.interval !== undefined, r.credibility !== undefined ? "credibility" : "interval");
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
  const wanted = {
    position: r.position,
    mode: r.mode,
    speakerId: speaker?.id ?? null,
    note: r.note ?? null,
    ...(r.credibility === undefined ? {} : { credibility: r.credibility }),
    ...(r.interval === undefined ? {} : { intervalManual: true, intervalLow: r.interval.low, intervalHigh: r.interval.high }),
  };
  const stored = await tx.stance.findUnique({ where: { claimId_sourceId_start_end: { claimId: claim.id, sourceId: source.id, start: anchor.start, end: anchor.end } } });
  touched.add(claim.id);
  if (!stored) {
    const stance = await tx.stance.create({ data: { claimId: claim.id, sourceId: source.id, quote: r.quote, ...anchor, ...wanted } });
    await revise({ entityType: "STANCE", entityId: stance.id, version: 1, action: "CREATE", changes: createdFields({ position: r.position, mode: r.mode, quote: r.quote, start: anchor.start, end: anchor.end, speaker: speaker?.name ?? null }), claimId: claim.id, sourceId: source.id, userId });
    return "created";
  }
  const changes = diffFields(stored, wanted);
  if (Object.keys(changes).length === 0) return "unchanged";
  await tx.stance.update({ where: { id: stored.id }, data: { ...wanted, version: { increment: 1 } } });
  await revise({ entityType: "STANCE", entityId: stored.id, version: stored.version + 1, action: "UPDATE", changes, reason: "import", claimId: claim.id, sourceId: source.id, userId });
  return "updated";
}

async function writeRelation({ tx }: Context, r: Of<typeof RelationRecord>): Promise<Outcome> {
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

async function writeVerdict(context: Context, r: Of<typeof VerdictRecord>): Promise<Outcome> {
  const { tx, importer, revise, touched } = context;
  analystsOnly(context, true, "verdict");
  const claim = await tx.claim.findUnique({ where: { slug: r.claim }, select: { id: true, version: true, verdict: true } });
  if (!claim) throw new Rejection(`claim: no claim "${r.claim}" in the file or stored.`);
  const at = new Date(r.at);
  const stored = await tx.verdict.findFirst({ where: { claimId: claim.id, createdAt: at } });
  const wanted = { rating: r.rating, confidence: r.confidence, rationale: r.rationale };
  touched.add(claim.id);
  if (stored) {
    const changes = diffFields(stored, wanted);
    if (Object.keys(changes).length === 0) return "unchanged";
    await tx.verdict.update({ where: { id: stored.id }, data: wanted });
    await setCurrentVerdict(tx, claim.id);
    return "updated";
  }
  await tx.verdict.create({ data: { claimId: claim.id, ...wanted, createdAt: at, userId: importer.userId } });
  const current = await setCurrentVerdict(tx, claim.id);
  await revise({ entityType: "CLAIM", entityId: claim.id, version: claim.version, action: "UPDATE", changes: { verdict: [claim.verdict, current] }, reason: r.rationale, claimId: claim.id, userId: importer.userId });
  return "created";
}

/** The claim's current verdict is its newest. */
async function setCurrentVerdict(tx: Tx, claimId: string) {
  const newest = await tx.verdict.findFirstOrThrow({ where: { claimId }, orderBy: { createdAt: "desc" }, select: { rating: true } });
  await tx.claim.update({ where: { id: claimId }, data: { verdict: newest.rating } });
  return newest.rating;
}
