import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/roles";
import { plural } from "@/lib/format";
import { listTopics } from "@/lib/claims/list-claims";
import { getRequest } from "@/lib/requests/list-requests";
import { AcceptRequestForm, DeclineRequestForm } from "../../_components/forms/request-forms";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  await connection(); // never at build: it reads the database
  return { title: "A request to check a claim" };
}

const STATUS_WORD = { OPEN: "Open", ACCEPTED: "Accepted for checking", DECLINED: "Declined" } as const;

/** One request: what its requesters wrote, what was decided and why; an analyst decides here. */
export default async function RequestPage({ params }: Props) {
  const [{ id }, user] = await Promise.all([params, currentUser()]);
  const request = await getRequest(db, id);
  if (!request) notFound();
  const isAnalyst = hasRole(user, "ANALYST");
  const topics = isAnalyst && request.status === "OPEN" && !request.claim ? await listTopics(db) : [];
  return (
    <>
      <p className="eyebrow">
        <Link href="/requests">Requests</Link>
      </p>
      <h1>{request.text}</h1>
      <p role="status">
        <strong>{STATUS_WORD[request.status]}</strong>
        {request.decidedAt ? (
          <>
            {" "}
            on {request.decidedAt.toISOString().slice(0, 10)}
            {request.decidedBy ? <> by {request.decidedBy.name}</> : null}
          </>
        ) : null}
        {request.reason ? <>: {request.reason}</> : "."} {plural(request.askerCount, "requester")}, last asked {request.lastAskedAt.toISOString().slice(0, 10)}.
      </p>
      {request.claim ? (
        <p>
          The claim: <a href={`/claims/${request.claim.slug}`}>{request.claim.text}</a>
        </p>
      ) : null}

      <section aria-labelledby="asks-heading">
        <h2 id="asks-heading">What the requesters wrote</h2>
        <ol className="asks">
          {request.asks.map((a) => (
            <li key={a.id}>
              <p>
                {a.text !== request.text ? <>“{a.text}” — </> : null}
                {a.why}
              </p>
              <p className="muted">
                {a.userId === user?.id ? "You" : a.userId ? "A signed-in reader" : "A visitor"}, {a.createdAt.toISOString().slice(0, 10)}
                {a.url ? (
                  <>
                    {" "}
                    · seen at{" "}
                    <a href={a.url} rel="ugc nofollow noopener">
                      {a.url}
                    </a>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      </section>

      {isAnalyst && request.status === "OPEN" ? (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">Decide</h2>
          <p className="muted">
            {request.claim
              ? "Accepting puts the matched claim in the review queue's requested list."
              : "It matched no claim: accepting adds the claim below and puts it in the review queue's requested list."}
          </p>
          <AcceptRequestForm request={{ id: request.id, version: request.version, text: request.text, hasClaim: request.claim !== null }} topics={topics} />
          <DeclineRequestForm request={{ id: request.id, version: request.version }} />
        </section>
      ) : null}
    </>
  );
}
