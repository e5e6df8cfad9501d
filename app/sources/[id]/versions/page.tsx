import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { pageViewer } from "@/lib/auth/viewer";
import { hasRole } from "@/lib/roles";
import { plural } from "@/lib/format";
import { TEXT_ORIGIN_LABEL } from "@/lib/labels";
import { orNotFound } from "@/lib/http/page-data";
import { listSourceVersions } from "@/lib/sources/versions-read";
import { diffTexts } from "@/lib/sources/text-diff";
import { TextDiffView } from "@/app/_components/text-diff-view";
import { NewTextForm, RefetchForm } from "@/app/_components/forms/source-version-forms";

export const metadata: Metadata = { title: "Versions of the source's text" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const stamp = (date: Date) => <time dateTime={date.toISOString()}>{date.toISOString().replace("T", " ").slice(0, 16)} UTC</time>;

/** Every text the source has had, the differences between two of them, and (researchers) a new one. */
export default async function SourceVersionsPage({ params, searchParams }: Props) {
  await connection();
  const [{ id }, query, viewer] = await Promise.all([params, searchParams, pageViewer()]);
  const { source, versions } = await orNotFound(listSourceVersions(db, id));
  const numbers = versions.map((v) => v.number);
  const pick = (name: string, fallback: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const n = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    return numbers.includes(n) ? n : null;
  };
  const to = pick("to", source.textVersion);
  const from = pick("from", Math.max(1, source.textVersion - 1));
  if (to === null || from === null) notFound();
  const textOf = (n: number) => versions.find((v) => v.number === n)!.text;
  const parts = from !== to ? diffTexts(textOf(from), textOf(to)) : null;
  const canWrite = hasRole(viewer, "RESEARCHER");
  return (
    <>
      <p className="eyebrow">
        <a href={`/sources/${source.id}`}>Back to the source</a>
      </p>
      <h1>Versions of “{source.title}”</h1>
      <p>
        A source&apos;s text can change: a correction, an update at its address. Each text is kept whole with its sha256, and every excerpt is looked for in the
        new one: the same words, or the passage with its wording changed; an excerpt whose words are gone is an orphan, kept in the text it came from until a
        researcher re-attaches or retracts it (<a href="/review/orphans">orphaned excerpts</a>).
      </p>
      <table className="versions-table">
        <caption>{plural(versions.length, "version")}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">How it came</th>
            <th scope="col">Fetched or uploaded</th>
            <th scope="col">sha256</th>
            <th scope="col">Characters</th>
            <th scope="col">Replaced</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.number}>
              <th scope="row">
                <a href={`/sources/${source.id}/versions/${v.number}`}>Version {v.number}</a>
                {v.number === source.textVersion ? " (current)" : ""}
              </th>
              <td>{TEXT_ORIGIN_LABEL[v.origin] ?? v.origin}</td>
              <td>{stamp(v.fetchedAt)}</td>
              <td>
                <code title={v.contentHash}>{v.contentHash.slice(0, 16)}…</code>
              </td>
              <td>{v.text.length.toLocaleString("en-US")}</td>
              <td>
                {v.replacedAt ? (
                  <>
                    {stamp(v.replacedAt)}
                    {v.reason ? `: ${v.reason}` : ""}
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {versions.length > 1 ? (
        <section aria-labelledby="differences">
          <h2 id="differences">
            Differences between version {from} and version {to}
          </h2>
          <form className="filters" method="get" aria-label="Choose the versions to compare">
            {(["from", "to"] as const).map((name) => (
              <div className="field" key={name}>
                <label htmlFor={`compare-${name}`}>{name === "from" ? "From" : "To"}</label>
                <select id={`compare-${name}`} name={name} defaultValue={String(name === "from" ? from : to)}>
                  {numbers.map((n) => (
                    <option key={n} value={n}>
                      Version {n}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <button type="submit">Compare</button>
          </form>
          {from === to ? (
            <p>These are the same version.</p>
          ) : parts ? (
            <>
              <p className="legend">
                <del>Struck through</del>: in version {from} only. <ins>Marked</ins>: in version {to} only.
              </p>
              <TextDiffView parts={parts} />
            </>
          ) : (
            <p>These two texts differ too much to compare word by word: open each version to read it.</p>
          )}
        </section>
      ) : (
        <p>The source has had one text, the one it was added with.</p>
      )}

      {canWrite ? (
        <section aria-labelledby="new-version">
          <h2 id="new-version">A new text</h2>
          {source.url && /^https?:\/\//.test(source.url) ? (
            <>
              <p>
                Fetch <a href={source.url}>{source.url}</a> again: when the page&apos;s text differs from the current one, it becomes version{" "}
                {source.textVersion + 1}.
              </p>
              <RefetchForm sourceId={source.id} version={source.version} />
            </>
          ) : null}
          <p>Or give the corrected text, as the source now prints it:</p>
          <NewTextForm sourceId={source.id} version={source.version} />
        </section>
      ) : null}
    </>
  );
}
