// The OpenAPI 3.1 document for /api, built from the same zod schemas that validate every
// request (lib/schemas), so the document cannot describe a field the server does not check.
import { z } from "zod";
import { ClaimListQuerySchema } from "../schemas/claims-query";
import { SearchQuerySchema } from "../schemas/search-query";
import { CommentCreateSchema } from "../schemas/comments";
import { ActivityQuerySchema } from "../activity/list-activity";
import {
  ActorUpdateSchema,
  ClaimUpdateSchema,
  NewActorSchema,
  NewClaimSchema,
  SourceCreateSchema,
  SourceRefetchSchema,
  SourceTextSchema,
  SourceUpdateSchema,
  StanceCreateSchema,
  StanceReattachFields,
  StanceUpdateSchema,
} from "../schemas/writes";

/** JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of what a request may send. */
function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });

const ERROR_STATUSES = {
  "400": "The body is not a JSON object (code MALFORMED), or a query parameter is wrong (code INVALID).",
  "401": "No token, or an unknown or revoked one (code UNAUTHENTICATED).",
  "403": "The token's owner may not do this (code FORBIDDEN): a reader may only comment.",
  "404": "The path names nothing (code NOT_FOUND).",
  "409": "A conflict (code CONFLICT): a duplicate, or an edit from an older version; `error.message` says which.",
  "422": 'A value is wrong (code INVALID): `error.field` is its path ("outlet.new.name"), `error.fields` every wrong field.',
} as const;

const errors = (...statuses: (keyof typeof ERROR_STATUSES)[]) =>
  Object.fromEntries(statuses.map((s) => [s, { description: ERROR_STATUSES[s], content: json(ref("Error")) }]));

const write = (summary: string, schema: string, created: boolean, ok: string) => ({
  summary,
  security: [{ bearer: [] }],
  requestBody: { required: true, content: json(ref(schema)) },
  responses: {
    [created ? "201" : "200"]: { description: ok, content: json({ type: "object" }) },
    ...errors("400", "401", "403", "404", "409", "422"),
  },
});

const pathParam = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });

const queryParameters = (schema: z.ZodObject) => {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, unknown>;
  return Object.entries(properties).map(([name, property]) => ({ name, in: "query", required: false, schema: property }));
};

