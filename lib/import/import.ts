import type { z } from "zod";
import type { Db } from "../database/create-client";
import { AppError } from "../errors";
import { authorize, type CurrentUser } from "../roles";
import { createActor, updateActor } from "../actors/write-actor";
import { addClaim, updateClaim } from "../claims/write-claim";
import { tagClaim } from "../claims/tag-claim";
import { isoPartialDate } from "../format";
import { addOutlet, updateOutlet } from "../outlets/write-outlet";
import { assessStance, gradeOutlet, gradeSource, setClaimQuantity } from "../review/grading";
import { addRelation, removeRelation } from "../review/relations";
import { giveVerdict } from "../review/verdicts";
import { diffFields } from "../revisions/record";
import { locateQuote } from "../sources/anchor-quote";
import { contentHash } from "../sources/source-text";
import { addSource, updateSource } from "../sources/write-source";
import { createStance, createStances, updateStance } from "../stances/write-stance";
import { saveTopic } from "../topics/write-topic";
import { authorizeWriter, runWrite, type WriteContext, type Writer } from "../write/context";
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
export type Importer = Writer;

/** A record refused by the mapping (a reference to nothing in the file or stored). */
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

/** The import itself, for an authorized account or the seed loader. */
export async function runImport(db: Db, importer: Importer, raw: readonly RawRecord[], options: ImportOptions = {}): Promise<ImportReport> {
  const mode = options.partial ? "partial" : "all";
  const reports: RecordReport[] = [];
  const valid: { at: string; record: ImportRecord; report: RecordReport }[] = [];
  for (const { at, value } of raw) {
    const parsed = ImportRecord.safeParse(value);
    const type = typeof value === "object" && value !== null && "type" in value ? String((value as { type: unknown }).type) : "?";
    if (!parsed.success) {
      const unreadable =
        typeof value === "object" && value !== null && "unreadable" in value
          ? `not JSON: ${(value as { unreadable: string }).unreadable}`
          : zodReason(parsed.error);
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
    await runWrite(
      db,
      importer,
      async (w) => {
        let done = invalidCount;
        const stored = new Stored(w);
        // With --partial each record is all or nothing on its own too: a savepoint, so that a
        // record refused halfway (its stance written, its grade refused) leaves nothing. Without
        // it any refusal rolls the whole import back, so no record needs its own.
        const savepoint = mode === "partial" ? (statement: string) => w.tx.$executeRawUnsafe(statement) : async () => 0;
        const refuse = (report: RecordReport, error: Rejection | AppError) => {
          report.outcome = "rejected";
          report.reason =
            error instanceof AppError && error.field && !error.message.startsWith(`${error.field}:`) ? `${error.field}: ${error.message}` : error.message;
        };
        // New stances that carry nothing but the link are written many at a time (linkPassages),
        // each still checked as the forms check one; the rest go record by record.
        const batch: { record: Of<typeof StanceRecord>; report: RecordReport; input: Record<string, unknown> }[] = [];
        /** The batch's records by their passage, to find one linked twice in the file. */
        const queued = new Map<string, Of<typeof StanceRecord>>();
        const flush = async () => {
          const outcomes = await createStances(
            w,
            batch.map((b) => b.input),
          );
          for (const [i, outcome] of outcomes.entries()) {
            const { report } = batch[i]!;
            if (!outcome.ok) refuse(report, outcome.error);
            else {
              report.outcome = "created";
              stored.noteCreated(outcome.value, batch[i]!.record);
            }
            options.onProgress?.(++done, raw.length);
          }
          batch.length = 0;
          queued.clear();
        };
        for (const { record, report } of valid) {
          if (record.type === "stance") {
            if (!stored.stancesReady) await stored.prefetchForStances(valid.map((v) => v.record));
            try {
              const plain = stored.plainNewStance(record, queued);
              if (plain === "unchanged") {
                options.onProgress?.(++done, raw.length);
                continue;
              }
              if (plain) {
                batch.push({ record, report, input: plain.input });
                queued.set(plain.key, record);
                if (batch.length >= 1_000) await flush();
                continue;
              }
            } catch (error) {
              if (!(error instanceof Rejection || error instanceof AppError)) throw error;
              refuse(report, error);
              options.onProgress?.(++done, raw.length);
              continue;
            }
          } else if (batch.length > 0) await flush();
          await savepoint("SAVEPOINT import_record");
          try {
            report.outcome = await write(w, record, stored);
            await savepoint("RELEASE SAVEPOINT import_record");
          } catch (error) {
            if (!(error instanceof Rejection || error instanceof AppError)) throw error;
            await savepoint("ROLLBACK TO SAVEPOINT import_record");
            refuse(report, error);
          }
          options.onProgress?.(++done, raw.length);
        }
        if (batch.length > 0) await flush();
        // A file whose every record was refused before writing still ends with a full bar.
        if (valid.length === 0) options.onProgress?.(raw.length, raw.length);
        if (mode === "all" && reports.some((r) => r.outcome === "rejected")) throw new RollBack();
      },
      { revisions: options.revisions, timeout: 600_000 },
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

/**
 * Each record type is mapped onto the writers the forms and the API use (lib/<entity>/), so an
 * import keeps the same rules: resolve the record's keys to ids, find what is stored under them,
 * and call the writer that creates it, or the ones that change what differs.
 */
const CHUNK = 500;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
const passageKey = (claimId: string, sourceId: string, start: number, end: number) => `${claimId}|${sourceId}|${start}|${end}`;

/**
 * What the stance records refer to, looked up in batches once the stances' turn comes (claims,
 * sources with their texts, speakers, and the stances stored on those claims), instead of
 * several queries per stance. Kept current as the import writes: a stance is noted only once its
 * record has been written whole, so a refused record's rollback leaves nothing noted that is gone.
 */
class Stored {
  stancesReady = false;
  claims = new Map<string, { id: string }>();
  sources = new Map<string, { id: string; text: string }>();
  speakers = new Map<string, { id: string }>();
  stances = new Map<string, StoredStance>();
  constructor(private readonly w: WriteContext) {}

  /**
   * For a stance record that is new and carries only the link (no credibility or interval): the
   * createStance input and its passage's key, to be written in a batch; "unchanged" when the file
   * already linked the same passage the same way; null when the record must go on its own (it is
   * stored, or carries an analyst's fields). Unknown references are refused here.
   */
  plainNewStance(r: Of<typeof StanceRecord>, queued: ReadonlyMap<string, Of<typeof StanceRecord>>) {
    if (r.credibility !== undefined || r.interval !== undefined) return null;
    const { claim, source, speaker, hint, anchor } = this.resolve(r);
    const key = anchor ? passageKey(claim.id, source.id, anchor.start, anchor.end) : `unplaced:${queued.size}`;
    if (anchor && this.stances.has(key)) return null;
    const twin = anchor ? queued.get(key) : undefined;
    if (twin) {
      const same = !changed(
        { position: twin.position, mode: twin.mode, speaker: twin.speaker ?? null, note: twin.note ?? null },
        { position: r.position, mode: r.mode, speaker: r.speaker ?? null, note: r.note ?? null },
      );
      if (same) return "unchanged" as const;
      throw new Rejection("The file links this passage to this claim twice, reading it differently; keep one.");
    }
    const input = {
      sourceId: source.id,
      quote: r.quote,
      ...hint,
      claim: { id: claim.id },
      position: r.position,
      mode: r.mode,
      speaker: speaker ? { id: speaker.id } : null,
      note: r.note ?? "",
    };
    return { input, key };
  }

  /** What a stance record refers to, from the batch lookups; a reference to nothing is refused. */
  resolve(r: Of<typeof StanceRecord>) {
    const claim = this.claims.get(r.claim);
    if (!claim) throw new Rejection(`claim: no claim "${r.claim}" in the file or stored.`);
    const source = this.sources.get(r.source);
    if (!source) throw new Rejection(`source: no source "${r.source}" in the file or stored.`);
    const speaker = r.speaker ? this.speakers.get(r.speaker) : null;
    if (r.speaker && !speaker) throw new Rejection(`speaker: no speaker "${r.speaker}" in the file or stored.`);
    // The same rule as the forms': offsets are a hint, the words decide. Without offsets, the
    // record may say which occurrence it means. Words that cannot be placed are left to
    // createStance to refuse, in the words the forms use.
    const hint = r.start !== undefined && r.end !== undefined ? { start: r.start, end: r.end } : nthOccurrence(source.text, r.quote, r.occurrence);
    const anchor = placed(() => locateQuote(source.text, r.quote, hint));
    return { claim, source, speaker: speaker ?? null, hint, anchor };
  }

  /** A stance the batch created, so a later record for the same passage finds it. */
  noteCreated(linked: { id: string; claimId: string; start: number; end: number }, r: Of<typeof StanceRecord>) {
    const source = this.sources.get(r.source)!;
    this.stances.set(passageKey(linked.claimId, source.id, linked.start, linked.end), {
      id: linked.id,
      claimId: linked.claimId,
      sourceId: source.id,
      start: linked.start,
      end: linked.end,
      version: 1,
      position: r.position,
      mode: r.mode,
      speakerId: r.speaker ? (this.speakers.get(r.speaker)?.id ?? null) : null,
      note: r.note ?? null,
      credibility: null,
      intervalManual: false,
      intervalLow: null,
      intervalHigh: null,
    });
  }

  async prefetchForStances(records: readonly ImportRecord[]) {
    const { tx } = this.w;
    const stances = records.filter((r): r is Of<typeof StanceRecord> & { type: "stance" } => r.type === "stance");
    const unique = (pick: (r: (typeof stances)[number]) => string | undefined) => [...new Set(stances.map(pick).filter((k): k is string => !!k))];
    for (const slugs of chunks(unique((r) => r.claim))) {
      for (const c of await tx.claim.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) this.claims.set(c.slug, { id: c.id });
    }
    for (const ids of chunks(unique((r) => r.source))) {
      for (const src of await tx.source.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } })) this.sources.set(src.id, src);
    }
    for (const slugs of chunks(unique((r) => r.speaker))) {
      for (const a of await tx.actor.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })) this.speakers.set(a.slug, { id: a.id });
    }
    for (const ids of chunks([...this.claims.values()].map((c) => c.id))) {
      for (const st of await tx.stance.findMany({ where: { claimId: { in: ids } }, select: STORED_STANCE }))
        this.stances.set(passageKey(st.claimId, st.sourceId, st.start, st.end), st);
    }
    this.stancesReady = true;
  }
}

