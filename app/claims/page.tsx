import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { listClaims, listTopics } from "@/lib/claims/list-claims";
import { STATUS_RULES } from "@/lib/analysis/conflict";
import { plural } from "@/lib/format";
import { orProblem } from "@/lib/http/page-data";
import { ClaimListQuerySchema } from "@/lib/schemas/claims-query";
import { parseParams } from "@/lib/schemas/parse-params";
import { ClaimList } from "../_components/claim-list";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";

export const metadata: Metadata = { title: "Claims" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const query = ClaimListQuerySchema.safeParse(raw);
  // A list is cached until a claim changes; words to find go through the search index per request.
  if (query.success && !query.data.q) return <CachedClaims raw={raw} />;
  return <Claims raw={raw} />;
}

async function CachedClaims({ raw }: { raw: SearchParams }) {
  "use cache";
  keepUntilChanged(...pageTags.claimList);
  return <Claims raw={raw} />;
}

async function Claims({ raw }: { raw: SearchParams }) {
  const topics = await listTopics(db);
  const { data, problem } = await orProblem(async () => {
    const query = parseParams(ClaimListQuerySchema, raw);
    return { query, page: await listClaims(db, query) };
  });
  const value = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : "");

  return (
    <>
      <h1>Claims</h1>
      <form className="filters" method="get" action="/claims" role="search" aria-label="Filter claims">
        <div className="field">
          <label htmlFor="filter-q">Words in the claim</label>
          <input id="filter-q" type="search" name="q" defaultValue={value("q")} maxLength={200} placeholder='e.g. 10,000 troops or "Kursk region"' />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={value("status").toLowerCase()}>
            <option value="">Any status</option>
            {STATUS_RULES.map((r) => (
              <option key={r.status} value={r.status.toLowerCase()}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-topic">Topic</label>
          <select id="filter-topic" name="topic" defaultValue={value("topic")}>
            <option value="">Any topic</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-agreement">Camps</label>
          <select id="filter-agreement" name="agreement" defaultValue={value("agreement")}>
            <option value="">Any</option>
            <option value="across">Agreed across camps</option>
            <option value="one-side">Supported by one side only</option>
          </select>
        </div>
        <button type="submit">Show claims</button>
      </form>

      {problem ? (
        <p className="problem" role="alert">
          {problem} <Link href="/claims">Clear the filters</Link>.
        </p>
      ) : null}

      {data ? (
        <section aria-labelledby="results">
          <h2 id="results" className="results-count">
            {plural(data.page.total, "claim")} {data.query.q || data.query.status || data.query.topic || data.query.agreement ? "match" : "in all"}, most
            contested first
          </h2>
          {data.query.topic ? (
            <p>
              <Link href={`/topics/${data.query.topic}/matrix`}>The evidence matrix of this topic</Link>: its claims against its sources.
            </p>
          ) : null}
          {data.page.claims.length === 0 ? <p>No claim matches these filters.</p> : <ClaimList claims={data.page.claims} />}
          <nav className="pager" aria-label="Pages">
            {data.query.cursor ? <Link href={pageHref(raw, undefined)}>First page</Link> : null}
            {data.page.nextCursor ? (
              <Link href={pageHref(raw, data.page.nextCursor)} rel="next">
                Next page
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </>
  );
}

function pageHref(raw: SearchParams, cursor: string | undefined): string {
  const params = new URLSearchParams();
  for (const name of ["q", "status", "topic", "agreement", "limit"]) {
    const v = raw[name];
    if (typeof v === "string" && v !== "") params.set(name, v);
  }
  if (cursor) params.set("cursor", cursor);
  const qs = params.toString();
  return qs ? `/claims?${qs}` : "/claims";
}