/** Every documented operation, read and write. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Corroborate API",
      version: "1",
      description:
        "Claims, the sources that support, dispute or qualify them, and the exact words that say so. Reads are open; writes need an API token (made on /settings) and act with its owner's role. Offsets are UTF-16 code units into a source's stored text, end exclusive.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token, cor_…, from /settings." } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { enum: ["MALFORMED", "INVALID", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "INTERNAL"] },
                message: { type: "string" },
                field: { type: "string", description: "The path of the field the error is about." },
                fields: { type: "object", additionalProperties: { type: "string" }, description: "Every wrong field's path and message." },
              },
            },
          },
        },
        SearchPage: {
          type: "object",
          required: ["results", "total", "nextCursor"],
          properties: {
            results: {
              type: "array",
              items: {
                type: "object",
                required: ["type", "id", "title", "snippet", "highlights", "clipped", "start", "end", "score"],
                properties: {
                  type: { enum: ["claim", "source", "quote"] },
                  id: { type: "string", description: "The claim's, source's or stance's id." },
                  slug: { type: "string", description: "Claims: the claim's address, /claims/{slug}." },
                  sourceId: { type: "string", description: "Sources and quotes: the source the words are in, /sources/{sourceId}." },
                  title: { type: "string", description: "A claim's wording, or the source's title." },
                  snippet: { type: "string", description: "The matching words with some context: a verbatim slice of the text." },
                  highlights: {
                    type: "array",
                    items: { type: "array", items: { type: "integer" } },
                    description: "[from, to) of each match within the snippet.",
                  },
                  start: { type: "integer", description: "Sources and quotes: where the first match starts in the source's text (a claim: in its wording)." },
                  end: { type: "integer", description: "Where it ends, exclusive." },
                  score: { type: "number", description: "Relevance, higher first; comparable within one type on one database only." },
                  position: { enum: ["SUPPORTS", "DISPUTES", "QUALIFIES"], description: "Quotes: how the passage bears on its claim." },
                  claim: {
                    type: "object",
                    properties: { slug: { type: "string" }, text: { type: "string" } },
                    description: "Quotes: the claim the passage is linked to.",
                  },
                },
              },
            },
            total: { type: "integer", description: "Every match, over all pages." },
            nextCursor: {
              anyOf: [{ type: "string" }, { type: "null" }],
              description: "Pass as `cursor` for the next page; null on the last (or after 1,000 results).",
            },
          },
        },
        SourceCreate: jsonSchema(SourceCreateSchema),
        SourceUpdate: jsonSchema(SourceUpdateSchema.omit({ id: true })),
        ActorCreate: jsonSchema(NewActorSchema),
        ActorUpdate: jsonSchema(ActorUpdateSchema.omit({ id: true })),
        ClaimCreate: jsonSchema(NewClaimSchema),
        ClaimUpdate: jsonSchema(ClaimUpdateSchema.omit({ id: true })),
        StanceCreate: jsonSchema(StanceCreateSchema),
        CommentCreate: jsonSchema(CommentCreateSchema),
        StanceUpdate: jsonSchema(StanceUpdateSchema.omit({ id: true })),
        SourceText: {
          anyOf: [
            { ...jsonSchema(SourceTextSchema.omit({ id: true })), title: "A corrected text" },
            { ...jsonSchema(SourceRefetchSchema.omit({ id: true }).extend({ refetch: z.literal(true) })), title: "Fetch the address again" },
          ],
        },
        StanceReattach: jsonSchema(StanceReattachFields.omit({ id: true })),
      },
    },
    paths: {
      "/api/claims": {
        get: {
          summary: "List claims, most contested first",
          parameters: queryParameters(ClaimListQuerySchema),
          responses: { "200": { description: "A page of claims", content: json({ type: "object" }) }, ...errors("400") },
        },
        post: write("Add a claim", "ClaimCreate", true, "The claim's id, slug and version"),
      },
      "/api/search": {
        get: {
          summary:
            'Full-text search over claims, sources (title and text) and quotes: every word must match; "quoted phrases" and word* prefixes. Without `type`, claims come first, then sources, then quotes, each best first. 400 (code INVALID, field q) for an unbalanced quote, an operator (AND, OR, NOT, NEAR, parentheses, :) or too long a query.',
          parameters: queryParameters(SearchQuerySchema),
          responses: { "200": { description: "A page of results", content: json(ref("SearchPage")) }, ...errors("400") },
        },
      },
      "/api/claims/{slug}": {
        parameters: [pathParam("slug", "The claim's address")],
        get: {
          summary: "A claim with its stances, verdict and related claims",
          responses: { "200": { description: "The claim", content: json({ type: "object" }) }, ...errors("404") },
        },
        patch: write("Edit a claim's wording or topic", "ClaimUpdate", false, "The new version"),
      },
      "/api/sources": { post: write("Add a source with its full text", "SourceCreate", true, "The source's id") },
      "/api/sources/{id}": {
        parameters: [pathParam("id", "The source's id")],
        get: {
          summary: "A source with its text and stances",
          responses: { "200": { description: "The source", content: json({ type: "object" }) }, ...errors("404") },
        },
        patch: write("Edit a source's details (a new text is a new version: /api/sources/{id}/versions)", "SourceUpdate", false, "The new version"),
      },
      "/api/sources/{id}/versions": {
        parameters: [pathParam("id", "The source's id")],
        get: {
          summary:
            "Every text the source has had, newest first (decision 0025): number, whether current, sha256, origin (ADDED, FETCHED, UPLOADED, IMPORTED), when fetched, when replaced and why, characters.",
          responses: { "200": { description: "The versions", content: json({ type: "object" }) }, ...errors("404") },
        },
        post: {
          ...write(
            "A new text of the source (researchers): a corrected text, or its address fetched again. The text before is kept; every stance is re-anchored (the same words, changed words, or an orphan). 200 with `changed: false` when the text is the current one.",
            "SourceText",
            true,
            "The new version: `{ changed, version, textVersion, stances: { exact, changed, orphaned } }`",
          ),
        },
      },
      "/api/sources/{id}/versions/{number}": {
        parameters: [pathParam("id", "The source's id"), pathParam("number", "The version's number, from 1")],
        get: {
          summary:
            "One text of the source, with the passages quoted from it (stance id, quote, offsets, position, claim) and `verified`: whether its sha256 and each passage still match it.",
          responses: { "200": { description: "The version", content: json({ type: "object" }) }, ...errors("404") },
        },
      },
      "/api/orphans": {
        get: {
          summary:
            "Stances whose words their source's current text no longer has (decision 0025), newest first, 50 a page (`page`): each with its quote, the text version it is in, its claim and its source.",
          responses: { "200": { description: "A page of orphans", content: json({ type: "object" }) }, ...errors("400") },
        },
      },
      "/api/stances/{id}/reattach": {
        parameters: [pathParam("id", "The stance's id")],
        post: write(
          "Re-attach an orphaned stance to words of its source's current text (researchers); where it stood before is kept.",
          "StanceReattach",
          false,
          "`{ claimSlug, version }`",
        ),
      },
      "/api/sources/{id}/copies": {
        parameters: [pathParam("id", "The source's id")],
        get: {
          summary:
            "The sources that are copies of the same article as this one (decision 0023): at least half of each text in the other, found by MinHash over five-word runs and measured exactly. `overlap` is the share of this source's text found in the copy. Copies count as one origin. Links an analyst split are left out.",
          responses: {
            "200": {
              description: "The copies, the most overlapping first",
              content: json({
                type: "object",
                required: ["copies"],
                properties: {
                  copies: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["id", "title", "outlet", "overlap"],
                      properties: { id: { type: "string" }, title: { type: "string" }, outlet: { type: "string" }, overlap: { type: "number" } },
                    },
                  },
                },
              }),
            },
            ...errors("404"),
          },
        },
      },
      "/api/actors": { post: write("Add a speaker (409 with `error.existing` for a name already stored)", "ActorCreate", true, "The speaker") },
      "/api/actors/{id}": {
        parameters: [pathParam("id", "The speaker's id")],
        get: {
          summary: "A speaker, with its version",
          responses: { "200": { description: "The speaker", content: json({ type: "object" }) }, ...errors("404") },
        },
        patch: write("Edit a speaker", "ActorUpdate", false, "The new version"),
      },
      "/api/claims/{slug}/similar": {
        parameters: [pathParam("slug", "The claim's address")],
        get: {
          summary:
            "Live claims that may say the same thing as this one (decision 0022): scored from 0 to 1 by lexical similarity (bm25 candidates, character trigrams and content words), and with CORROBORATE_EMBEDDINGS_MODEL set by the cosine of their embeddings too (decision 0026; `method` says which gave the score), at or above CORROBORATE_DUPLICATE_THRESHOLD, strongest first. `limit` 1–50, default 10.",
          responses: {
            "200": {
              description: "The similar claims",
              content: json({
                type: "object",
                required: ["claims"],
                properties: {
                  claims: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["slug", "text", "score", "method"],
                      properties: {
                        slug: { type: "string" },
                        text: { type: "string" },
                        score: { type: "number" },
                        method: { type: "string", enum: ["lexical"] },
                      },
                    },
                  },
                },
              }),
            },
            ...errors("400", "404"),
          },
        },
      },
      "/api/claims/{slug}/comments": {
        parameters: [pathParam("slug", "The claim's address")],
        get: {
          summary:
            "The claim's discussion: comments on the claim and on its stances, threads oldest first, each with its replies. A retracted or hidden comment keeps its place without its words (`body` and `html` null; `hiddenReason` for a hidden one). `html` is the Markdown rendered with raw HTML off.",
          responses: { "200": { description: "{ comments: [...] }", content: json({ type: "object" }) }, ...errors("404") },
        },
      },
      "/api/comments": {
        post: write(
          "Comment on a claim, a stance or a source (exactly one of claimId, stanceId, sourceId), or reply (parentId alone). Markdown, at most 5,000 characters. Any signed-in account's token.",
          "CommentCreate",
          true,
          "The comment's id and version",
        ),
      },
      "/api/activity": {
        get: {
          summary:
            "The token owner's activity, newest first: new claims, stances, verdicts and comments on what they watch, changed sources, mentions of them, and answers to their requests. `since` keeps the lines after a time; `nextCursor` pages to older lines.",
          security: [{ bearer: [] }],
          parameters: queryParameters(ActivityQuerySchema),
          responses: { "200": { description: "{ activity: [...], nextCursor }", content: json({ type: "object" }) }, ...errors("400", "401") },
        },
      },
      "/api/stances": { post: write("Link a passage (verbatim in the source) to a claim", "StanceCreate", true, "The stance's id and its offsets") },
      "/api/stances/{id}": {
        parameters: [pathParam("id", "The stance's id")],
        get: {
          summary: "A stance, with its version, claim, source and speaker",
          responses: { "200": { description: "The stance", content: json({ type: "object" }) }, ...errors("404") },
        },
        patch: write("Change how a stance reads its passage", "StanceUpdate", false, "The new version"),
      },
      "/api/import": {
        post: {
          summary: "Import a file of records (docs/import-format.md): the file is the body",
          security: [{ bearer: [] }],
          parameters: [
            {
              name: "format",
              in: "query",
              required: false,
              description: "json, jsonl or csv; otherwise the content type decides",
              schema: { enum: ["json", "jsonl", "ndjson", "csv"] },
            },
            { name: "partial", in: "query", required: false, description: "1: write the good records even if some are refused", schema: { enum: ["0", "1"] } },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { type: "object" } },
              "application/x-ndjson": { schema: { type: "string" } },
              "text/csv": { schema: { type: "string" } },
            },
          },
          responses: {
            "200": {
              description: "`{ report }`: written; the report counts created, updated, unchanged and rejected records, each with its reason",
              content: json({ type: "object" }),
            },
            "202": { description: "`{ job }`: a large file runs as a job; `Location` is its address", content: json({ type: "object" }) },
            "422": {
              description: "`{ report }` with refused records and nothing written (without `partial`), or a wrong `format` or `partial` (code INVALID)",
              content: json({ type: "object" }),
            },
            ...errors("400", "401", "403"),
          },
        },
      },
      "/api/import/{id}": {
        parameters: [pathParam("id", "The import job's id")],
        get: {
          summary:
            "An import job: its status (queued, running, done, failed), progress, and report when done; for the token that started it (the import page reads its own jobs with the signed-in session)",
          security: [{ bearer: [] }],
          responses: { "200": { description: "`{ job }`", content: json({ type: "object" }) }, ...errors("401", "404") },
        },
      },
      "/api/export/claim-reviews": {
        get: {
          summary: "Every verdict as schema.org ClaimReview JSON-LD",
          responses: { "200": { description: "A JSON-LD graph", content: { "application/ld+json": { schema: { type: "object" } } } } },
        },
      },
      "/api/export/annotations": {
        get: {
          summary: "Every stance as a W3C Web Annotation",
          responses: { "200": { description: "An AnnotationCollection", content: { "application/ld+json": { schema: { type: "object" } } } } },
        },
      },
      "/api/export/stances": {
        get: { summary: "Every stance as CSV", responses: { "200": { description: "RFC 4180 CSV", content: { "text/csv": { schema: { type: "string" } } } } } },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
