import type { Metadata } from "next";
import { headers } from "next/headers";
import { openApiDocument } from "@/lib/http/openapi";
import { pageOrigin } from "@/lib/http/origin";

export const metadata: Metadata = { title: "API" };

type Schema = {
  type?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  $ref?: string;
};

/** The constraints of one field, in words. */
function describe(schema: Schema): string {
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of ${schema.enum.join(", ")}`);
  else if (schema.type) parts.push(schema.type);
  if (schema.minLength !== undefined && schema.minLength > 0) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.minimum !== undefined) parts.push(`from ${schema.minimum}`);
  if (schema.maximum !== undefined && schema.maximum < 1e15) parts.push(`to ${schema.maximum}`);
  if (schema.pattern) parts.push(`matching ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

function Fields({ schema }: { schema: Schema }) {
  if (schema.anyOf) {
    return (
      <ul>
        {schema.anyOf.map((option, i) => (
          <li key={i}>
            {i === 0 ? "Either" : "or"}: <Fields schema={option} />
          </li>
        ))}
      </ul>
    );
  }
  if (!schema.properties) return <span>{describe(schema)}</span>;
  return (
    <ul className="api-fields">
      {Object.entries(schema.properties).map(([name, field]) => (
        <li key={name}>
          <code>{name}</code> {schema.required?.includes(name) ? <strong>required</strong> : <span className="muted">optional</span>}
          {field.properties || field.anyOf ? <Fields schema={field} /> : <> — {describe(field)}</>}
        </li>
      ))}
    </ul>
  );
}

export default async function ApiDocsPage() {
  const doc = openApiDocument(pageOrigin(await headers()));
  const schemas = doc.components.schemas as Record<string, Schema>;
  return (
    <article className="prose">
      <h1>API</h1>
      <p>{doc.info.description}</p>
      <p>
        The machine-readable description is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1), generated from the same schemas the server
        validates with. Writes need a token from <a href="/settings">your settings</a>, sent as <code>Authorization: Bearer cor_…</code>; they run the same
        checks as the app&apos;s forms, with your role.
      </p>
      <h2>Errors</h2>
      <p>
        Every error is JSON: <code>{'{ "error": { "code", "message", "field", "fields" } }'}</code>. 400 the body is not a JSON object; 401 no token, or an
        unknown or revoked one; 403 your role may not do this; 404 nothing at that path; 409 a duplicate or an edit from an older version; 422 a wrong value,
        with <code>field</code> its path (such as <code>outlet.new.name</code>).
      </p>
      {Object.entries(doc.paths).map(([path, operations]) => (
        <section key={path} aria-labelledby={`path-${path}`}>
          <h2 id={`path-${path}`}>
            <code>{path}</code>
          </h2>
          {Object.entries(operations as Record<string, unknown>)
            .filter(([method]) => method !== "parameters")
            .map(([method, raw]) => {
              const operation = raw as { summary: string; security?: unknown; requestBody?: { content: { "application/json": { schema: Schema } } } };
              const body = operation.requestBody?.content["application/json"].schema.$ref?.split("/").at(-1);
              return (
                <div key={method} className="api-operation">
                  <h3>
                    <code>{method.toUpperCase()}</code> {operation.summary}
                    {operation.security ? <span className="muted"> (token needed)</span> : null}
                  </h3>
                  {body ? (
                    <>
                      <p>Body, a JSON object:</p>
                      <Fields schema={schemas[body]!} />
                    </>
                  ) : null}
                </div>
              );
            })}
        </section>
      ))}
    </article>
  );
}
