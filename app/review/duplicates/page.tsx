import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { listDuplicatePairs, PAIRS_PAGE_SIZE } from "@/lib/duplicates/review-pairs";
import { plural } from "@/lib/format";
import { STATUS_LABEL } from "@/lib/analysis/conflict";
import { orProblem } from "@/lib/http/page-data";
import { DuplicatesQuerySchema } from "@/lib/schemas/review";
import { parseParams } from "@/lib/schemas/parse-params";
import { NotAllowed } from "../../_components/not-allowed";
import { NumberedPager } from "../../_components/pager";
import { PairDecision } from "./pair-forms";

export const metadata: Metadata = { title: "Claims that may be duplicates" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, allowed } = await pageUser("ANALYST", "/review/duplicates");
  if (!allowed) return <NotAllowed user={user} needed="ANALYST" doing="review duplicate claims" />;
  const { data, problem } = await orProblem(async () => {
    const query = parseParams(DuplicatesQuerySchema, await searchParams);
    return { query, list: await listDuplicatePairs(db, query) };
  });
  const href = (page: number) => `/review/duplicates${page > 1 ? `?page=${page}` : ""}`;
  return (
    <>
      <h1>Claims that may be duplicates</h1>
      <p>
        Pairs of live claims whose wordings are alike, the most alike first: found whenever a claim is written, scored from 0 to 1 by the words and letters they
        share, lowered where they differ on a figure, a name, a &ldquo;not&rdquo; or a direction. Merge one into the other (it can be undone on the kept
        claim&apos;s review page), or say they are not the same claim: that pair is not proposed again. <a href="/review">Back to the review queue</a>.
      </p>
      {problem ? (
        <p className="problem" role="alert">
          {problem} <a href="/review/duplicates">Go to the first page</a>.
        </p>
      ) : null}
      {data ? (
        <section aria-labelledby="pairs-count">
          <h2 id="pairs-count" className="results-count">
            {plural(data.list.total, "pair")} scoring {data.list.threshold.toFixed(2)} or more
            {data.list.pages > 1 ? `, page ${data.query.page} of ${data.list.pages}` : ""}
          </h2>
          {data.list.pairs.length === 0 ? (
            <p>{data.query.page > data.list.pages ? <a href={href(1)}>Go to the first page</a> : "No pair of claims is waiting for a decision."}</p>
          ) : null}
          <ol className="queue" start={(data.query.page - 1) * PAIRS_PAGE_SIZE + 1}>
            {data.list.pairs.map((pair) => (
              <li key={pair.id} className="queue-item" aria-label={`Pair scoring ${pair.score.toFixed(2)}`}>
                <p className="muted">
                  Similarity {pair.score.toFixed(2)} ({pair.method})
                </p>
                <ol className="pair-claims">
                  {[pair.claimA, pair.claimB].map((c) => (
                    <li key={c.id}>
                      <a href={`/claims/${c.slug}`}>{c.text}</a>{" "}
                      <span className="muted">
                        {STATUS_LABEL[c.status]} · {plural(c.sourceCount, "source")} · {c.topic.name}
                      </span>
                    </li>
                  ))}
                </ol>
                <PairDecision pairId={pair.id} a={pair.claimA} b={pair.claimB} />
              </li>
            ))}
          </ol>
          <NumberedPager page={data.query.page} pages={data.list.pages} href={href} />
        </section>
      ) : null}
    </>
  );
}
