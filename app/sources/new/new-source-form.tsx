"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createSourceAction, fetchSourceUrlAction, readSourceFileAction } from "@/app/_actions/writes";
import type { ActionResult } from "@/lib/http/action-result";
import type { SourceDraft } from "@/lib/sources/extract";
import { MAX_UPLOAD_BYTES } from "@/lib/sources/limits";
import { ActionProblem } from "@/app/_components/forms/action-problem";
import { Field, invalidProps } from "@/app/_components/forms/field";
import { useWrite } from "@/app/_components/forms/use-write";
import { LiveControls } from "@/app/_components/forms/write-form";
import { metadataInput, NEW_OUTLET, SourceMetadataFields, type Outlet, type SourceMetadata } from "@/app/_components/forms/source-metadata-fields";

type Way = "paste" | "file" | "url";

const EMPTY: SourceMetadata = {
  title: "",
  outletId: "",
  newOutletName: "",
  newOutletKind: "",
  authors: "",
  published: "",
  kind: "",
  language: "en",
  url: "",
  metadataNote: "",
};

/**
 * Add a source: paste its text, upload a file, or fetch a page. A file or a page fills in
 * the text and whatever metadata it declares; the researcher checks it all, then saves.
 */
export function NewSourceForm({ outlets }: { outlets: Outlet[] }) {
  const router = useRouter();
  const [way, setWay] = useState<Way>("paste");
  const [text, setText] = useState("");
  const [pageUrl, setPageUrl] = useState("");
  const [metadata, setMetadata] = useState<SourceMetadata>(EMPTY);
  const { problem, pending, run: runWrite, refuse } = useWrite();
  // The step whose refusal is showing: each part of the form shows its own errors only.
  const [stage, setStage] = useState<Way | "save">("save");
  const [notice, setNotice] = useState("");
  const errorsOf = (part: Way | "save") => (problem && stage === part ? problem.fieldErrors : {});

  function applyDraft(draft: SourceDraft) {
    setText(draft.text);
    const outlet = draft.outletName ? outlets.find((o) => o.name.toLowerCase() === draft.outletName!.toLowerCase()) : undefined;
    setMetadata((m) => ({
      ...m,
      title: draft.title ?? m.title,
      authors: draft.authors ?? m.authors,
      published: draft.published ?? m.published,
      language: draft.language ?? m.language,
      url: draft.url ?? m.url,
      ...(outlet ? { outletId: outlet.id } : draft.outletName ? { outletId: NEW_OUTLET, newOutletName: draft.outletName } : {}),
    }));
    setNotice(`Read ${draft.text.length.toLocaleString("en")} characters. Check the text and the details below, then save.`);
  }

  function run<T>(part: Way | "save", action: () => Promise<ActionResult<T>>, onDone: (data: T) => void) {
    setStage(part);
    setNotice("");
    runWrite(action, onDone);
  }

  return (
    <div className="form">
      <ActionProblem result={problem} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <LiveControls>
        <fieldset>
          <legend>How to add it</legend>
          <div className="choices">
            {(
              [
                ["paste", "Paste the text"],
                ["file", "Upload a file (.txt, .md, .html)"],
                ["url", "Fetch a web page"],
              ] as const
            ).map(([value, label]) => (
              <label key={value}>
                <input type="radio" name="way" value={value} checked={way === value} onChange={() => setWay(value)} /> {label}
              </label>
            ))}
          </div>
        </fieldset>

        {way === "file" ? (
          <form
            className="inline-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              const file = form.get("file");
              // Too big to send at all: say so here (the server checks again).
              if (file instanceof File && file.size > MAX_UPLOAD_BYTES) {
                setStage("file");
                refuse("file", `"${file.name}" is larger than 5 MB.`);
                return;
              }
              run("file", () => readSourceFileAction(form), applyDraft);
            }}
          >
            <Field id="file" label="File" error={errorsOf("file").file} hint="HTML is reduced to the article's main text.">
              <input
                id="file"
                name="file"
                type="file"
                accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
                {...invalidProps("file", errorsOf("file").file)}
              />
            </Field>
            <button type="submit" disabled={pending}>
              Read the file
            </button>
          </form>
        ) : null}

        {way === "url" ? (
          <form
            className="inline-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              run("url", () => fetchSourceUrlAction(pageUrl), applyDraft);
            }}
          >
            <Field id="page-url" label="Page address" error={errorsOf("url").url}>
              <input
                id="page-url"
                type="url"
                value={pageUrl}
                onChange={(e) => setPageUrl(e.target.value)}
                placeholder="https://…"
                {...invalidProps("page-url", errorsOf("url").url)}
              />
            </Field>
            <button type="submit" disabled={pending}>
              Fetch the page
            </button>
          </form>
        ) : null}

        <form
          onSubmit={(event) => {
            event.preventDefault();
            run(
              "save",
              () => createSourceAction({ ...metadataInput(metadata), text }),
              (source) => router.push(`/sources/${source.id}`),
            );
          }}
          noValidate
        >
          <Field
            id="text"
            label="Text"
            error={errorsOf("save").text}
            hint="Stored exactly as it is here (line endings made uniform): every quote must be in it word for word."
          >
            <textarea id="text" rows={14} value={text} onChange={(e) => setText(e.target.value)} {...invalidProps("text", errorsOf("save").text)} />
          </Field>
          <SourceMetadataFields value={metadata} onChange={setMetadata} outlets={outlets} errors={errorsOf("save")} />
          <button type="submit" disabled={pending}>
            Save the source
          </button>
        </form>
      </LiveControls>
    </div>
  );
}
