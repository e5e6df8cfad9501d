import type { z } from "zod";
import { connectionOf, type Db, type Dialect, type Tx, type TxConnection } from "../database/create-client";
import { lockClaimSummaries, lockCorpusCounts } from "../database/row-locks";
import { isUniqueViolation } from "../database/unique-violation";
import { AppError } from "../errors";
import { aRole, authorize, hasRole, type CurrentUser, type Role } from "../roles";
import { refreshClaimSummaries } from "./refresh-claim-summary";
import { recordCreations, recordRevision, recordRevisions, type RevisionInput } from "../revisions/record";
import { parseInput } from "../schemas/parse-input";
import { refreshCorpusCounts } from "./refresh-corpus-counts";

// Every write runs inside a write context: one transaction, the account writing, a recorder
// for its revisions, and what it touched. Writers say what they touched; the context refreshes
// the stored summaries of the touched claims and the corpus counts once, at the end of the
// transaction, in this one place (decision 0014). Issue 11's cache invalidation and search
// index hang off the same sets.

/** Who writes: an account, or the seed loader (no account, role ADMIN, no revisions). */
export type Writer = { userId: string | null; role: Role };

export type WriteOptions = {
  /** false for the seed loader, whose records are curated, not anyone's edits. */
  revisions?: boolean;
  /** How long the transaction may run; a large import needs minutes. */
  timeout?: number;
};

export class WriteContext implements TxConnection {
  /** Claims whose stored summary (counts, status, weights, origins) this write may have changed. */
  readonly claims = new Set<string>();
  /** Claims whose weights a grade moved in place (lib/write/reweigh-claims.ts): nothing to refresh, but their pages changed. */
  readonly reweighed = new Set<string>();
  /** Sources and speakers whose pages this write changed (for the caches of issue 11). */
  readonly sources = new Set<string>();
  readonly actors = new Set<string>();
  private countsChanged = false;

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
   * A speaker or an outlet changed what the claims quoting it store about their origins (a name,
   * whether a speaker is unnamed): those claims are refreshed at the end too.
   */
  async touchClaimsQuoting(by: { speakerId: string } | { outletId: string }): Promise<void> {
    const rows = await this.tx.stance.findMany({
      where: "speakerId" in by ? { speakerId: by.speakerId } : { source: { outletId: by.outletId } },
      select: { claimId: true },
      distinct: ["claimId"],
    });
    this.touchClaims(...rows.map((r) => r.claimId));
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

  /** Refreshes what the write touched; runWrite calls it once, before the transaction commits. */
  async settle(): Promise<void> {
    if (this.claims.size > 0) {
      await this.lockSummaries([...this.claims]);
      await refreshClaimSummaries(this, [...this.claims]);
    }
    if (this.countsChanged) {
      if (this.concurrent) await lockCorpusCounts(this.tx);
      await refreshCorpusCounts(this.tx);
    }
  }
}

/** Runs a write in one transaction with its context, and settles what it touched before committing. */
export async function runWrite<T>(db: Db, writer: Writer, write: (w: WriteContext) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const { dialect, sqlite } = connectionOf(db, tx);
      const w = new WriteContext(tx, writer, options.revisions ?? true, dialect, sqlite);
      const result = await write(w);
      await w.settle();
      return result;
    },
    options.timeout ? { timeout: options.timeout, maxWait: 10_000 } : undefined,
  );
}

export const writerOf = (user: CurrentUser): Writer => ({ userId: user.id, role: user.role });

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
      return await runWrite(db, writerOf(account), (w) => body(w, data), { timeout: spec.timeout });
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
