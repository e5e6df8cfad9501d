import { randomUUID } from "node:crypto";
import type { Db } from "../database/create-client";
import { AppError, notFound } from "../errors";
import { authorize, hasRole, type CurrentUser } from "../roles";
import { importRecords, type ImportReport } from "./import";
import type { RawRecord } from "./parse";

// An API import too large to answer at once, and every import from the browser's /import page,
// runs as a job: the request is answered 202 with the job, and GET /api/import/{id} reports its
// progress and, when it is done, its report. Jobs run one at a
// time in this server process (an import is one transaction, and SQLite has one writer), and a
// finished job is kept for an hour. They live in this process's memory: with several app servers,
// the job's address must reach the server that answered the POST (decision 0014).

export type ImportJob = {
  id: string;
  status: "queued" | "running" | "done" | "failed";
  progress: { done: number; total: number };
  report: ImportReport | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

type Entry = ImportJob & { ownerId: string };
const KEEP_MS = 60 * 60 * 1000;
const state = globalThis as unknown as { corroborateImportJobs?: Map<string, Entry>; corroborateImportQueue?: Promise<unknown> };
const jobs = () => (state.corroborateImportJobs ??= new Map());

function forget(now = Date.now()) {
  for (const [id, job] of jobs()) if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_MS) jobs().delete(id);
}

const view = ({ ownerId: _, ...job }: Entry): ImportJob => ({ ...job, progress: { ...job.progress } });

/** Queues an import of these records for the user; it runs after the jobs before it. */
export function startImportJob(db: Db, user: CurrentUser | null, records: readonly RawRecord[], partial: boolean): ImportJob {
  const owner = authorize(user, "RESEARCHER", "import data");
  forget();
  const job: Entry = {
    id: randomUUID(),
    ownerId: owner.id,
    status: "queued",
    progress: { done: 0, total: records.length },
    report: null,
    error: null,
    createdAt: new Date().toISOString(),
    finishedAt: null,
  };
  jobs().set(job.id, job);
  const run = async () => {
    job.status = "running";
    try {
      job.report = await importRecords(db, owner, records, { partial, onProgress: (done, total) => (job.progress = { done, total }) });
      job.status = "done";
    } catch (error) {
      job.status = "failed";
      job.error = error instanceof AppError ? error.message : "The import failed on our side; nothing was written.";
      if (!(error instanceof AppError)) console.error(error);
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  };
  state.corroborateImportQueue = (state.corroborateImportQueue ?? Promise.resolve()).then(run, run);
  return view(job);
}

/** A job, for the account that started it (or an admin); anyone else is told it does not exist. */
export function getImportJob(user: CurrentUser | null, id: string): ImportJob {
  const viewer = authorize(user, "RESEARCHER", "read imports");
  forget();
  const job = jobs().get(id);
  if (!job || (job.ownerId !== viewer.id && !hasRole(viewer, "ADMIN"))) throw notFound("The import job");
  return view(job);
}
