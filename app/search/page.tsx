import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { plural } from "@/lib/format";
import { POSITION_LABEL } from "@/lib/labels";
import { orProblem } from "@/lib/http/page-data";
import { search, SEARCH_TYPES, type SearchResult, type SearchType } from "@/lib/search/search";
import { snippetOf } from "@/lib/search/snippet";
import { parseQuery, type SearchQuery } from "@/lib/search/query";
import { SearchQuerySchema } from "@/lib/schemas/search-query";
import { parseParams } from "@/lib/schemas/parse-params";
import { MarkedText } from "../_components/marked-text";

export const metadata: Metadata = { title: "Search" };

type SearchParams = Record<string, string | string[] | undefined>;

const HEADING: Record<SearchType, [string, string]> = { claims: ["claim", "Claims"], sources: ["source", "Sources"], quotes: ["quote", "Quotes"] };
/** Results of each type shown when all three are, before "all N …". */
const PREVIEW = 5;

/** Where a result leads: the claim, or the source scrolled to the matching words. */
function resultHref(result: SearchResult): string {
  return result.type === "claim" ? `/claims/${result.slug}` : `/sources/${result.sourceId}#at-${result.start}-${result.end}`;
}

function Result({ result, query }: { result: SearchResult; query: SearchQuery }) {
  const snippet = <MarkedText text={result.snippet} marks={result.highlights} />;
  if (result.type === "claim")
    return (
      <li>
        <a href={resultHref(result)}>{snippet}</a>
      </li>
    );
  const title = snippetOf(result.title, query, result.title.length);
  return (
    <li>
      <a href={resultHref(result)}>
        <MarkedText text={title.text} marks={title.highlights} />
      </a>
      <blockquote>
        {result.clipped.start ? "…" : null}
        {snippet}
        {result.clipped.end ? "…" : null}
      </blockquote>
      {result.type === "quote" ? (
        <p className="muted">
          {POSITION_LABEL[result.position]} <Link href={`/claims/${result.claim.slug}`}>{result.claim.text}</Link>
        </p>
      ) : null}
    </li>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q : "";
  const { data, problem } = q.trim()
    ? await orProblem(async () => {
        const params = parseParams(SearchQuerySchema, raw);
        // Read once here for a clear message, and for marking the words in each result's title.
        const query = parseQuery(params.q);
        const types = params.type ? [params.type] : SEARCH_TYPES;
        const pages = await Promise.all(
          types.map(async (type) => ({ type, page: await search(db, { ...params, type, limit: params.type ? params.limit : PREVIEW }) })),
        );
        return { params, query, pages };
      })
    : { data: null, problem: null };
  const link = (extra: Record<string, string>) => `/search?${new URLSearchParams({ q, ...extra })}`;

  return (
    <>
      <h1>Search</h1>
      <form className="filters" method="get" action="/search" role="search" aria-label="Search claims, sources and quotes">
        <div className="field">
          <label htmlFor="search-q">Words, &quot;a phrase&quot; or a prefix*</label>
          <input id="search-q" type="search" name="q" defaultValue={q} maxLength={300} placeholder='e.g. "military alliance" or deploy*' />
        </div>
        {data?.params.type ? <input type="hidden" name="type" value={data.params.type} /> : null}
        <button type="submit">Search</button>
      </form>
      {problem ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
      {data?.pages.map(({ type, page }) => (
        <section key={type} aria-labelledby={`found-${type}`} className="search-results">
          <h2 id={`found-${type}`}>
            {HEADING[type][1]} <span className="muted">({plural(page.total, HEADING[type][0])})</span>
          </h2>
          {page.results.length === 0 ? (
            <p>No {HEADING[type][0]} has all these words.</p>
          ) : (
            <ol>
              {page.results.map((result) => (
                <Result key={result.id} result={result} query={data.query} />
              ))}
            </ol>
          )}
          {!data.params.type && page.total > page.results.length ? (
            <p>
              <Link href={link({ type })}>All {plural(page.total, HEADING[type][0])}</Link>
            </p>
          ) : null}
          {data.params.type && page.nextCursor ? (
            <p>
              <Link href={link({ type, cursor: page.nextCursor })}>Next {HEADING[type][1].toLowerCase()}</Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
