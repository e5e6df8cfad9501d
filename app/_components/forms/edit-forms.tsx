"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  restoreClaimAction,
  restoreStanceAction,
  retractClaimAction,
  retractStanceAction,
  updateActorAction,
  updateClaimAction,
  updateSourceAction,
  updateStanceAction,
} from "@/app/_actions/writes";
import type { ActionResult } from "@/lib/http/action-result";
import { ACTOR_KIND_LABEL } from "@/lib/labels";
import { WriteForm } from "./write-form";
import { Field, invalidProps } from "./field";
import { metadataInput, SourceMetadataFields, type Outlet, type SourceMetadata } from "./source-metadata-fields";
import { OWN_VOICE, type Option } from "./speaker-fields";
import { NEW_READING, readingInput, StanceReadingFields, type StanceReading } from "./stance-reading-fields";
import { useWrite } from "./use-write";

type ReasonProps = { id?: string; value: string; onChange: (v: string) => void; error?: string; label?: string };

function ReasonField({ id = "reason", value, onChange, error, label = "Why (optional, kept in the history)" }: ReasonProps) {
  return (
    <Field id={id} label={label} error={error}>
      <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} {...invalidProps(id, error)} />
    </Field>
  );
}

export function ClaimEditForm({ claim, topics }: { claim: { id: string; slug: string; text: string; topic: string; version: number }; topics: Option[] }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [text, setText] = useState(claim.text);
  const [topic, setTopic] = useState(claim.topic);
  const [reason, setReason] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() => {
        run(
          () => updateClaimAction({ id: claim.id, version: claim.version, text, topic, reason }),
          () => router.push(`/claims/${claim.slug}`),
        );
      }}
    >
      <Field id="claim-text" label="Claim" error={errors.text}>
        <textarea id="claim-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} {...invalidProps("claim-text", errors.text)} />
      </Field>
      <Field id="claim-topic" label="Topic" error={errors.topic}>
        <select id="claim-topic" value={topic} onChange={(e) => setTopic(e.target.value)} {...invalidProps("claim-topic", errors.topic)}>
          {topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={pending}>
        Save the claim
      </button>
    </WriteForm>
  );
}

export function StanceEditForm({
  stance,
  actors,
}: {
  stance: { id: string; version: number; position: string; mode: string; speakerId: string | null; note: string | null; claimSlug: string };
  actors: Option[];
}) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [reading, setReading] = useState<StanceReading>({
    ...NEW_READING,
    position: stance.position,
    mode: stance.mode,
    speakerId: stance.speakerId ?? OWN_VOICE,
    note: stance.note ?? "",
  });
  const [reason, setReason] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() => {
        run(
          () => updateStanceAction({ id: stance.id, version: stance.version, ...readingInput(reading), reason }),
          () => router.push(`/claims/${stance.claimSlug}`),
        );
      }}
    >
      <StanceReadingFields id="stance" value={reading} onChange={setReading} actors={actors} errors={errors} />
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={pending}>
        Save the stance
      </button>
    </WriteForm>
  );
}

export function SourceEditForm({ source, outlets }: { source: { id: string; version: number; metadata: SourceMetadata }; outlets: Outlet[] }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [metadata, setMetadata] = useState(source.metadata);
  const [reason, setReason] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() => {
        run(
          () => updateSourceAction({ id: source.id, version: source.version, reason, ...metadataInput(metadata) }),
          () => router.push(`/sources/${source.id}`),
        );
      }}
    >
      <SourceMetadataFields value={metadata} onChange={setMetadata} outlets={outlets} errors={errors} />
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={pending}>
        Save the details
      </button>
    </WriteForm>
  );
}

export function ActorEditForm({ actor }: { actor: { id: string; slug: string; version: number; name: string; kind: string; description: string | null } }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ name: actor.name, kind: actor.kind, description: actor.description ?? "" });
  const [reason, setReason] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() => {
        run(
          () => updateActorAction({ id: actor.id, version: actor.version, reason, ...fields }),
          () => router.push(`/actors/${actor.slug}`),
        );
      }}
    >
      <Field id="actor-name" label="Name" error={errors.name}>
        <input
          id="actor-name"
          value={fields.name}
          onChange={(e) => setFields({ ...fields, name: e.target.value })}
          {...invalidProps("actor-name", errors.name)}
        />
      </Field>
      <Field id="actor-kind" label="Kind" error={errors.kind}>
        <select id="actor-kind" value={fields.kind} onChange={(e) => setFields({ ...fields, kind: e.target.value })}>
          {Object.entries(ACTOR_KIND_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="actor-description" label="Role, as the sources give it" error={errors.description}>
        <input
          id="actor-description"
          value={fields.description}
          onChange={(e) => setFields({ ...fields, description: e.target.value })}
          {...invalidProps("actor-description", errors.description)}
        />
      </Field>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={pending}>
        Save the speaker
      </button>
    </WriteForm>
  );
}

/** Retract (with a reason) or restore a claim or a stance. Nothing is deleted. */
export function RetractControl({
  kind,
  id,
  version,
  retracted,
  back,
}: {
  kind: "claim" | "stance";
  id: string;
  version: number;
  retracted: boolean;
  back: string;
}) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [reason, setReason] = useState("");
  const actions = {
    claim: { retract: retractClaimAction, restore: restoreClaimAction },
    stance: { retract: retractStanceAction, restore: restoreStanceAction },
  }[kind];
  const write = (input: unknown): Promise<ActionResult<unknown>> => (retracted ? actions.restore(input) : actions.retract(input));
  return (
    <section className="retract-form" aria-labelledby="retract-heading">
      <h2 id="retract-heading">{retracted ? `Restore this ${kind}` : `Retract this ${kind}`}</h2>
      <p className="muted">
        {retracted
          ? `Restoring puts the ${kind} back in lists and counts.`
          : `A retracted ${kind} is hidden from lists and counts, shown as retracted where it is linked, and can be restored.`}
      </p>
      <WriteForm
        problem={problem}
        onSubmit={() =>
          run(
            () => write({ id, version, reason }),
            () => router.push(back),
          )
        }
      >
        <ReasonField
          id="retract-reason"
          value={reason}
          onChange={setReason}
          error={errors.reason}
          label={retracted ? "Why it is restored (optional)" : "Why it is retracted"}
        />
        <button type="submit" className={retracted ? undefined : "danger"} disabled={pending}>
          {retracted ? `Restore the ${kind}` : `Retract the ${kind}`}
        </button>
      </WriteForm>
    </section>
  );
}
