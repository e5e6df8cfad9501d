"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { askToCheckAction, decideRequestAction } from "@/app/_actions/requests";
import { MAX_REQUEST_CHARS } from "@/lib/schemas/requests";
import { Field, invalidProps } from "./field";
import { WriteForm } from "./write-form";
import { useWrite } from "./use-write";

// Reader requests: asking (anyone) and deciding (analysts). Each saves through a server action in
// app/_actions/requests.ts, which limits and checks who may do it again.

/** Asks for a claim to be checked; says which request it joined. */
export function AskForm() {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ text: "", url: "", why: "" });
  const [done, setDone] = useState<{ id: string; counted: boolean; claim: { slug: string; text: string } | null } | null>(null);
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => askToCheckAction(fields),
          (result) => {
            setDone(result as typeof done);
            setFields({ text: "", url: "", why: "" });
            router.refresh();
          },
        )
      }
    >
      {done ? (
        <p role="status" className="notice">
          {done.counted ? "Your request is in." : "You had already asked for this; it counts once."}{" "}
          {done.claim ? (
            <>
              It matches a claim already here: <a href={`/claims/${done.claim.slug}`}>{done.claim.text}</a>{" "}
            </>
          ) : null}
          <a href={`/requests/${done.id}`}>See the request</a>.
        </p>
      ) : null}
      <Field id="ask-text" label="The claim to check" error={errors.text} hint={`As you read or heard it; at most ${MAX_REQUEST_CHARS} characters.`}>
        <textarea
          id="ask-text"
          rows={3}
          maxLength={MAX_REQUEST_CHARS}
          value={fields.text}
          onChange={(e) => setFields({ ...fields, text: e.target.value })}
          {...invalidProps("ask-text", errors.text)}
        />
      </Field>
      <Field id="ask-url" label="Where you saw it (optional)" error={errors.url}>
        <input
          id="ask-url"
          type="url"
          value={fields.url}
          onChange={(e) => setFields({ ...fields, url: e.target.value })}
          {...invalidProps("ask-url", errors.url)}
        />
      </Field>
      <Field id="ask-why" label="Why it should be checked" error={errors.why}>
        <textarea
          id="ask-why"
          rows={3}
          maxLength={MAX_REQUEST_CHARS}
          value={fields.why}
          onChange={(e) => setFields({ ...fields, why: e.target.value })}
          {...invalidProps("ask-why", errors.why)}
        />
      </Field>
      <button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Ask for a check"}
      </button>
    </WriteForm>
  );
}

/** Accepts a request into the review queue (with a new claim's wording and topic when it matched none). */
export function AcceptRequestForm({
  request,
  topics,
}: {
  request: { id: string; version: number; text: string; hasClaim: boolean };
  topics: { slug: string; name: string }[];
}) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ claimText: request.text.slice(0, 500), topic: "", reason: "" });
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () =>
            decideRequestAction({
              id: request.id,
              version: request.version,
              decision: "ACCEPT",
              reason: fields.reason,
              ...(request.hasClaim ? {} : { claimText: fields.claimText, topic: fields.topic || undefined }),
            }),
          () => router.refresh(),
        )
      }
    >
      {request.hasClaim ? null : (
        <>
          <Field id="accept-claim-text" label="The claim's wording" error={errors.claimText} hint="At most 500 characters: one checkable statement.">
            <textarea
              id="accept-claim-text"
              rows={2}
              maxLength={500}
              value={fields.claimText}
              onChange={(e) => setFields({ ...fields, claimText: e.target.value })}
              {...invalidProps("accept-claim-text", errors.claimText)}
            />
          </Field>
          <Field id="accept-topic" label="Topic" error={errors.topic}>
            <select
              id="accept-topic"
              value={fields.topic}
              onChange={(e) => setFields({ ...fields, topic: e.target.value })}
              {...invalidProps("accept-topic", errors.topic)}
            >
              <option value="">Choose a topic</option>
              {topics.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        </>
      )}
      <Field id="accept-reason" label="A note for the requesters (optional)" error={errors.reason}>
        <input id="accept-reason" value={fields.reason} onChange={(e) => setFields({ ...fields, reason: e.target.value })} />
      </Field>
      <button type="submit" disabled={pending}>
        Accept into the review queue
      </button>
    </WriteForm>
  );
}

/** Declines a request with a reason its requesters read. */
export function DeclineRequestForm({ request }: { request: { id: string; version: number } }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [reason, setReason] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => decideRequestAction({ id: request.id, version: request.version, decision: "DECLINE", reason }),
          () => router.refresh(),
        )
      }
    >
      <Field id="decline-reason" label="Why it is declined (the requesters read this)" error={errors.reason}>
        <textarea id="decline-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} {...invalidProps("decline-reason", errors.reason)} />
      </Field>
      <button type="submit" disabled={pending}>
        Decline the request
      </button>
    </WriteForm>
  );
}
