"use client";
import { useState } from "react";
import { addSourceTextAction, reattachStanceAction, refetchSourceAction } from "@/app/_actions/source-versions";
import type { NewText } from "@/lib/sources/text-versions";
import { Field, invalidProps } from "./field";
import { WriteForm } from "./write-form";
import { useWrite } from "./use-write";

// The forms of a source's versions (decision 0025). Each saves through a server action in
// app/_actions/source-versions.ts, which checks who may do it again; these only collect the input.

/** What a new text did, in words. */
function outcome(result: NewText): string {
  if (!result.changed) return `This is the source's current text (version ${result.textVersion}): nothing changed.`;
  const { exact, changed, orphaned } = result.stances;
  return `Version ${result.textVersion} saved. Passages found again: ${exact}; changed: ${changed}; orphaned: ${orphaned}.`;
}

/** What the write did, once it is done. */
function Outcome({ text }: { text: string }) {
  return text ? (
    <p role="status" className="notice">
      {text}
    </p>
  ) : null;
}

/** A corrected text uploaded by a researcher: pasted, or read from a plain-text file. */
export function NewTextForm({ sourceId, version }: { sourceId: string; version: number }) {
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ text: "", reason: "" });
  const [done, setDone] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => addSourceTextAction({ id: sourceId, version, ...fields }),
          (result) => {
            setDone(outcome(result));
            if (result.changed) setFields({ text: "", reason: "" });
          },
        )
      }
    >
      <Field
        id="new-text"
        label="The corrected text, in full"
        error={errors.text}
        hint="Every excerpt is looked for in it; those whose words are gone become orphans."
      >
        <textarea
          id="new-text"
          rows={8}
          value={fields.text}
          onChange={(e) => setFields({ ...fields, text: e.target.value })}
          {...invalidProps("new-text", errors.text)}
        />
      </Field>
      <Field id="new-text-reason" label="What changed (optional)" error={errors.reason}>
        <input
          id="new-text-reason"
          value={fields.reason}
          onChange={(e) => setFields({ ...fields, reason: e.target.value })}
          {...invalidProps("new-text-reason", errors.reason)}
        />
      </Field>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save as a new version"}
      </button>
      <Outcome text={done} />
    </WriteForm>
  );
}

/** Fetches the source's address again; a changed page becomes a new version. */
export function RefetchForm({ sourceId, version }: { sourceId: string; version: number }) {
  const { problem, pending, run } = useWrite();
  const [done, setDone] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => refetchSourceAction({ id: sourceId, version }),
          (result) => setDone(outcome(result)),
        )
      }
    >
      <button type="submit" disabled={pending}>
        {pending ? "Fetching…" : "Fetch the address again"}
      </button>
      <Outcome text={done} />
    </WriteForm>
  );
}

/** An orphan placed on words of its source's current text. */
export function ReattachForm({ stanceId, version, quote }: { stanceId: string; version: number; quote: string }) {
  const { problem, errors, pending, run } = useWrite();
  const [fields, setFields] = useState({ quote, reason: "" });
  const id = `reattach-${stanceId}`;
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => reattachStanceAction({ id: stanceId, version, ...fields }),
          () => undefined,
        )
      }
    >
      <Field id={id} label="The words in the current text" error={errors.quote} hint="Verbatim, as the current text has them.">
        <textarea id={id} rows={3} value={fields.quote} onChange={(e) => setFields({ ...fields, quote: e.target.value })} {...invalidProps(id, errors.quote)} />
      </Field>
      <Field id={`${id}-reason`} label="Why (optional)" error={errors.reason}>
        <input
          id={`${id}-reason`}
          value={fields.reason}
          onChange={(e) => setFields({ ...fields, reason: e.target.value })}
          {...invalidProps(`${id}-reason`, errors.reason)}
        />
      </Field>
      <button type="submit" disabled={pending}>
        Re-attach
      </button>
    </WriteForm>
  );
}
