import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default("file:./data/corroborate.db"),
  /** Signs session cookies. `npm start` makes one in data/ when it is not set. */
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  /**
   * Hosts that "add a source from a URL" may fetch although they are loopback or private
   * addresses, comma-separated ("127.0.0.1,localhost"). Empty: public addresses only.
   */
  CORROBORATE_FETCH_ALLOW_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Requests a minute one API token may make to the write API (per app server). */
  CORROBORATE_API_RATE_LIMIT: z.coerce
    .number({ error: "CORROBORATE_API_RATE_LIMIT must be a number of requests a minute" })
    .int("CORROBORATE_API_RATE_LIMIT must be a whole number")
    .min(1, "CORROBORATE_API_RATE_LIMIT must be at least 1")
    .default(300),
  /** An API import of more records than this runs as a job (202, then GET /api/import/{id}). */
  CORROBORATE_IMPORT_SYNC_RECORDS: z.coerce
    .number({ error: "CORROBORATE_IMPORT_SYNC_RECORDS must be a number of records" })
    .int("CORROBORATE_IMPORT_SYNC_RECORDS must be a whole number")
    .min(0, "CORROBORATE_IMPORT_SYNC_RECORDS must not be negative")
    .default(2_000),
  /**
   * Whether an analyst sees the others' assessments of a claim only after giving their own (or
   * choosing to see them): "on" (the default) or "off" (decision 0019).
   */
  CORROBORATE_BLIND_ASSESSMENTS: z
    .enum(["on", "off"], { error: 'CORROBORATE_BLIND_ASSESSMENTS must be "on" or "off"' })
    .default("on")
    .transform((value) => value === "on"),
  /**
   * The site's public address ("https://corroborate.example"), used in the links that exports
   * carry (ClaimReview, Web Annotation). Unset: the address each request came to.
   */
  CORROBORATE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "CORROBORATE_PUBLIC_URL must be an http:// or https:// address" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  /**
   * How alike two claims' wordings must be (0 to 1, lib/duplicates/similarity.ts) to be proposed as
   * saying the same thing: on /review/duplicates, in the new-claim form, from /api/claims/{slug}/similar.
   * `npm run duplicates:evaluate` prints precision and recall at several thresholds.
   */
  CORROBORATE_DUPLICATE_THRESHOLD: z.coerce
    .number({ error: "CORROBORATE_DUPLICATE_THRESHOLD must be a number from 0 to 1" })
    .min(0.05, "CORROBORATE_DUPLICATE_THRESHOLD must be at least 0.05")
    .max(1, "CORROBORATE_DUPLICATE_THRESHOLD must be at most 1")
    .default(0.7),
  /**
   * A local sentence-embedding model directory (ONNX, as sentence-transformers export it): when set,
   * the duplicate matcher also scores pairs by the cosine of their embeddings (decision 0026).
   * Nothing is downloaded; unset, the matcher is lexical only.
   */
  CORROBORATE_EMBEDDINGS_MODEL: z
    .string()
    .trim()
    .transform((dir) => dir || undefined)
    .optional(),
  /** The port `next start` serves on; it sets PORT itself. */
  PORT: z.coerce
    .number({ error: "PORT must be a port number" })
    .int("PORT must be a whole number")
    .min(1, "PORT must be between 1 and 65535")
    .max(65_535, "PORT must be between 1 and 65535")
    .default(3000),
  /**
   * Where this server asks for its own pages when it makes a visitor's plain HTML (decision
   * 0020). Unset: http://127.0.0.1 on PORT; set it when the server listens elsewhere.
   */
  CORROBORATE_INTERNAL_URL: z
    .url({ protocol: /^https?$/, error: "CORROBORATE_INTERNAL_URL must be an http:// or https:// address" })
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

let parsed: Env | undefined;

/** Environment variables, parsed once. Read them here, never as process.env.X elsewhere. */
export function env(): Env {
  if (!parsed) {
    const result = EnvSchema.safeParse(process.env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    parsed = result.data;
  }
  return parsed;
}

/**
 * One variable, parsed on its own each time and not remembered with the rest: for what a write reads
 * (the embeddings model) while a test's database is still being seeded, before DATABASE_URL names it.
 */
export function envVar<K extends keyof Env>(name: K): Env[K] {
  const result = EnvSchema.shape[name].safeParse(process.env[name]);
  if (!result.success) throw new Error(`Invalid environment: ${name}: ${result.error.issues.map((i) => i.message).join("; ")}`);
  return result.data as Env[K];
}
