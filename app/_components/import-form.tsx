"use client";
import { useEffect, useState } from "react";
import type { ImportReport } from "@/lib/import/import";
import type { ImportJob } from "@/lib/import/jobs";
import { useHydrated } from "./forms/use-hydrated";

type Progress = { done: number; total: number };

const POLL_MS = 400;
/** Failed reads in a row before the page says it lost contact (the import goes on regardless). */
const TOLERATED_FAILURES = 5;

/**
 * Uploads an import file, which the server runs as a job, and follows the job (GET
 * /api/import/{id}) to show its progress and then its report. The job's id is kept in the
 * address (?job=…), so a reload or a lost connection picks it up again.
 */
export function ImportForm() {
  const hydrated = useHydrated();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function follow(id: string) {
    let failures = 0;
    try {
      for (;;) {
        const response = await fetch(`/api/import/${encodeURIComponent(id)}`, { cache: "no-store" }).catch(() => null);
        const body = (await response?.json().catch(() => null)) as { job?: ImportJob; error?: { message: string } } | null;
        if (response && !response.ok && response.status < 500) {
          setProblem(body?.error?.message ?? `The import could not be read (${response.status}).`);
          return;
        }
        const job = body?.job;
        if (!job) {
          if (++failures >= TOLERATED_FAILURES) {
            setProblem("Lost contact with the server; the import goes on there. Reload this page to see how it ends.");
            return;
          }
        } else {
          failures = 0;
          setRunning(true);
          setProgress(job.progress);
          if (job.status === "done") return void setReport(job.report);
          if (job.status === "failed") return void setProblem(job.error ?? "The import failed; nothing was written.");
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } finally {
      setRunning(false);
    }
  }

  // A reload while a job runs (or after it ended) shows it again.
  useEffect(() => {
    const id = new URL(window.location.href).searchParams.get("job");
    if (id) void follow(id);
  }, []);

  async function submit(form: HTMLFormElement) {
    setProgress(null);
    setReport(null);
    setProblem(null);
    setRunning(true);
    try {
      const response = await fetch("/api/import", { method: "POST", body: new FormData(form) });
      const body = (await response.json().catch(() => null)) as { job?: ImportJob; error?: { message: string } } | null;
      if (!response.ok || !body?.job) {
        setProblem(body?.error?.message ?? `The import was refused (${response.status}).`);
        setRunning(false);
        return;
      }
      const address = new URL(window.location.href);
      address.searchParams.set("job", body.job.id);
      window.history.replaceState(null, "", address);
      setProgress(body.job.progress);
      await follow(body.job.id);
    } catch {
      setProblem("The file could not be sent. Check the connection and try again.");
      setRunning(false);
    }
  }

  const shown = report?.records.filter((r) => r.outcome !== "unchanged") ?? [];
  return (
    <>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <fieldset className="live-controls" disabled={!hydrated || running}>
          <div className="field">
            <label htmlFor="import-file">File (.json, .jsonl or .csv, at most 20 MB)</label>
            <input id="import-file" name="file" type="file" accept=".json,.jsonl,.ndjson,.csv" required />
          </div>
          <div className="field">
            <label>
              <input type="checkbox" name="partial" /> Import the good records even if some are refused
            </label>
          </div>
          <button type="submit">Import</button>
        </fieldset>
      </form>
      {progress ? (
        <div className="import-progress">
          <label htmlFor="import-progress">Records written</label> <progress id="import-progress" max={Math.max(progress.total, 1)} value={progress.done} />{" "}
          <span aria-live="polite">
            {progress.done} of {progress.total} records
          </span>
        </div>
      ) : null}
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      {report ? (
        <section aria-labelledby="import-report" className="import-report">
          <h2 id="import-report">{report.written ? "Imported" : "Nothing was written"}</h2>
          <p role="status">
            {report.counts.created} created, {report.counts.updated} updated, {report.counts.unchanged} unchanged, {report.counts.rejected} rejected.
            {!report.written && report.counts.rejected > 0 ? " Fix the rejected records, or tick the box to import the others." : ""}
          </p>
          {shown.length > 0 ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Key</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.at}>
                    <th scope="row">{r.at}</th>
                    <td>{r.type}</td>
                    <td>{r.type === "claim" && r.outcome !== "rejected" ? <a href={`/claims/${r.key}`}>{r.key}</a> : r.key}</td>
                    <td>{r.outcome}</td>
                    <td>{r.reason ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
