import type { z } from "zod";
import { connectionOf, dialectOf, type Db, type Dialect, type Tx, type TxConnection } from "../database/create-client";
import { lockClaimSummaries, lockCorpusCounts } from "../database/row-locks";
import { isUniqueViolation } from "../database/unique-violation";
import { postgresConflict, sqliteBusy } from "../database/faults";
import { AppError } from "../errors";
import { aRole, authorize, hasRole, type CurrentUser, type Role } from "../roles";
import { refreshClaimSummaries } from "./refresh-claim-summary";
import { recordCreations, recordRevision, recordRevisions, type RevisionInput } from "../revisions/record";
import { parseInput } from "../schemas/parse-input";
import { refreshCorpusCounts } from "./refresh-corpus-counts";
import { MAX_TAGS, notifyCommitted, tag } from "./cache-tags";
import { recordPageChange } from "./page-changes";
import { deliverActivity, type ActivityEvent } from "./deliver-activity";

// Every write runs inside a write context: one transaction, the account writing, a recorder
// for its revisions, and what it touched. Writers say what they touched; the context refreshes
// the stored summaries of the touched claims and the corpus counts once, at the end of the
// transaction, in this one place (decision 0014). From the same sets it names the pages the write
// changed (cache tags, decision 0016), stores them for every app server (decision 0017) and
// announces them once the transaction has committed, and tells the watchers what happened
// (lib/write/deliver-activity.ts). The search
// index needs nothing from it: the migrations' triggers keep it (decision 0015).

/** The claims quoting a speaker, a source, or any source of an outlet. */
type Quoting = { speakerId: string } | { outletId: string } | { sourceId: string };

/** Who writes: an account, or the seed loader (no account, role ADMIN, no revisions). */
export type Writer = { userId: string | null; role: Role; /** How the account is named in what others are told (activity lines). */ name?: string };

export type WriteOptions = {
  /** false for the seed loader, whose records are curated, not anyone's edits. */
  revisions?: boolean;
  /** How long the transaction may run; a large import needs minutes. */
  timeout?: number;
  /**
   * The write reads and changes nothing outside its transaction, so it may run again when SQLite
   * refuses it for another process's commit (defineWrite's bodies; not the importer, whose
   * report is filled as it goes).
   */
  rerunnable?: boolean;
};

export class WriteContext implements TxConnection {
  /** Claims whose stored summary (counts, status, weights, origins) this write may have changed. */
  readonly claims = new Set<string>();
  /**
   * Claims whose pages changed with nothing to refresh: weights a grade moved in place
   * (lib/write/reweigh-claims.ts), a grade they show, a verdict, a relation, new wording.
   */
  readonly reweighed = new Set<string>();
  /** Claims whose change shows on the pages quoting them too: their wording, status or retraction. */
  readonly shownWhereQuoted = new Set<string>();
  /** Topics whose matrix changed beyond the touched claims' own (a claim moved out of one). */
  readonly topics = new Set<string>();
  /** Sources, speakers and outlets whose pages this write changed. */
  readonly sources = new Set<string>();
  readonly actors = new Set<string>();
  readonly outlets = new Set<string>();
  /** What this write did that watchers are told (lib/write/deliver-activity.ts), delivered when it settles. */
  private readonly events: ActivityEvent[] = [];
  private countsChanged = false;
  /** The cache tags of what this write changed, named when it settles. */
  tags: string[] = [];

  constructor(
    readonly tx: Tx,
    readonly writer: Writer,
    private readonly keepRevisions: boolean,
    /** For the statements written by hand (insertRows): the dialect, and on SQLite the driver. */
    readonly dialect: Dialect = "sqlite",
    readonly sqlite: TxConnection["sqlite"] = null,
  ) {}

  /** PostgreSQL: other writes run beside this one, so the summaries it recomputes are locked first. */
  private get concurrent(): boolean {
    return this.dialect === "postgresql";
  }

  /** The writing account's id, for rows that name who made them. */
  get userId(): string | null {
    return this.writer.userId;
  }

  /** These claims' stances or grades changed: their summaries, and so the corpus counts, are recomputed at the end. */
  touchClaims(...ids: string[]): void {
    for (const id of ids) this.claims.add(id);
    this.countsChanged = true;
  }

  /**
   * A speaker, source or outlet changed what the claims quoting it store or show (a name, a
   * title, a date, whether a speaker is unnamed): those claims are refreshed at the end too.
   */
  async touchClaimsQuoting(by: Quoting): Promise<void> {
    this.touchClaims(...(await this.claimsQuoting(by)));
  }

