import type { z } from "zod";
import type { Db } from "../database/create-client";
import { AppError } from "../errors";
import { authorize, type CurrentUser } from "../roles";
import { createActor, createActors, updateActor } from "../actors/write-actor";
import { addClaim, addClaims, updateClaim } from "../claims/write-claim";
import { tagClaim, tagClaims } from "../claims/tag-claim";
import { findByKeys } from "../database/in-chunks";
import { findByTuples } from "../database/find-by-tuples";
import { isoPartialDate } from "../format";
import { addOutlet, addOutlets, updateOutlet } from "../outlets/write-outlet";
import { assessStance, gradeOutlet, gradeSource, setClaimQuantity } from "../review/grading";
import { addRelation, removeRelation } from "../review/relations";
import { giveVerdict } from "../review/verdicts";
import { diffFields } from "../revisions/record";
import { locateQuote } from "../sources/anchor-quote";
import { contentHash } from "../sources/source-text";
import { addSource, addSources, updateSource } from "../sources/write-source";
import { replaceSourceText } from "../sources/text-versions";
import { currentSourceTexts } from "../database/row-locks";
import { createStance, createStances, updateStance, type SourceText } from "../stances/write-stance";
import type { Outcome as WriterOutcome } from "../write/outcome";
import { saveTopic } from "../topics/write-topic";
import { authorizeWriter, runWrite, type WriteContext, type Writer } from "../write/context";
import type { RawRecord } from "./parse";
import {
  ImportRecord,
  RECORD_ORDER,
  type RecordType,
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
  /**
   * What a stored source given another text becomes: its next version (decision 0025), or, for
   * the seed loader, whose files must match what is stored, a refusal.
   */
  newTexts?: "version" | "refuse";
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
  const valid: Item[] = [];
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
  // Even when some records are already refused, the rest are tried (and rolled back), so the
  // report names every problem in the file at once.
  const invalidCount = reports.length - valid.length;

  const groups = new Map<RecordType, Item[]>();
  for (const item of valid) {
    const group = groups.get(item.record.type);
    if (group) group.push(item);
    else groups.set(item.record.type, [item]);
  }
  try {
    await runWrite(
      db,
      importer,
      async (w) => {
        const run = new ImportRun(w, mode, raw.length, invalidCount, options.onProgress);
        run.refuseNewTexts = options.newTexts === "refuse";
        for (const type of RECORD_ORDER) {
          const items = groups.get(type) ?? [];
          if (items.length > 0) await PHASES[type](run, items as never);
        }
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

type Item<R extends ImportRecord = ImportRecord> = { at: string; record: R; report: RecordReport };
type RecordOf<T extends RecordType> = Extract<ImportRecord, { type: T }>;

const passageKey = (claimId: string, sourceId: string, start: number, end: number) => `${claimId}|${sourceId}|${start}|${end}`;
const STANCE_BATCH = 5_000;

/**
 * One import as its phases run, one record type after another (RECORD_ORDER): the write, the
 * progress, and the ids and texts the phases found or made, so that a later phase looks up only
 * what the file did not bring. Each record type is mapped onto the writers the forms and the API
 * use (lib/<entity>/), so an import keeps their rules: resolve the record's keys to ids, find what
 * is stored under them, and call the writer that creates it (many at once) or the ones that
 * change what differs (record by record).
 */
class ImportRun {
  /** Ids by natural key (slug), of what this import found stored or wrote. */
  readonly topics = new Map<string, string>();
  readonly outlets = new Map<string, string>();
  readonly speakers = new Map<string, string>();
  readonly claims = new Map<string, string>();
  /**
   * Claims and speakers by id as linkPassages reads them (its Known), for those whose row this
   * import read or wrote and has not changed since: the stance batches then look none of them up.
   */
  readonly claimRows = new Map<string, { id: string; slug: string; retractedAt: Date | null }>();
  readonly speakerRows = new Map<string, { id: string; name: string }>();
  /** Source texts by id, with their version numbers: the file's own, and the stored ones its stances quote. */
  readonly texts = new Map<string, SourceText>();
  /** True when a stored source's other text is refused rather than made its next version (the seed loader). */
  refuseNewTexts = false;
  /** Sources this import created: a second record of one with another text is a mistake, not a new version. */
  readonly createdSources = new Set<string>();
  /** Stances stored on the claims in `stanceClaims` (all of them, retracted too), by passage; kept current as the import writes. */
  readonly stances = new Map<string, StoredStance>();
  readonly stanceClaims = new Set<string>();
  private done: number;

  constructor(
    readonly w: WriteContext,
    private readonly mode: "all" | "partial",
    private readonly total: number,
    refusedBefore: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.done = refusedBefore;
  }

  progress(records = 1) {
    this.done += records;
    this.onProgress?.(this.done, this.total);
  }

  refuse(report: RecordReport, error: Rejection | AppError) {
    report.outcome = "rejected";
    report.reason =
      error instanceof AppError && error.field && !error.message.startsWith(`${error.field}:`) ? `${error.field}: ${error.message}` : error.message;
  }

  /**
   * One record on its own. With --partial it is all or nothing on its own too: a savepoint, so
   * that a record refused halfway (its stance written, its grade refused) leaves nothing. Without
   * it any refusal rolls the whole import back, so no record needs its own.
   */
  async one(item: Item, write: () => Promise<Outcome>) {
    const savepoint = this.mode === "partial" ? (statement: string) => this.w.tx.$executeRawUnsafe(statement) : async () => 0;
    await savepoint("SAVEPOINT import_record");
    try {
      item.report.outcome = await write();
      await savepoint("RELEASE SAVEPOINT import_record");
    } catch (error) {
      if (!(error instanceof Rejection || error instanceof AppError)) throw error;
      await savepoint("ROLLBACK TO SAVEPOINT import_record");
      this.refuse(item.report, error);
    }
    this.progress();
  }

  /** Records a many-item writer took: each gets its own outcome (a refused one wrote nothing). */
  took<R extends ImportRecord, T>(items: readonly Item<R>[], outcomes: readonly WriterOutcome<T>[], onWritten: (item: Item<R>, value: T) => void = () => {}) {
    for (const [i, outcome] of outcomes.entries()) {
      const item = items[i]!;
      if (!outcome.ok) this.refuse(item.report, outcome.error);
      else {
        item.report.outcome = "created";
        onWritten(item, outcome.value);
      }
    }
    this.progress(items.length);
  }

  /** Refuses a record before any writer sees it (a reference to nothing). */
  refuseNow(item: Item, error: Rejection) {
    this.refuse(item.report, error);
    this.progress();
  }

  /** Puts in `known` the ids of the keys it lacks, looked up in batches. */
  async resolve(known: Map<string, string>, keys: Iterable<string>, find: (keys: string[]) => Promise<{ id: string; slug: string }[]>) {
    for (const row of await findByKeys(
      [...keys].filter((key) => !known.has(key)),
      find,
    ))
      known.set(row.slug, row.id);
  }
}

/**
 * Splits a phase's records three ways: those that match what is stored (reported unchanged, nothing
 * written), new ones a many-item writer takes (the first record of each key), and the rest, each on
 * its own (changes, analysts' fields, a key the file gives twice).
 */
function triage<R extends ImportRecord>(run: ImportRun, items: readonly Item<R>[], keyOf: (r: R) => string, judge: (r: R) => "new" | "unchanged" | "alone") {
  const fresh: Item<R>[] = [];
  const alone: Item<R>[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = keyOf(item.record);
    const verdict = seen.has(key) ? "alone" : judge(item.record);
    seen.add(key);
    if (verdict === "unchanged") run.progress();
    else (verdict === "new" ? fresh : alone).push(item);
  }
  return { fresh, alone };
}

/**
 * What is stored under the records' keys, by key: which keys are stored is found on the key's
 * unique index, a seek each (findByTuples), and only those rows are read whole, by id, with
 * `read`. A first import finds none and reads nothing more.
 */
async function storedBy<R>(
  w: WriteContext,
  at: { table: string; key: string },
  keys: readonly string[],
  read: (ids: string[]) => Promise<R[]>,
  keyOf: (row: R) => string,
): Promise<Map<string, R>> {
  const found = await findByTuples<{ id: string }>(
    w,
    at.table,
    [at.key],
    [...new Set(keys)].map((key) => [key]),
    { select: ["id"] },
  );
  return new Map(
    (
      await findByKeys(
        found.map((row) => row.id),
        read,
      )
    ).map((row) => [keyOf(row), row]),
  );
}

/** The new records whose reference (an outlet, a topic) is in the file or stored; the others are refused, naming it. */
function referring<R extends ImportRecord>(run: ImportRun, items: Item<R>[], known: ReadonlyMap<string, string>, ref: (r: R) => string, noun: string) {
  return items.filter((item) => {
    if (known.has(ref(item.record))) return true;
    run.refuseNow(item, new Rejection(`${noun}: no ${noun} "${ref(item.record)}" in the file or stored.`));
    return false;
  });
}

const PHASES: { [T in RecordType]: (run: ImportRun, items: Item<RecordOf<T>>[]) => Promise<void> } = {
  topic: async (run, items) => {
    for (const item of items)
      await run.one(item, async () => {
        const saved = await saveTopic.within(run.w, { slug: item.record.slug, name: item.record.name });
        run.topics.set(item.record.slug, saved.id);
        return saved.outcome;
      });
  },
  outlet: importOutlets,
  actor: importActors,
  source: importSources,
  claim: importClaims,
  stance: importStances,
  relation: async (run, items) => {
    for (const item of items) await run.one(item, () => writeRelation(run.w, item.record));
  },
  verdict: async (run, items) => {
    for (const item of items) await run.one(item, () => writeVerdict(run.w, item.record));
  },
};

async function importOutlets(run: ImportRun, items: Item<Of<typeof OutletRecord>>[]) {
  const { w } = run;
  const stored = await storedBy(
    w,
    { table: "Outlet", key: "slug" },
    items.map((i) => i.record.slug),
    (ids) =>
      w.tx.outlet.findMany({
        where: { id: { in: ids } },
        select: { id: true, slug: true, name: true, kind: true, country: true, reliability: true, reliabilityReason: true },
      }),
    (row) => row.slug,
  );
  for (const o of stored.values()) run.outlets.set(o.slug, o.id);
  const { fresh, alone } = triage(
    run,
    items,
    (r) => r.slug,
    (r) => {
      const outlet = stored.get(r.slug);
      if (!outlet) return r.reliability === undefined ? "new" : "alone";
      const same =
        !changed(outlet, { name: r.name, kind: r.kind, country: r.country ?? null }) &&
        (r.reliability === undefined || !changed(outlet, { reliability: r.reliability, reliabilityReason: r.reliabilityReason ?? null }));
      return same ? "unchanged" : "alone";
    },
  );
  if (fresh.length > 0) {
    authorizeWriter(w.writer, "RESEARCHER", "add outlets");
    const outcomes = await addOutlets(
      w,
      fresh.map(({ record: r }) => ({ slug: r.slug, name: r.name, kind: r.kind, country: r.country ?? null })),
    );
    run.took(fresh, outcomes, (item, outlet) => run.outlets.set(item.record.slug, outlet.id));
  }
  for (const item of alone) await run.one(item, () => writeOutlet(w, item.record));
}

async function importActors(run: ImportRun, items: Item<Of<typeof ActorRecord>>[]) {
  const { w } = run;
  const stored = await storedBy(
    w,
    { table: "Actor", key: "slug" },
    items.map((i) => i.record.slug),
    (ids) => w.tx.actor.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true, kind: true, description: true, unnamed: true } }),
    (row) => row.slug,
  );
  for (const a of stored.values()) {
    run.speakers.set(a.slug, a.id);
    run.speakerRows.set(a.id, { id: a.id, name: a.name });
  }
  const { fresh, alone } = triage(
    run,
    items,
    (r) => r.slug,
    (r) => {
      const actor = stored.get(r.slug);
      if (!actor) return "new";
      const same = !changed(actor, { name: r.name, kind: r.kind, description: r.description ?? null, unnamed: r.unnamed ?? false });
      return same ? "unchanged" : "alone";
    },
  );
  if (fresh.length > 0) {
    const outcomes = await createActors(
      w,
      fresh.map(({ record: r }) => ({ slug: r.slug, name: r.name, kind: r.kind, description: r.description ?? "", unnamed: r.unnamed ?? false })),
    );
    run.took(fresh, outcomes, (item, actor) => {
      run.speakers.set(item.record.slug, actor.id);
      run.speakerRows.set(actor.id, { id: actor.id, name: actor.name });
    });
  }
  // A speaker renamed here is read again by the stances that name it.
  for (const item of alone) {
    await run.one(item, () => writeActor(w, item.record));
    const id = run.speakers.get(item.record.slug);
    if (id) run.speakerRows.delete(id);
  }
}

async function importSources(run: ImportRun, items: Item<Of<typeof SourceRecord>>[]) {
  const { w } = run;
  await run.resolve(
    run.outlets,
    items.map((i) => i.record.outlet),
    (slugs) => w.tx.outlet.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  );
  const stored = await storedBy(
    w,
    { table: "Source", key: "id" },
    items.map((i) => i.record.id),
    (ids) =>
      w.tx.source.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          contentHash: true,
          textVersion: true,
          title: true,
          outletId: true,
          url: true,
          publishedAt: true,
          datePrecision: true,
          kind: true,
          language: true,
          metadataNote: true,
          reliability: true,
          reliabilityReason: true,
          authors: { select: { name: true }, orderBy: { position: "asc" } },
        },
      }),
    (row) => row.id,
  );
  const { fresh, alone } = triage(
    run,
    items,
    (r) => r.id,
    (r) => {
      const source = stored.get(r.id);
      if (!source) return r.reliability === undefined ? "new" : "alone";
      if (source.contentHash !== contentHash(r.text)) return "alone";
      // A stored source whose hash matches has the file's text: its stances can be checked against it.
      run.texts.set(r.id, { text: r.text, version: source.textVersion });
      const same =
        source.title === r.title &&
        source.outletId === run.outlets.get(r.outlet) &&
        source.authors.map((a) => a.name).join("\n") === r.authors.join("\n") &&
        (source.url ?? null) === (r.url ?? null) &&
        isoPartialDate(source.publishedAt, source.datePrecision) === isoPartialDate(r.publishedAt?.date ?? null, r.publishedAt?.precision ?? null) &&
        source.kind === r.kind &&
        source.language === r.language &&
        (source.metadataNote ?? null) === (r.metadataNote ?? null) &&
        (r.reliability === undefined || !changed(source, { reliability: r.reliability, reliabilityReason: r.reliabilityReason ?? null }));
      return same ? "unchanged" : "alone";
    },
  );
  const placed = referring(run, fresh, run.outlets, (r) => r.outlet, "outlet");
  if (placed.length > 0) {
    authorizeWriter(w.writer, "RESEARCHER", "add sources");
    const outcomes = await addSources(
      w,
      placed.map(({ record: r }) => ({
        data: {
          id: r.id,
          title: r.title,
          outlet: { id: run.outlets.get(r.outlet)! },
          authors: r.authors,
          url: r.url,
          published: r.publishedAt,
          kind: r.kind,
          language: r.language,
          metadataNote: r.metadataNote ?? null,
        },
        // Stored exactly as given (unlike a pasted text, which is tidied): the file's offsets point into it.
        text: r.text,
      })),
    );
    run.took(placed, outcomes, (item) => {
      run.texts.set(item.record.id, { text: item.record.text, version: 1 });
      run.createdSources.add(item.record.id);
    });
  }
  for (const item of alone) await run.one(item, () => writeSource(w, item.record, run));
}