const STORED_STANCE = {
  id: true,
  claimId: true,
  sourceId: true,
  start: true,
  end: true,
  version: true,
  position: true,
  mode: true,
  speakerId: true,
  note: true,
  credibility: true,
  intervalManual: true,
  intervalLow: true,
  intervalHigh: true,
} as const;
type StoredStance = {
  id: string;
  claimId: string;
  sourceId: string;
  start: number;
  end: number;
  version: number;
  position: string;
  mode: string;
  speakerId: string | null;
  note: string | null;
  credibility: number | null;
  intervalManual: boolean;
  intervalLow: number | null;
  intervalHigh: number | null;
};

function write(w: WriteContext, record: ImportRecord, stored: Stored): Promise<Outcome> {
  switch (record.type) {
    case "topic":
      return saveTopic.within(w, { slug: record.slug, name: record.name }).then((r) => r.outcome);
    case "outlet":
      return writeOutlet(w, record);
    case "actor":
      return writeActor(w, record);
    case "source":
      return writeSource(w, record);
    case "claim":
      return writeClaim(w, record);
    case "stance":
      return writeStance(w, record, stored);
    case "relation":
      return writeRelation(w, record);
    case "verdict":
      return writeVerdict(w, record);
  }
}

type Of<S extends z.ZodType> = z.output<S>;
const REASON = "import";
const changed = (before: Record<string, unknown>, after: Record<string, unknown>) => Object.keys(diffFields(before, after)).length > 0;