  /** These claims' pages changed, but not what their summary counts (a verdict, a relation, a grade they show). */
  showClaims(...ids: string[]): void {
    for (const id of ids) this.reweighed.add(id);
  }

  /** These claims changed in a way the pages quoting them show as well (their wording, their retraction, a merge). */
  showWhereQuoted(...ids: string[]): void {
    this.showClaims(...ids);
    for (const id of ids) this.shownWhereQuoted.add(id);
  }

  /** A grade changed: the pages of the claims quoting it show it, whether or not it moved their weights. */
  async showChangedGrade(by: Quoting): Promise<void> {
    this.showClaims(...(await this.claimsQuoting(by)));
  }

  private async claimsQuoting(by: Quoting): Promise<string[]> {
    const rows = await this.tx.stance.findMany({
      where: "speakerId" in by ? { speakerId: by.speakerId } : "sourceId" in by ? { sourceId: by.sourceId } : { source: { outletId: by.outletId } },
      select: { claimId: true },
      distinct: ["claimId"],
    });
    return rows.map((r) => r.claimId);
  }

  /** Tells the watchers of the event's claim, source or topic (and anyone it names) what happened. */
  notify(event: ActivityEvent): void {
    this.events.push(event);
  }

  /** Something the corpus counts count changed (a claim, source or speaker added, retracted or restored). */
  touchCounts(): void {
    this.countsChanged = true;
  }

  /** Records one change, by the writing account. */
  async revise(revision: Omit<RevisionInput, "userId">): Promise<void> {
    if (this.keepRevisions) await recordRevision(this.tx, { ...revision, userId: this.writer.userId });
  }

  async reviseMany(revisions: readonly Omit<RevisionInput, "userId">[]): Promise<void> {
    if (this.keepRevisions) await recordRevisions(this, revisions, this.writer.userId);
  }

  /** Records the creation of new rows (version 1), each with its fields as the changes from nothing. */
  async reviseCreated(
    entityType: RevisionInput["entityType"],
    rows: readonly { id: string }[],
    describe: (i: number) => { fields: Record<string, unknown>; claimId?: string; sourceId?: string },
  ): Promise<void> {
    if (this.keepRevisions) await recordCreations(this, entityType, rows, describe, this.writer.userId);
  }

  /** Before reading stored summaries to change them in place: on PostgreSQL, their row locks (lib/database/row-locks.ts). */
  async lockSummaries(claimIds: readonly string[]): Promise<void> {
    if (this.concurrent) await lockClaimSummaries(this.tx, claimIds);
  }

  /**
   * Refreshes what the write touched, names the pages it changed and stores their names for the
   * other app servers; runWrite calls it once, before the transaction commits.
   */
  async settle(): Promise<void> {
    if (this.claims.size > 0) {
      await this.lockSummaries([...this.claims]);
      const { statusChanged } = await refreshClaimSummaries(this, [...this.claims]);
      for (const id of statusChanged) this.shownWhereQuoted.add(id);
    }
    if (this.countsChanged) {
      if (this.concurrent) await lockCorpusCounts(this.tx);
      await refreshCorpusCounts(this.tx);
    }
    this.tags = await this.changedTags();
    await recordPageChange(this.tx, this.tags);
    await deliverActivity(this.tx, this.events, this.writer.userId);
  }

  /**
   * The pages this write changed: each claim touched or shown changed, with its topic's matrix;
   * the claim lists when a summary or wording changed; the pages of the sources and speakers
   * quoting a claim whose wording, status or retraction changed (they show these); each source,
   * speaker and outlet touched with its list; the counts. A write that changes more claims than
   * MAX_TAGS pages can name changes every page.
   */
  private async changedTags(): Promise<string[]> {
    const claims = new Set([...this.claims, ...this.reweighed]);
    if (claims.size > MAX_TAGS || this.topics.size > MAX_TAGS || this.shownWhereQuoted.size > MAX_TAGS) return [tag.corpus];
    const tags = new Set<string>();
    const add = (ids: ReadonlySet<string>, name: (id: string) => string, list: string) => {
      for (const id of ids) tags.add(name(id));
      if (ids.size > 0) tags.add(list);
    };
    if (claims.size > 0) {
      const ids = [...claims];
      const topics = await this.tx.claim.findMany({ where: { id: { in: ids } }, select: { topicId: true }, distinct: ["topicId"] });
      for (const id of ids) tags.add(tag.claim(id));
      for (const t of topics) tags.add(tag.topic(t.topicId));
      if (this.claims.size > 0 || this.shownWhereQuoted.size > 0) tags.add(tag.claims);
    }
    if (this.shownWhereQuoted.size > 0) {
      const shownOn = await this.tx.stance.findMany({
        where: { claimId: { in: [...this.shownWhereQuoted] } },
        select: { sourceId: true, speakerId: true },
        distinct: ["sourceId", "speakerId"],
      });
      for (const s of shownOn) {
        this.sources.add(s.sourceId);
        if (s.speakerId) this.actors.add(s.speakerId);
      }
    }
    for (const id of this.topics) tags.add(tag.topic(id));
    // The claim lists show the topics (and filter by them).
    if (this.topics.size > 0) tags.add(tag.claims);
    add(this.sources, tag.source, tag.sources);
    add(this.actors, tag.actor, tag.actors);
    add(this.outlets, tag.outlet, tag.outlets);
    if (this.countsChanged) tags.add(tag.counts);
    return tags.size > MAX_TAGS ? [tag.corpus] : [...tags];
  }
}