async function importClaims(run: ImportRun, items: Item<Of<typeof ClaimRecord>>[]) {
  const { w } = run;
  await run.resolve(
    run.topics,
    items.map((i) => i.record.topic),
    (slugs) => w.tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  );
  const stored = await storedBy(
    w,
    { table: "Claim", key: "slug" },
    items.map((i) => i.record.slug),
    (ids) =>
      w.tx.claim.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          slug: true,
          text: true,
          topicId: true,
          quantityKind: true,
          retractedAt: true,
          tags: { select: { tag: { select: { slug: true } } } },
        },
      }),
    (row) => row.slug,
  );
  for (const c of stored.values()) {
    run.claims.set(c.slug, c.id);
    run.claimRows.set(c.id, { id: c.id, slug: c.slug, retractedAt: c.retractedAt });
  }
  const { fresh, alone } = triage(
    run,
    items,
    (r) => r.slug,
    (r) => {
      const claim = stored.get(r.slug);
      if (!claim) return r.quantity === undefined ? "new" : "alone";
      const tags = new Set(claim.tags.map((t) => t.tag.slug));
      const same =
        claim.text === r.text &&
        claim.topicId === run.topics.get(r.topic) &&
        (r.quantity === undefined || r.quantity === claim.quantityKind) &&
        r.tags.every((t) => tags.has(t));
      return same ? "unchanged" : "alone";
    },
  );
  const placed = referring(run, fresh, run.topics, (r) => r.topic, "topic");
  if (placed.length > 0) {
    authorizeWriter(w.writer, "RESEARCHER", "add claims");
    const outcomes = await addClaims(
      w,
      placed.map(({ record: r }) => ({ slug: r.slug, text: r.text, topic: run.topics.get(r.topic)! })),
    );
    const tagged: { claimId: string; slugs: string[] }[] = [];
    run.took(placed, outcomes, (item, claim) => {
      run.claims.set(item.record.slug, claim.id);
      run.claimRows.set(claim.id, { id: claim.id, slug: claim.slug, retractedAt: null });
      tagged.push({ claimId: claim.id, slugs: item.record.tags });
    });
    await tagClaims(w, tagged);
  }
  for (const item of alone) await run.one(item, () => writeClaim(w, item.record));
}

