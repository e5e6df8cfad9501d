"use client";
import { ACTOR_KIND_LABEL } from "@/lib/labels";
import { Field, invalidProps } from "./field";

export type Option = { id: string; name: string };
export type NewSpeaker = { name: string; kind: string; description: string };

export const OWN_VOICE = "";
export const NEW_SPEAKER = "__new";
export const EMPTY_SPEAKER: NewSpeaker = { name: "", kind: "", description: "" };

/** The form's choice as a write's input: null (the source's own voice), an actor by id, or a new one. */
export function speakerInput(speakerId: string, speaker: NewSpeaker) {
  if (speakerId === OWN_VOICE) return null;
  return speakerId === NEW_SPEAKER ? { new: speaker } : { id: speakerId };
}

type Props = {
  id: string;
  actors: Option[];
  speakerId: string;
  onSpeakerId: (id: string) => void;
  speaker: NewSpeaker;
  onSpeaker: (speaker: NewSpeaker) => void;
  errors: Record<string, string>;
};

/** Who says it: the source's own voice, a known speaker, or a new one described here. */
export function SpeakerFields({ id, actors, speakerId, onSpeakerId, speaker, onSpeaker, errors }: Props) {
  const choiceError = errors.speaker ?? errors["speaker.id"];
  return (
    <>
      <Field id={id} label="Who says it" error={choiceError}>
        <select id={id} value={speakerId} onChange={(e) => onSpeakerId(e.target.value)} {...invalidProps(id, choiceError)}>
          <option value={OWN_VOICE}>The source, in its own voice</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
          <option value={NEW_SPEAKER}>A new speaker…</option>
        </select>
      </Field>
      {speakerId === NEW_SPEAKER ? (
        <div className="field-group">
          <Field id="new-speaker-name" label="Speaker's name" error={errors["speaker.new.name"]}>
            <input
              id="new-speaker-name"
              value={speaker.name}
              onChange={(e) => onSpeaker({ ...speaker, name: e.target.value })}
              {...invalidProps("new-speaker-name", errors["speaker.new.name"])}
            />
          </Field>
          <Field id="new-speaker-kind" label="Kind of speaker" error={errors["speaker.new.kind"]}>
            <select
              id="new-speaker-kind"
              value={speaker.kind}
              onChange={(e) => onSpeaker({ ...speaker, kind: e.target.value })}
              {...invalidProps("new-speaker-kind", errors["speaker.new.kind"])}
            >
              <option value="">Choose…</option>
              {Object.entries(ACTOR_KIND_LABEL).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="new-speaker-description" label="Role, as the source gives it" error={errors["speaker.new.description"]}>
            <input
              id="new-speaker-description"
              value={speaker.description}
              onChange={(e) => onSpeaker({ ...speaker, description: e.target.value })}
              {...invalidProps("new-speaker-description", errors["speaker.new.description"])}
            />
          </Field>
        </div>
      ) : null}
    </>
  );
}