async function writeOutlet(w: WriteContext, r: Of<typeof OutletRecord>): Promise<Outcome> {
  const fields = { name: r.name, kind: r.kind, country: r.country ?? null };
  const found = await w.tx.outlet.findUnique({ where: { slug: r.slug } });
  let current: { id: string; version: number; reliability: string | null; reliabilityReason: string | null };
  let outcome: Outcome = "unchanged";
  if (!found) {
    authorizeWriter(w.writer, r.reliability === undefined ? "RESEARCHER" : "ANALYST", "import outlet grades");
    const created = await addOutlet(w, { slug: r.slug, ...fields });
    current = { id: created.id, version: created.version, reliability: null, reliabilityReason: null };
    outcome = "created";
  } else if (changed(found, fields)) {
    const { version } = await updateOutlet.within(w, { id: found.id, version: found.version, reason: REASON, ...fields, country: r.country ?? "" });
    current = { ...found, version };
    outcome = "updated";
  } else current = found;
  const grade = { reliability: r.reliability ?? null, reliabilityReason: r.reliabilityReason ?? null };
  if (r.reliability !== undefined && changed(current, grade)) {
    await gradeOutlet.within(w, { id: current.id, version: current.version, reliability: r.reliability, reason: r.reliabilityReason ?? "" });
    if (outcome === "unchanged") outcome = "updated";
  }
  return outcome;
}

async function writeActor(w: WriteContext, r: Of<typeof ActorRecord>): Promise<Outcome> {
  const fields = { name: r.name, kind: r.kind, description: r.description ?? "", unnamed: r.unnamed ?? false };
  const stored = await w.tx.actor.findUnique({ where: { slug: r.slug } });
  if (!stored) return (await createActor.within(w, { slug: r.slug, ...fields }), "created");
  const result = await updateActor.within(w, { id: stored.id, version: stored.version, reason: REASON, ...fields });
  return result.changed ? "updated" : "unchanged";
}

