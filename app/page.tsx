import Link from "next/link";
import { connection } from "next/server";
import { db } from "@/lib/db";
import { listClaims } from "@/lib/claims/list-claims";
import { getCorpusCounts } from "@/lib/stats/get-corpus-counts";
import { plural } from "@/lib/format";
import { ClaimList } from "./_components/claim-list";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";

export default async function HomePage() {
  await connection();
  return <Home />;
}

/** Cached until the counts or the claims change. */
async function Home() {
  "use cache";
  keepUntilChanged(...pageTags.home);
  const [counts, contested] = await Promise.all([getCorpusCounts(db), listClaims(db, { status: "CONTESTED", limit: 10 })]);
  return (
    <>
      <section className="intro">
        <h1>Where the sources agree, and where they conflict</h1>
        <p>
          Corroborate stores each claim once and links it to every source that supports, disputes or qualifies it. Each link is anchored to the exact words in
          the source, and says who is speaking as distinct from who published.
        </p>
        <dl className="counts">
          <div>
            <dt>Claims</dt>
            <dd>{counts.claims.toLocaleString("en-US")}</dd>
          </div>
          <div>
            <dt>Contested</dt>
            <dd>{counts.contested.toLocaleString("en-US")}</dd>
          </div>
          <div>
            <dt>Sources</dt>
            <dd>{counts.sources.toLocaleString("en-US")}</dd>
          </div>
          <div>
            <dt>Quoted stances</dt>
            <dd>{counts.stances.toLocaleString("en-US")}</dd>
          </div>
          <div>
            <dt>Speakers</dt>
            <dd>{counts.actors.toLocaleString("en-US")}</dd>
          </div>
        </dl>
        <form className="filters" method="get" action="/search" role="search" aria-label="Search claims, sources and quotes">
          <div className="field">
            <label htmlFor="home-q">Search claims, sources and quotes</label>
            <input id="home-q" type="search" name="q" maxLength={300} placeholder='e.g. 10,000, Kursk or "military alliance"' />
          </div>
          <button type="submit">Search</button>
        </form>
      </section>
      <section aria-labelledby="most-contested">
        <h2 id="most-contested">Most contested claims</h2>
        <p className="hint">
          Sources take both sides of these. The most evenly split come first. <Link href="/about/statuses">How statuses are decided</Link>.
        </p>
        {contested.claims.length === 0 ? <p>No claim is contested yet.</p> : <ClaimList claims={contested.claims} />}
        <p>
          <Link href="/claims?status=contested">All {plural(contested.total, "contested claim")}</Link> · <Link href="/claims">every claim</Link>
        </p>
      </section>
    </>
  );
}
