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
import { MODE_LABEL, POSITION_LABEL } from "@/lib/labels";
import { ActionProblem } from "./action-problem";
import { Field, invalidProps } from "./field";
import { metadataInput, SourceMetadataFields, type Outlet, type SourceMetadata } from "./source-metadata-fields";
import { useWrite } from "./use-write";

type Option = { id: string; name: string };
const ACTOR_KINDS = { PERSON: "Person", ORGANISATION: "Organisation", GOVERNMENT: "Government", GROUP: "Group" } as const;

function ReasonField({ value, onChange, error, label = "Why (optional, kept in the history)" }: { value: string; onChange: (v: string) => void; error?: string; label?: string }) {
  return (
    <Field id="reason" label={label} error={error}>
      <textarea id="reason" rows={2} value={value} onChange={(e) => onChange(e.target.value)} {...invalidProps("reason", error)} />
    </Field>
  );
}

export function ClaimEditForm({ claim, topics }: { claim: { id: string; slug: string; text: string; topic: string; version: number }; topics: Option[] }) {
  const router = useRouter();
  const { problem, errors, busy, run } = useWrite();
  const [text, setText] = useState(claim.text);
  const [topic, setTopic] = useState(claim.topic);
  const [reason, setReason] = useState("");
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(() => updateClaimAction({ id: claim.id, version: claim.version, text, topic, reason }), () => router.push(`/claims/${claim.slug}`));
      }}
    >
      <ActionProblem result={problem} />
      <Field id="claim-text" label="Claim" error={errors.text}>
        <textarea id="claim-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} {...invalidProps("claim-text", errors.text)} />
      </Field>
      <Field id="claim-topic" label="Topic" error={errors.topic}>
        <select id="claim-topic" value={topic} onChange={(e) => setTopic(e.target.value)} {...invalidProps("claim-topic", errors.topic)}>
          {topics.map((t) => (
            <option key={t.id} value={t.id}>{t.name}</option>
          ))}
        </select>
      </Field>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={busy}>Save the claim</button>
    </form>
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
  const { problem, errors, busy, run } = useWrite();
  const [position, setPosition] = useState(stance.position);
  const [mode, setMode] = useState(stance.mode);
  const [speakerId, setSpeakerId] = useState(stance.speakerId ?? "");
  const [newSpeaker, setNewSpeaker] = useState({ name: "", kind: "", description: "" });
  const [note, setNote] = useState(stance.note ?? "");
  const [reason, setReason] = useState("");
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const speaker = speakerId === "" ? null : speakerId === "__new" ? { new: newSpeaker } : { id: speakerId };
        run(() => updateStanceAction({ id: stance.id, version: stance.version, position, mode, speaker, note, reason }), () => router.push(`/claims/${stance.claimSlug}`));
      }}
    >
      <ActionProblem result={problem} />
      <fieldset>
        <legend>The passage…</legend>
        {Object.entries(POSITION_LABEL).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name="position" value={value} checked={position === value} onChange={() => setPosition(value)} /> {label.toLowerCase()} the claim
          </label>
        ))}
      </fieldset>
      <Field id="stance-mode" label="How it is put" error={errors.mode}>
        <select id="stance-mode" value={mode} onChange={(e) => setMode(e.target.value)}>
          {Object.entries(MODE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </Field>
      <Field id="stance-speaker" label="Who says it" error={errors.speaker ?? errors["speaker.id"]}>
        <select id="stance-speaker" value={speakerId} onChange={(e) => setSpeakerId(e.target.value)}>
          <option value="">The source, in its own voice</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>{a.name}</option>
          ))}
          <option value="__new">A new speaker…</option>
        </select>
      </Field>
      {speakerId === "__new" ? (
        <div className="field-group">
          <Field id="new-speaker-name" label="Speaker's name" error={errors["speaker.new.name"]}>
            <input id="new-speaker-name" value={newSpeaker.name} onChange={(e) => setNewSpeaker({ ...newSpeaker, name: e.target.value })} {...invalidProps("new-speaker-name", errors["speaker.new.name"])} />
          </Field>
          <Field id="new-speaker-kind" label="Kind of speaker" error={errors["speaker.new.kind"]}>
            <select id="new-speaker-kind" value={newSpeaker.kind} onChange={(e) => setNewSpeaker({ ...newSpeaker, kind: e.target.value })}>
              <option value="">Choose…</option>
              {Object.entries(ACTOR_KINDS).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      <Field id="stance-note" label="Note" error={errors.note}>
        <textarea id="stance-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={busy}>Save the stance</button>
    </form>
  );
}

export function SourceEditForm({ source, outlets }: { source: { id: string; version: number; metadata: SourceMetadata }; outlets: Outlet[] }) {
  const router = useRouter();
  const { problem, errors, busy, run } = useWrite();
  const [metadata, setMetadata] = useState(source.metadata);
  const [reason, setReason] = useState("");
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(() => updateSourceAction({ id: source.id, version: source.version, reason, ...metadataInput(metadata) }), () => router.push(`/sources/${source.id}`));
      }}
    >
      <ActionProblem result={problem} />
      <SourceMetadataFields value={metadata} onChange={setMetadata} outlets={outlets} errors={errors} />
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={busy}>Save the details</button>
    </form>
  );
}

