import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { plural } from "@/lib/format";
import { orProblem } from "@/lib/http/page-data";
import { listRequests, myRequests, REQUEST_COUNT_CAP, REQUESTS_PAGE_SIZE, RequestsQuerySchema } from "@/lib/requests/list-requests";
import { parseParams } from "@/lib/schemas/parse-params";
import { MAX_ASKS_PER_ADDRESS_HOUR } from "@/lib/requests/check-requests";
import { AskForm } from "../_components/forms/request-forms";

export const metadata: Metadata = { title: "Requests to check a claim" };

type SearchParams = Record<string, string | string[] | undefined>;

const STATUS_WORD = { OPEN: "Open", ACCEPTED: "Accepted", DECLINED: "Declined" } as const;

/** Readers' requests, "most wanted" first, and the form to ask. */
export default async function RequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [raw, user] = await Promise.all([searchParams, currentUser()]);
  const [{ data, problem }, mine] = await Promise.all([
    orProblem(async () => {
      const query = parseParams(RequestsQuerySchema, raw);
      return { query, list: await listRequests(db, query) };
    }),
    user ? myRequests(db, user.id) : Promise.resolve([]),
  ]);
  const href = (status: string, page = 1) => `/requests?status=${status}${page > 1 ? `&page=${page}` : ""}`;
  return (
    <>
      <h1>Requests to check a claim</h1>
      <p>
        Seen a claim that should be checked? Ask here. A request that says what a claim already here says joins it; the same request from several readers counts
        each reader once. Analysts accept the most wanted into their review queue, or decline them saying why.
      </p>

      <section aria-labelledby="ask-heading">
        <h2 id="ask-heading">Ask for a check</h2>
        {user ? null : (
          <p className="muted">
            You may ask without an account: at most {MAX_ASKS_PER_ADDRESS_HOUR} requests an hour from one address. <a href="/sign-in?next=/requests">Sign in</a>{" "}
            to find your requests and the answers here later.
          </p>
        )}
        <AskForm />
      </section>

      {mine.length > 0 ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">Your requests</h2>
          <ul className="requests">
            {mine.map((r) => (
              <li key={r.id}>
                <a href={`/requests/${r.id}`}>{r.text}</a> — <strong>{STATUS_WORD[r.status]}</strong>
                {r.reason ? <>: {r.reason}</> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Most wanted</h2>
        <nav aria-label="Requests by state" className="tabs">
          {(["open", "accepted", "declined"] as const).map((status) => (
            <a key={status} href={href(status)} aria-current={(data?.query.status ?? "open") === status ? "page" : undefined}>
              {status[0]!.toUpperCase() + status.slice(1)}
            </a>
          ))}
        </nav>
        {problem ? (
          <p className="problem" role="alert">
            {problem} <Link href="/requests">Show the open requests</Link>.
          </p>
        ) : null}
        {data ? (
          <>
            <p className="results-count">
              {data.list.total === null
                ? `More than ${REQUEST_COUNT_CAP.toLocaleString("en")} ${data.query.status} requests, page ${data.query.page}`
                : plural(data.list.total, `${data.query.status} request`)}
              {data.list.pages !== null && data.list.pages > 1 ? `, page ${data.query.page} of ${data.list.pages}` : ""}
            </p>
            <ol className="requests" start={(data.query.page - 1) * REQUESTS_PAGE_SIZE + 1}>
              {data.list.requests.map((r) => (
                <li key={r.id}>
                  <p>
                    <a href={`/requests/${r.id}`}>{r.text}</a>
                  </p>
                  <p className="muted">
                    {plural(r.askerCount, "requester")} · last asked {r.lastAskedAt.toISOString().slice(0, 10)}
                    {r.claim ? (
                      <>
                        {" "}
                        · matches <a href={`/claims/${r.claim.slug}`}>{r.claim.text}</a>
                      </>
                    ) : null}
                    {r.reason ? <> · {r.reason}</> : null}
                  </p>
                </li>
              ))}
            </ol>
            <nav className="pager" aria-label="Pages">
              {data.query.page > 1 ? (
                <a href={href(data.query.status, data.query.page - 1)} rel="prev">
                  Previous page
                </a>
              ) : null}
              {data.list.hasNext ? (
                <a href={href(data.query.status, data.query.page + 1)} rel="next">
                  Next page
                </a>
              ) : null}
            </nav>
          </>
        ) : null}
      </section>
    </>
  );
}
