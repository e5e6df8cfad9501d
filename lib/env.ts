import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default("file:./data/corroborate.db"),
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
