"use client";
import { MODE_LABEL, POSITION_LABEL } from "@/lib/labels";
import { Field, invalidProps } from "./field";
import { EMPTY_SPEAKER, OWN_VOICE, SpeakerFields, speakerInput, type NewSpeaker, type Option } from "./speaker-fields";

/** How a stance reads its passage: the position, how it is put, who says it, a note. */
export type StanceReading = { position: string; mode: string; speakerId: string; newSpeaker: NewSpeaker; note: string };

export const NEW_READING: StanceReading = { position: "", mode: "AS_FACT", speakerId: OWN_VOICE, newSpeaker: EMPTY_SPEAKER, note: "" };

/** The reading as a write's input. */
export const readingInput = (r: StanceReading) => ({ position: r.position, mode: r.mode, speaker: speakerInput(r.speakerId, r.newSpeaker), note: r.note });

type Props = { id: string; value: StanceReading; onChange: (value: StanceReading) => void; actors: Option[]; errors: Record<string, string> };

/** The fields the tagging panel and the stance editor share. */
export function StanceReadingFields({ id, value, onChange, actors, errors }: Props) {
  const set =
    <K extends keyof StanceReading>(field: K) =>
    (v: StanceReading[K]) =>
      onChange({ ...value, [field]: v });
  return (
    <>
      <fieldset {...invalidProps(`${id}-position`, errors.position)}>
        <legend>The passage…</legend>
        {Object.entries(POSITION_LABEL).map(([position, label]) => (
          <label key={position} className="choice">
            <input type="radio" name={`${id}-position`} value={position} checked={value.position === position} onChange={() => set("position")(position)} />{" "}
            {label.toLowerCase()} the claim
          </label>
        ))}
        {errors.position ? (
          <p className="field-error" id={`${id}-position-error`}>
            {errors.position}
          </p>
        ) : null}
      </fieldset>
      <Field id={`${id}-mode`} label="How it is put" error={errors.mode}>
        <select id={`${id}-mode`} value={value.mode} onChange={(e) => set("mode")(e.target.value)} {...invalidProps(`${id}-mode`, errors.mode)}>
          {Object.entries(MODE_LABEL).map(([mode, label]) => (
            <option key={mode} value={mode}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <SpeakerFields
        id={`${id}-speaker`}
        actors={actors}
        speakerId={value.speakerId}
        onSpeakerId={set("speakerId")}
        speaker={value.newSpeaker}
        onSpeaker={set("newSpeaker")}
        errors={errors}
      />
      <Field id={`${id}-note`} label="Note (optional)" error={errors.note}>
        <textarea id={`${id}-note`} rows={2} value={value.note} onChange={(e) => set("note")(e.target.value)} {...invalidProps(`${id}-note`, errors.note)} />
      </Field>
    </>
  );
}
