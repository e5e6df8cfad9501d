"use client";
import { OUTLET_KIND_LABEL, SOURCE_KIND_LABEL } from "@/lib/labels";
import { Field, invalidProps } from "./field";

export type Outlet = { id: string; name: string };

export type SourceMetadata = {
  title: string;
  outletId: string;
  newOutletName: string;
  newOutletKind: string;
  authors: string;
  published: string;
  kind: string;
  language: string;
  url: string;
  metadataNote: string;
};

export const NEW_OUTLET = "__new";

/** The form's metadata as a write's input: an existing outlet by id, or a new one described. */
export function metadataInput(m: SourceMetadata) {
  return {
    title: m.title,
    outlet: m.outletId === NEW_OUTLET ? { new: { name: m.newOutletName, kind: m.newOutletKind } } : { id: m.outletId },
    authors: m.authors,
    published: m.published,
    kind: m.kind,
    language: m.language,
    url: m.url,
    metadataNote: m.metadataNote,
  };
}

type Props = {
  value: SourceMetadata;
  onChange: (value: SourceMetadata) => void;
  outlets: Outlet[];
  errors: Record<string, string>;
};

/** Title, outlet (chosen or new), authors, date, kind, language, address, note. */
export function SourceMetadataFields({ value, onChange, outlets, errors }: Props) {
  const set = (field: keyof SourceMetadata) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value });
  const outletError = errors.outlet ?? errors["outlet.id"];
  return (
    <fieldset>
      <legend>About the source</legend>
      <Field id="title" label="Title" error={errors.title}>
        <input id="title" value={value.title} onChange={set("title")} {...invalidProps("title", errors.title)} />
      </Field>
      <Field id="outlet" label="Outlet (who published it)" error={outletError}>
        <select id="outlet" value={value.outletId} onChange={set("outletId")} {...invalidProps("outlet", outletError)}>
          <option value="">Choose an outlet…</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={NEW_OUTLET}>A new outlet…</option>
        </select>
      </Field>
      {value.outletId === NEW_OUTLET ? (
        <div className="field-group">
          <Field id="new-outlet-name" label="New outlet's name" error={errors["outlet.new.name"]}>
            <input
              id="new-outlet-name"
              value={value.newOutletName}
              onChange={set("newOutletName")}
              {...invalidProps("new-outlet-name", errors["outlet.new.name"])}
            />
          </Field>
          <Field id="new-outlet-kind" label="Kind of outlet" error={errors["outlet.new.kind"]}>
            <select
              id="new-outlet-kind"
              value={value.newOutletKind}
              onChange={set("newOutletKind")}
              {...invalidProps("new-outlet-kind", errors["outlet.new.kind"])}
            >
              <option value="">Choose…</option>
              {Object.entries(OUTLET_KIND_LABEL).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      <Field id="authors" label="Authors" hint="As on the byline, separated by commas." error={errors.authors}>
        <input id="authors" value={value.authors} onChange={set("authors")} {...invalidProps("authors", errors.authors)} />
      </Field>
      <Field id="published" label="Published" hint="YYYY, YYYY-MM or YYYY-MM-DD: as precisely as it is known." error={errors.published}>
        <input id="published" value={value.published} onChange={set("published")} placeholder="2024-11" {...invalidProps("published", errors.published)} />
      </Field>
      <Field id="kind" label="Kind of source" error={errors.kind}>
        <select id="kind" value={value.kind} onChange={set("kind")} {...invalidProps("kind", errors.kind)}>
          <option value="">Choose…</option>
          {Object.entries(SOURCE_KIND_LABEL).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="language" label="Language" hint="A code such as en, ru, ko or pt-BR." error={errors.language}>
        <input id="language" value={value.language} onChange={set("language")} {...invalidProps("language", errors.language)} />
      </Field>
      <Field id="source-url" label="Address (URL)" error={errors.url}>
        <input id="source-url" type="url" value={value.url} onChange={set("url")} {...invalidProps("source-url", errors.url)} />
      </Field>
      <Field id="metadata-note" label="Note on the metadata" hint="Where the title or date came from, if not from the text." error={errors.metadataNote}>
        <textarea
          id="metadata-note"
          rows={2}
          value={value.metadataNote}
          onChange={set("metadataNote")}
          {...invalidProps("metadata-note", errors.metadataNote)}
        />
      </Field>
    </fieldset>
  );
}
