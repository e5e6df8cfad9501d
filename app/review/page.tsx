import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { listTopics } from "@/lib/claims/list-claims";
import { plural } from "@/lib/format";
import { orProblem } from "@/lib/http/page-data";
import { VERDICT_LABEL } from "@/lib/labels";
import { QUEUE_PAGE_SIZE, reviewQueue } from "@/lib/review/queue";
import { listAnalysts } from "@/lib/review/verdicts";
import { QueueQuerySchema } from "@/lib/schemas/review-query";
import { parseParams } from "@/lib/schemas/parse-params";
import { NotAllowed } from "../_components/not-allowed";
import { NumberedPager } from "../_components/pager";
import { AssignForm } from "../_components/forms/review-forms";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, allowed } = await pageUser("ANALYST", "/review");
  if (!allowed) return <NotAllowed user={user} needed="ANALYST" doing="review claims" />;
  const raw = await searchParams;
  const [topics, analysts] = await Promise.all([listTopics(db), listAnalysts(db)]);
  const { data, problem } = await orProblem(async () => {
    const query = parseParams(QueueQuerySchema, raw);
    return { query, queue: await reviewQueue(db, user.id, query) };
  });
  const value = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : "");
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const name of ["show", "topic", "review", "assignee"]) if (value(name)) params.set(name, value(name));
    if (page > 1) params.set("page", String(page));
    return `/review${params.size ? `?${params}` : ""}`;
  };

  return (
    <>
      <h1>Review queue</h1>
      <p>
        Contested claims, the strongest conflict first: the weaker side&apos;s weight, so a claim with heavy evidence on both sides comes before one with heavy
        evidence on one side only; among equals, the newest evidence first. <a href="/about/statuses#weights">How the weights are computed</a>.{" "}
        <a href="/review?assignee=mine">My queue</a>. <a href="/review/duplicates">Claims that may be duplicates</a>.
      </p>
      <form className="filters" method="get" action="/review" aria-label="Filter the queue">
        <div className="field">
          <label htmlFor="queue-show">Show</label>
          <select id="queue-show" name="show" defaultValue={value("show")}>
            <option value="contested">Contested claims, strongest conflict first</option>
            <option value="disagreed">Where analysts disagree, most first</option>
            <option value="requested">Requested by readers, newest first</option>
            <option value="across">Agreed across camps, most supported first</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-review">Verdict</label>
          <select id="queue-review" name="review" defaultValue={value("review")}>
            <option value="all">Any</option>
            <option value="unreviewed">Unreviewed</option>
            <option value="reviewed">Has a verdict</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-assignee">Assigned to</label>
          <select id="queue-assignee" name="assignee" defaultValue={value("assignee")}>
            <option value="all">Anyone or nobody</option>
            <option value="mine">Me</option>
            <option value="unassigned">Nobody</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-topic">Topic</label>
          <select id="queue-topic" name="topic" defaultValue={value("topic")}>
            <option value="">Any topic</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>

      {problem ? (
        <p className="problem" role="alert">
          {problem} <a href="/review">Clear the filters</a>.
        </p>
      ) : null}
      {data ? (
        <section aria-labelledby="queue-results">
          <h2 id="queue-results" className="results-count">
            {plural(data.queue.total, QUEUE_NOUN[data.query.show])}
            {data.query.assignee === "mine" ? " assigned to you" : ""}
            {data.queue.pages > 1 ? `, page ${data.query.page} of ${data.queue.pages}` : ""}
          </h2>
          {data.queue.claims.length === 0 ? (
            data.query.page > data.queue.pages ? (
              <p role="alert">
                Page {data.query.page} is past the last page ({data.queue.pages}). <a href={href(1)}>Go to the first page</a>.
              </p>
            ) : (
              <p>Nothing to review with these filters.</p>
            )
          ) : null}
          <ol className="queue" start={(data.query.page - 1) * QUEUE_PAGE_SIZE + 1}>
            {data.queue.claims.map((c) => (
              <li key={c.id} className="queue-item">
                <p className="queue-claim">
                  <a href={`/claims/${c.slug}/review`}>{c.text}</a>{" "}
                  <span className={`badge verdict-badge verdict-${c.verdict.toLowerCase()}`}>{VERDICT_LABEL[c.verdict]}</span>
                </p>
                {c.assessmentCount > 0 ? (
                  <p>
                    {plural(c.assessmentCount, "analyst")} assessed it; disagreement {c.disagreement.toFixed(2)}
                    {c.requestedAt ? <> · requested by readers, accepted {c.requestedAt.toISOString().slice(0, 10)}</> : null}
                  </p>
                ) : c.requestedAt ? (
                  <p>Requested by readers, accepted {c.requestedAt.toISOString().slice(0, 10)}</p>
                ) : null}
                <p className="muted">
                  Conflict {c.conflictWeight.toFixed(2)} · support {c.supportWeight.toFixed(2)} against dispute {c.disputeWeight.toFixed(2)} ·{" "}
                  {plural(c.sourceCount, "source")}, {plural(c.originCount, "origin")} · newest evidence{" "}
                  {c.lastEvidenceAt ? c.lastEvidenceAt.toISOString().slice(0, 7) : "undated"} · {c.topic.name} · <a href={`/claims/${c.slug}`}>Claim page</a>
                </p>
                <AssignForm claimId={c.id} assigneeId={c.assignee?.id ?? null} analysts={analysts} />
              </li>
            ))}
          </ol>
          <NumberedPager page={data.query.page} pages={data.queue.pages} href={href} />
        </section>
      ) : null}
    </>
  );
}

const QUEUE_NOUN = {
  contested: "contested claim",
  disagreed: "claim analysts disagree on",
  requested: "requested claim",
  across: "claim agreed across camps",
} as const;