/**
 * Stances: what they refer to is looked up in batches first (claims, speakers, the texts of stored
 * sources, the stances already on those claims). New stances that carry nothing but the link are
 * written many at a time (createStances), each still checked as the forms check one; the rest go
 * record by record.
 */
async function importStances(run: ImportRun, items: Item<Of<typeof StanceRecord>>[]) {
  const { w } = run;
  const records = items.map((i) => i.record);
  await run.resolve(
    run.claims,
    records.map((r) => r.claim),
    (slugs) => w.tx.claim.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  );
  await run.resolve(
    run.speakers,
    records.flatMap((r) => (r.speaker ? [r.speaker] : [])),
    (slugs) => w.tx.actor.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } }),
  );
  // On PostgreSQL under a share lock, so a new text of one of them waits for the import (lib/database/row-locks.ts).
  for (const source of await currentSourceTexts(
    w,
    records.map((r) => r.source).filter((id) => !run.texts.has(id)),
  ))
    run.texts.set(source.id, { text: source.text, version: source.textVersion });
  const claimIds = records.flatMap((r) => run.claims.get(r.claim) ?? []);
  for (const stance of await findByKeys(claimIds, (ids) => w.tx.stance.findMany({ where: { claimId: { in: ids }, orphanedAt: null }, select: STORED_STANCE })))
    run.stances.set(passageKey(stance.claimId, stance.sourceId, stance.start, stance.end), stance);
  for (const id of claimIds) run.stanceClaims.add(id);
  const known = {
    texts: run.texts,
    claims: run.claimRows,
    speakers: run.speakerRows,
    linked: (claimId: string, sourceId: string, start: number, end: number) =>
      run.stanceClaims.has(claimId) ? (run.stances.get(passageKey(claimId, sourceId, start, end)) ?? null) : undefined,
  };

  const batch: { item: Item<Of<typeof StanceRecord>>; input: Record<string, unknown> }[] = [];
  /** The batch's records by their passage, to find one linked twice in the file. */
  const queued = new Map<string, Of<typeof StanceRecord>>();
  const flush = async () => {
    authorizeWriter(w.writer, "RESEARCHER", "link passages to claims");
    const outcomes = await createStances(
      w,
      batch.map((b) => b.input),
      known,
    );
    run.took(
      batch.map((b) => b.item),
      outcomes,
      (item, linked) => noteCreated(run, linked, item.record),
    );
    batch.length = 0;
    queued.clear();
  };
  for (const item of items) {
    try {
      const plain = plainNewStance(run, item.record, queued);
      if (plain === "unchanged") {
        run.progress();
        continue;
      }
      if (plain) {
        batch.push({ item, input: plain.input });
        queued.set(plain.key, item.record);
        if (batch.length >= STANCE_BATCH) await flush();
        continue;
      }
    } catch (error) {
      if (!(error instanceof Rejection || error instanceof AppError)) throw error;
      run.refuseNow(item, error as Rejection);
      continue;
    }
    if (batch.length > 0) await flush();
    await run.one(item, () => writeStance(w, item.record, run));
  }
  if (batch.length > 0) await flush();
}