/**
 * Runs a write in one transaction with its context, settles what it touched before committing,
 * and once it has committed announces the pages it changed (lib/write/cache-tags.ts).
 */
export async function runWrite<T>(db: Db, writer: Writer, write: (w: WriteContext) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runWriteOnce(db, writer, write, options);
    } catch (error) {
      // Another process (a second server, an import script) committed between this transaction's
      // first read and its first write on SQLite, or held SQLite's write lock too long, or
      // PostgreSQL broke a deadlock by ending this transaction: nothing was written, and a new
      // attempt sees the other write.
      const conflict = dialectOf(db) === "sqlite" ? sqliteBusy(error) : postgresConflict(error);
      if (!options.rerunnable || attempt >= SNAPSHOT_ATTEMPTS || !conflict) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}

/** How many times a write meets another process's commit on SQLite before it gives up. */
const SNAPSHOT_ATTEMPTS = 5;

async function runWriteOnce<T>(db: Db, writer: Writer, write: (w: WriteContext) => Promise<T>, options: WriteOptions): Promise<T> {
  let tags: string[] = [];
  const result = await db.$transaction(
    async (tx) => {
      const { dialect, sqlite } = connectionOf(db, tx);
      const w = new WriteContext(tx, writer, options.revisions ?? true, dialect, sqlite);
      const result = await write(w);
      await w.settle();
      tags = w.tags;
      return result;
    },
    options.timeout ? { timeout: options.timeout, maxWait: 10_000 } : undefined,
  );
  notifyCommitted(tags);
  return result;
}

export const writerOf = (user: CurrentUser): Writer => ({ userId: user.id, role: user.role, name: user.name });

/** The role check for a writer already inside a context (an import's records). */
export function authorizeWriter(writer: Writer, needed: Role, doing: string): void {
  if (!hasRole(writer, needed)) throw new AppError("FORBIDDEN", `Only ${aRole(needed)} or above can ${doing}; this account is ${aRole(writer.role)}.`);
}

type WriteSpec<S extends z.ZodType> = {
  /** The least role that may make this write. */
  role: Role;
  /** Completes "Sign in to …" and "Only a researcher or above can …". */
  doing: string;
  input: S;
  /** What a unique-constraint failure means here: someone made the same thing at the same moment. */
  duplicate?: { message: string; field?: string };
  /** How long its transaction may run, when the default 5 s is not enough (grading an outlet). */
  timeout?: number;
};

/** A write's one business function, callable from every door. */
export type Write<R> = {
  /** A form's action or the JSON API: authorizes the user, validates, runs in its own transaction. */
  (db: Db, user: CurrentUser | null, input: unknown): Promise<R>;
  /** Inside a context already open (the importer's one transaction): the same checks and body. */
  within(w: WriteContext, input: unknown): Promise<R>;
};

/**
 * Declares a write once: who may make it, its input schema, and its body. Every door calls the
 * result, so the same input gets the same answer through a form, the API and an import.
 */
export function defineWrite<S extends z.ZodType, R>(spec: WriteSpec<S>, body: (w: WriteContext, data: z.output<S>) => Promise<R>): Write<R> {
  const duplicate = (error: unknown) => {
    if (spec.duplicate && isUniqueViolation(error)) return new AppError("CONFLICT", spec.duplicate.message, spec.duplicate.field);
    return error;
  };
  const write = async (db: Db, user: CurrentUser | null, input: unknown) => {
    const account = authorize(user, spec.role, spec.doing);
    const data = parseInput(spec.input, input);
    try {
      return await runWrite(db, writerOf(account), (w) => body(w, data), { timeout: spec.timeout, rerunnable: true });
    } catch (error) {
      throw duplicate(error);
    }
  };
  write.within = async (w: WriteContext, input: unknown) => {
    authorizeWriter(w.writer, spec.role, spec.doing);
    return body(w, parseInput(spec.input, input));
  };
  return write;
}
