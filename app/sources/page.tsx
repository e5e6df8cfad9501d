import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { orProblem } from "@/lib/http/page-data";
import { SourceListQuerySchema, type SourceListQuery } from "@/lib/schemas/sources-query";
import { parseParams } from "@/lib/schemas/parse-params";
import { listSources } from "@/lib/sources/list-sources";
import { OUTLET_KIND_LABEL, SOURCE_KIND_LABEL } from "@/lib/labels";
import { PartialDate } from "../_components/partial-date";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const { data: query, problem } = await orProblem(async () => parseParams(SourceListQuerySchema, raw));
  return query ? <Sources query={query} /> : <SourcesProblem problem={problem} />;
}

/** One page of sources, cached until a source, its stances or its outlet change. */
async function Sources({ query }: { query: SourceListQuery }) {
  "use cache";
  keepUntilChanged(...pageTags.sourceList);
  const { data: page, problem } = await orProblem(() => listSources(db, query));
  if (!page) return <SourcesProblem problem={problem} />;
  return (
    <>
      <h1>Sources</h1>
      <p className="hint">Newest first. Each source keeps its full text exactly as stored, with every quoted passage highlighted.</p>
      <table className="sources-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Outlet</th>
            <th scope="col">Kind</th>
            <th scope="col">Published</th>
            <th scope="col">Excerpts</th>
          </tr>
        </thead>
        <tbody>
          {page.sources.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`/sources/${s.id}`}>{s.title}</a>
                {s.authors.length > 0 ? <span className="muted"> — {s.authors.map((a) => a.name).join(", ")}</span> : null}
              </td>
              <td>
                {s.outlet.name} <span className="muted">({OUTLET_KIND_LABEL[s.outlet.kind] ?? s.outlet.kind})</span>
              </td>
              <td>{SOURCE_KIND_LABEL[s.kind] ?? s.kind}</td>
              <td>
                <PartialDate date={s.publishedAt} precision={s.datePrecision} />
              </td>
              <td>{s._count.stances}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label="Pages">
        {query.after ? <Link href="/sources">First page</Link> : null}
        {page.nextAfter ? (
          <a href={`/sources?after=${encodeURIComponent(page.nextAfter)}`} rel="next">
            Next page
          </a>
        ) : null}
      </nav>
    </>
  );
}

function SourcesProblem({ problem }: { problem: string }) {
  return (
    <>
      <h1>Sources</h1>
      <p className="problem" role="alert">
        {problem} <Link href="/sources">First page</Link>.
      </p>
    </>
  );
}