/** The outlet a record names by its slug. */
async function outletId(w: WriteContext, slug: string) {
  const outlet = await w.tx.outlet.findUnique({ where: { slug }, select: { id: true } });
  if (!outlet) throw new Rejection(`outlet: no outlet "${slug}" in the file or stored.`);
  return outlet.id;
}

async function writeSource(w: WriteContext, r: Of<typeof SourceRecord>): Promise<Outcome> {
  const metadata = {
    title: r.title,
    outlet: { id: await outletId(w, r.outlet) },
    authors: r.authors,
    url: r.url ?? "",
    published: isoPartialDate(r.publishedAt?.date ?? null, r.publishedAt?.precision ?? null) ?? "",
    kind: r.kind,
    language: r.language,
    metadataNote: r.metadataNote ?? "",
  };
  let stored = await w.tx.source.findUnique({
    where: { id: r.id },
    select: { id: true, version: true, contentHash: true, reliability: true, reliabilityReason: true },
  });
  let outcome: Outcome;
  if (!stored) {
    authorizeWriter(w.writer, r.reliability === undefined ? "RESEARCHER" : "ANALYST", "import source grades");
    // Stored exactly as given (unlike a pasted text, which is tidied): the file's offsets point into it.
    const { version } = await addSource(
      w,
      { id: r.id, ...metadata, outlet: metadata.outlet, authors: r.authors, url: r.url, published: r.publishedAt, metadataNote: r.metadataNote ?? null },
      r.text,
    );
    stored = { id: r.id, version, contentHash: contentHash(r.text), reliability: null, reliabilityReason: null };
    outcome = "created";
  } else {
    if (stored.contentHash !== contentHash(r.text))
      throw new Rejection(`text: differs from the stored text of "${r.id}"; a source's text never changes (its quotes point into it).`);
    const result = await updateSource.within(w, { id: stored.id, version: stored.version, reason: REASON, ...metadata });
    stored = { ...stored, version: result.version };
    outcome = result.changed ? "updated" : "unchanged";
  }
  const grade = { reliability: r.reliability ?? null, reliabilityReason: r.reliabilityReason ?? null };
  if (r.reliability !== undefined && changed(stored, grade)) {
    await gradeSource.within(w, { id: stored.id, version: stored.version, reliability: r.reliability, reason: r.reliabilityReason ?? "" });
    if (outcome === "unchanged") outcome = "updated";
  }
  return outcome;
}

async function writeClaim(w: WriteContext, r: Of<typeof ClaimRecord>): Promise<Outcome> {
  const topic = await w.tx.topic.findUnique({ where: { slug: r.topic }, select: { id: true } });
  if (!topic) throw new Rejection(`topic: no topic "${r.topic}" in the file or stored.`);
  let stored = await w.tx.claim.findUnique({ where: { slug: r.slug }, select: { id: true, version: true, text: true, topicId: true, quantityKind: true } });
  let outcome: Outcome = "unchanged";
  if (!stored) {
    authorizeWriter(w.writer, r.quantity === undefined ? "RESEARCHER" : "ANALYST", "mark quantity claims");
    const created = await addClaim(w, { slug: r.slug, text: r.text, topic: topic.id }, "");
    stored = { id: created.id, version: created.version, text: r.text, topicId: topic.id, quantityKind: null };
    outcome = "created";
  } else if (changed(stored, { text: r.text, topicId: topic.id })) {
    const { version } = await updateClaim.within(w, { id: stored.id, version: stored.version, reason: REASON, text: r.text, topic: topic.id });
    stored = { ...stored, version };
    outcome = "updated";
  }
  if ((r.quantity ?? null) !== stored.quantityKind && (r.quantity !== undefined || outcome === "created")) {
    await setClaimQuantity.within(w, { id: stored.id, version: stored.version, quantityKind: r.quantity ?? null, reason: REASON });
    if (outcome === "unchanged") outcome = "updated";
  }
  if ((await tagClaim(w, stored.id, r.tags)) > 0 && outcome === "unchanged") outcome = "updated";
  return outcome;
}