/**
 * For a stance record that is new and carries only the link (no credibility or interval): the
 * createStance input and its passage's key, to be written in a batch; "unchanged" when the file
 * already linked the same passage the same way; null when the record must go on its own (it is
 * stored, or carries an analyst's fields). Unknown references are refused here.
 */
function plainNewStance(run: ImportRun, r: Of<typeof StanceRecord>, queued: ReadonlyMap<string, Of<typeof StanceRecord>>) {
  if (r.credibility !== undefined || r.interval !== undefined) return null;
  const { claim, source, speaker, hint, anchor } = resolveStance(run, r);
  const key = anchor ? passageKey(claim, source.id, anchor.start, anchor.end) : `unplaced:${queued.size}`;
  if (anchor && run.stances.has(key)) return null;
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
    claim: { id: claim },
    position: r.position,
    mode: r.mode,
    speaker: speaker ? { id: speaker } : null,
    note: r.note ?? "",
  };
  return { input, key };
}

/** What a stance record refers to, from the run's lookups; a reference to nothing is refused. */
function resolveStance(run: ImportRun, r: Of<typeof StanceRecord>) {
  const claim = run.claims.get(r.claim);
  if (!claim) throw new Rejection(`claim: no claim "${r.claim}" in the file or stored.`);
  const text = run.texts.get(r.source)?.text;
  if (text === undefined) throw new Rejection(`source: no source "${r.source}" in the file or stored.`);
  const speaker = r.speaker ? run.speakers.get(r.speaker) : null;
  if (r.speaker && !speaker) throw new Rejection(`speaker: no speaker "${r.speaker}" in the file or stored.`);
  // The same rule as the forms': offsets are a hint, the words decide. Without offsets, the
  // record may say which occurrence it means. Words that cannot be placed are left to
  // createStance to refuse, in the words the forms use.
  const hint = r.start !== undefined && r.end !== undefined ? { start: r.start, end: r.end } : nthOccurrence(text, r.quote, r.occurrence);
  const anchor = placed(() => locateQuote(text, r.quote, hint));
  return { claim, source: { id: r.source, text }, speaker: speaker ?? null, hint, anchor };
}

