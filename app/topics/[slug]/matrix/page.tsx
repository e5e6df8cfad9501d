import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { cellSymbol } from "@/lib/analysis/matrix";
import { orNotFound, orProblem } from "@/lib/http/page-data";
import { POSITION_LABEL, VERDICT_LABEL } from "@/lib/labels";
import { getTopicHeading, getTopicMatrix } from "@/lib/review/topic-matrix";
import { plural } from "@/lib/format";
import { MatrixQuerySchema } from "@/lib/schemas/review-query";
import { parseParams } from "@/lib/schemas/parse-params";
import { PartialDate } from "../../../_components/partial-date";
import { StatusBadge } from "../../../_components/status-badge";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";

type MatrixSort = Parameters<typeof getTopicMatrix>[2];

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Evidence matrix" };

const SORTS = [
  ["diagnostic", "most diagnostic first"],
  ["date", "oldest first"],
  ["outlet", "by outlet"],
] as const;

/** Claims × sources for one topic, as in analysis of competing hypotheses. */
/** Whether the topic exists: a missing one is cached until a claim (which may bring it) is added. */
async function topicExists(slug: string): Promise<boolean> {
  "use cache";
  const topic = await getTopicHeading(db, slug);
  keepUntilChanged(...pageTags.matrix(topic?.id ?? null));
  return topic !== null;
}

export default async function MatrixPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  if (!(await topicExists(slug))) notFound();
  const { data, problem } = await orProblem(async () => parseParams(MatrixQuerySchema, await searchParams));
  return <Matrix slug={slug} sort={data?.sort ?? "diagnostic"} problem={problem} />;
}

/** Cached until a claim of the topic, or a source quoted on one, changes. */
async function Matrix({ slug, sort, problem }: { slug: string; sort: MatrixSort; problem: string | undefined }) {
  "use cache";
  const matrix = await orNotFound(getTopicMatrix(db, slug, sort));
  keepUntilChanged(...pageTags.matrix(matrix.topic.id));
  const symbolWords = (symbol: string) => (symbol === "±" ? "supports and disputes" : symbol === "+" ? "supports" : symbol === "−" ? "disputes" : "qualifies");

  return (
    <>
      <p className="eyebrow">
        <a href={`/claims?topic=${matrix.topic.slug}`}>Claims in {matrix.topic.name}</a>
      </p>
      <h1>Evidence matrix: {matrix.topic.name}</h1>
      <p>
        Each row is a claim, each column a source; a cell says what the source says of the claim — <strong>+</strong> {POSITION_LABEL.SUPPORTS.toLowerCase()},{" "}
        <strong>−</strong> {POSITION_LABEL.DISPUTES.toLowerCase()}, <strong>~</strong> {POSITION_LABEL.QUALIFIES.toLowerCase()}, <strong>±</strong> both
        supports and disputes — followed by the best credibility an analyst gave it (1 confirmed … 6 cannot be judged), if any. A blank cell: the source says
        nothing of the claim.
      </p>
      <p>
        As in analysis of competing hypotheses, a source that bears alike on competing claims separates none of them. A source&apos;s diagnosticity adds up,
        over each pair of claims marked as contradicting each other, how differently it bears on the two (2 when it supports one and disputes the other).{" "}
        <span aria-hidden="true">★</span> marks the most diagnostic.
        {matrix.competingPairs === 0
          ? " No claims in this topic are marked as contradicting each other yet, so no source is marked."
          : ` This topic has ${matrix.competingPairs} such pairs.`}
      </p>
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      <nav className="sort-links" aria-label="Sort the sources">
        Sources:{" "}
        {SORTS.map(([key, label], i) => (
          <span key={key}>
            {i > 0 ? " · " : ""}
            {key === sort ? <strong aria-current="true">{label}</strong> : <a href={`/topics/${matrix.topic.slug}/matrix?sort=${key}`}>{label}</a>}
          </span>
        ))}
      </nav>
      {matrix.totals.claims > matrix.rows.length || matrix.totals.sources > matrix.columns.length ? (
        <p className="hint">
          Showing the {plural(matrix.rows.length, "most contested claim")} of {matrix.totals.claims.toLocaleString("en-US")} with evidence, and the first{" "}
          {plural(matrix.columns.length, "source")} of {matrix.totals.sources.toLocaleString("en-US")} that bear on them.
        </p>
      ) : null}
      <div className="matrix-scroll">
        <table className="matrix">
          <caption>Claims (rows, most contested first) against sources (columns, {SORTS.find(([k]) => k === sort)![1]})</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {matrix.columns.map((c) => (
                <th key={c.id} scope="col" className={c.mostDiagnostic ? "most-diagnostic" : undefined}>
                  <a href={`/sources/${c.id}`}>{c.outlet}</a>
                  <span className="matrix-source-meta">
                    <PartialDate date={c.publishedAt} precision={c.datePrecision} /> · reliability {c.reliability ?? "not graded"} · diagnosticity{" "}
                    {c.diagnosticity}
                    {c.mostDiagnostic ? (
                      <>
                        {" "}
                        · <span aria-hidden="true">★</span> most diagnostic
                      </>
                    ) : null}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <a href={`/claims/${row.slug}`}>{row.text}</a> <StatusBadge status={row.status} />
                  {row.verdict !== "UNREVIEWED" ? <span className="muted"> Verdict: {VERDICT_LABEL[row.verdict]}</span> : null}
                </th>
                {matrix.columns.map((c) => {
                  const cell = matrix.cell(row.id, c.id);
                  // Most cells are empty: an empty cell (read as blank) keeps the page small.
                  if (!cell) return <td key={c.id} />;
                  const symbol = cellSymbol(cell);
                  return (
                    <td key={c.id} className={`cell cell-${symbol === "+" ? "supports" : symbol === "−" ? "disputes" : symbol === "~" ? "qualifies" : "both"}`}>
                      <span aria-hidden="true">
                        {symbol}
                        {cell.credibility ?? ""}
                      </span>
                      <span className="visually-hidden">
                        {symbolWords(symbol)}
                        {cell.credibility ? `, credibility ${cell.credibility}` : ""}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