async function writeStance(w: WriteContext, r: Of<typeof StanceRecord>, known: Stored): Promise<Outcome> {
  const { claim, source, speaker, hint, anchor } = known.resolve(r);
  const reading = { position: r.position, mode: r.mode, speaker: speaker ? { id: speaker.id } : null, note: r.note ?? "" };
  const key = anchor ? passageKey(claim.id, source.id, anchor.start, anchor.end) : null;
  let stored = key ? known.stances.get(key) : undefined;
  let outcome: Outcome = "unchanged";
  if (!stored) {
    authorizeWriter(w.writer, r.credibility === undefined && r.interval === undefined ? "RESEARCHER" : "ANALYST", "import credibility and intervals");
    const created = await createStance.within(w, { sourceId: source.id, quote: r.quote, ...hint, claim: { id: claim.id }, ...reading });
    stored = {
      id: created.id,
      claimId: claim.id,
      sourceId: source.id,
      start: created.start,
      end: created.end,
      version: 1,
      position: r.position,
      mode: r.mode,
      speakerId: speaker?.id ?? null,
      note: r.note ?? null,
      credibility: null,
      intervalManual: false,
      intervalLow: null,
      intervalHigh: null,
    };
    outcome = "created";
  } else if (changed(stored, { position: r.position, mode: r.mode, speakerId: speaker?.id ?? null, note: r.note ?? null })) {
    const { version } = await updateStance.within(w, { id: stored.id, version: stored.version, reason: REASON, ...reading });
    stored = { ...stored, version, position: r.position, mode: r.mode, speakerId: speaker?.id ?? null, note: r.note ?? null };
    outcome = "updated";
  }
  const assessment = {
    credibility: r.credibility ?? stored.credibility,
    ...(r.interval === undefined
      ? { intervalManual: stored.intervalManual, intervalLow: stored.intervalLow, intervalHigh: stored.intervalHigh }
      : { intervalManual: true, intervalLow: r.interval.low, intervalHigh: r.interval.high }),
  };
  if ((r.credibility !== undefined || r.interval !== undefined) && changed(stored, assessment)) {
    const { version } = await assessStance.within(w, { id: stored.id, version: stored.version, reason: REASON, ...assessment });
    stored = { ...stored, ...assessment, version };
    if (outcome === "unchanged") outcome = "updated";
  }
  known.stances.set(passageKey(claim.id, source.id, stored.start, stored.end), stored);
  return outcome;
}

function placed<T>(locate: () => T): T | null {
  try {
    return locate();
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** Where the n-th (1-based) occurrence of the quote is, as offsets; past the last one, a refusal. */
function nthOccurrence(text: string, quote: string, n: number | undefined) {
  if (n === undefined) return undefined;
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Rejection(`occurrence: the quote occurs fewer than ${n} times in the source's text.`);
  }
  return { start: at, end: at + quote.length };
}

async function writeRelation(w: WriteContext, r: Of<typeof RelationRecord>): Promise<Outcome> {
  const from = await w.tx.claim.findUnique({ where: { slug: r.from }, select: { id: true } });
  if (!from) throw new Rejection(`from: no claim "${r.from}" in the file or stored.`);
  const to = await w.tx.claim.findUnique({ where: { slug: r.to }, select: { id: true } });
  if (!to) throw new Rejection(`to: no claim "${r.to}" in the file or stored.`);
  const stored = await w.tx.claimRelation.findUnique({ where: { fromClaimId_toClaimId_kind: { fromClaimId: from.id, toClaimId: to.id, kind: r.kind } } });
  if (stored && (stored.note ?? null) === (r.note ?? null)) return "unchanged";
  // A relation's note is part of how it was made: a new note removes and adds it again, as on the review page.
  if (stored) await removeRelation.within(w, { id: stored.id, reason: REASON });
  await addRelation.within(w, { fromClaimId: from.id, toClaim: to.id, kind: r.kind, note: r.note ?? "" });
  return stored ? "updated" : "created";
}

async function writeVerdict(w: WriteContext, r: Of<typeof VerdictRecord>): Promise<Outcome> {
  authorizeWriter(w.writer, "ANALYST", "give verdicts");
  const claim = await w.tx.claim.findUnique({ where: { slug: r.claim }, select: { id: true } });
  if (!claim) throw new Rejection(`claim: no claim "${r.claim}" in the file or stored.`);
  const at = new Date(r.at);
  const stored = await w.tx.verdict.findFirst({ where: { claimId: claim.id, createdAt: at }, select: { rating: true, confidence: true, rationale: true } });
  const wanted = { rating: r.rating, confidence: r.confidence, rationale: r.rationale };
  if (stored && !changed(stored, wanted)) return "unchanged";
  // Verdicts are a history: one given at that moment is not rewritten.
  if (stored)
    throw new Rejection(`at: a different verdict was given on "${r.claim}" at ${r.at}; a verdict is never rewritten: give a new one with its own time.`);
  await giveVerdict(w, { claimId: claim.id, ...wanted, at });
  return "created";
}