/** A stance the batch created, so a later record for the same passage finds it. */
function noteCreated(run: ImportRun, linked: { id: string; claimId: string; start: number; end: number }, r: Of<typeof StanceRecord>) {
  run.stances.set(passageKey(linked.claimId, r.source, linked.start, linked.end), {
    id: linked.id,
    claimId: linked.claimId,
    sourceId: r.source,
    start: linked.start,
    end: linked.end,
    version: 1,
    position: r.position,
    mode: r.mode,
    speakerId: r.speaker ? (run.speakers.get(r.speaker) ?? null) : null,
    note: r.note ?? null,
    credibility: null,
    intervalManual: false,
    intervalLow: null,
    intervalHigh: null,
    retractedAt: null,
  });
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
  retractedAt: true,
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
  retractedAt: Date | null;
};

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

async function writeSource(w: WriteContext, r: Of<typeof SourceRecord>, run: ImportRun): Promise<Outcome> {
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
    run.createdSources.add(r.id);
    outcome = "created";
  } else {
    outcome = "unchanged";
    if (stored.contentHash !== contentHash(r.text) && run.createdSources.has(r.id))
      throw new Rejection(`text: the file gives the source "${r.id}" twice with different texts; keep one.`);
    if (stored.contentHash !== contentHash(r.text) && run.refuseNewTexts)
      throw new Rejection(
        `text: differs from the stored text of "${r.id}"; the seed never replaces a stored source's text (give it a new version in the app).`,
      );
    if (stored.contentHash !== contentHash(r.text)) {
      // A new text of a stored source: its next version, every stance re-anchored in it (decision 0025).
      authorizeWriter(w.writer, "RESEARCHER", "give sources a new text");
      const replaced = await replaceSourceText(w, stored.id, stored.version, { text: r.text, origin: "IMPORTED", reason: REASON });
      if (replaced.changed) {
        stored = { ...stored, version: replaced.version, contentHash: contentHash(r.text) };
        run.texts.set(r.id, { text: r.text, version: replaced.textVersion });
        outcome = "updated";
      }
    }
    const result = await updateSource.within(w, { id: stored.id, version: stored.version, reason: REASON, ...metadata });
    stored = { ...stored, version: result.version };
    if (result.changed) outcome = "updated";
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

async function writeStance(w: WriteContext, r: Of<typeof StanceRecord>, run: ImportRun): Promise<Outcome> {
  const resolved = resolveStance(run, r);
  const { source, hint, anchor } = resolved;
  const claim = { id: resolved.claim };
  const speaker = resolved.speaker ? { id: resolved.speaker } : null;
  const reading = { position: r.position, mode: r.mode, speaker: speaker ? { id: speaker.id } : null, note: r.note ?? "" };
  const key = anchor ? passageKey(claim.id, source.id, anchor.start, anchor.end) : null;
  let stored = key ? run.stances.get(key) : undefined;
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
      retractedAt: null,
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
  run.stances.set(passageKey(claim.id, source.id, stored.start, stored.end), stored);
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
