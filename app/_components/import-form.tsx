"use client";
import { useState } from "react";
import type { ImportReport } from "@/lib/import/import";
import { useHydrated } from "./forms/use-hydrated";

type Progress = { done: number; total: number };

/** Uploads an import file, shows its progress as the server writes it, then the report. */
export function ImportForm() {
  const hydrated = useHydrated();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function submit(form: HTMLFormElement) {
    setProgress(null);
    setReport(null);
    setProblem(null);
    setRunning(true);
    try {
      const response = await fetch("/api/import", { method: "POST", body: new FormData(form) });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        setProblem(body?.error?.message ?? `The import was refused (${response.status}).`);
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const message = JSON.parse(line) as { progress?: Progress; report?: ImportReport; error?: { message: string } };
          if (message.progress) setProgress(message.progress);
          if (message.report) setReport(message.report);
          if (message.error) setProblem(message.error.message);
        }
      }
    } catch {
      setProblem("The connection was lost during the import. Reload to see what was stored.");
    } finally {
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