export function ActorEditForm({ actor }: { actor: { id: string; slug: string; version: number; name: string; kind: string; description: string | null } }) {
  const router = useRouter();
  const { problem, errors, busy, run } = useWrite();
  const [fields, setFields] = useState({ name: actor.name, kind: actor.kind, description: actor.description ?? "" });
  const [reason, setReason] = useState("");
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(() => updateActorAction({ id: actor.id, version: actor.version, reason, ...fields }), () => router.push(`/actors/${actor.slug}`));
      }}
    >
      <ActionProblem result={problem} />
      <Field id="actor-name" label="Name" error={errors.name}>
        <input id="actor-name" value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} {...invalidProps("actor-name", errors.name)} />
      </Field>
      <Field id="actor-kind" label="Kind" error={errors.kind}>
        <select id="actor-kind" value={fields.kind} onChange={(e) => setFields({ ...fields, kind: e.target.value })}>
          {Object.entries(ACTOR_KINDS).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </Field>
      <Field id="actor-description" label="Role, as the sources give it" error={errors.description}>
        <input id="actor-description" value={fields.description} onChange={(e) => setFields({ ...fields, description: e.target.value })} {...invalidProps("actor-description", errors.description)} />
      </Field>
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <button type="submit" disabled={busy}>Save the speaker</button>
    </form>
  );
}

/** Retract (with a reason) or restore a claim or a stance. Nothing is deleted. */
export function RetractControl({ kind, id, version, retracted, back }: { kind: "claim" | "stance"; id: string; version: number; retracted: boolean; back: string }) {
  const router = useRouter();
  const { problem, errors, busy, run } = useWrite();
  const [reason, setReason] = useState("");
  const actions = { claim: { retract: retractClaimAction, restore: restoreClaimAction }, stance: { retract: retractStanceAction, restore: restoreStanceAction } }[kind];
  const write = (input: unknown): Promise<ActionResult<unknown>> => (retracted ? actions.restore(input) : actions.retract(input));
  return (
    <form
      className="form retract-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(() => write({ id, version, reason }), () => router.push(back));
      }}
    >
      <h2>{retracted ? `Restore this ${kind}` : `Retract this ${kind}`}</h2>
      <p className="muted">
        {retracted
          ? `Restoring puts the ${kind} back in lists and counts.`
          : `A retracted ${kind} is hidden from lists and counts, shown as retracted where it is linked, and can be restored.`}
      </p>
      <ActionProblem result={problem} />
      <ReasonField value={reason} onChange={setReason} error={errors.reason} label={retracted ? "Why (optional)" : "Why it is retracted"} />
      <button type="submit" className={retracted ? undefined : "danger"} disabled={busy}>
        {retracted ? `Restore the ${kind}` : `Retract the ${kind}`}
      </button>
    </form>
  );
}
