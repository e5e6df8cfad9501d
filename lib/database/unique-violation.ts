/**
 * True for "unique constraint failed", on SQLite and PostgreSQL alike: Prisma's P2002 from a
 * model query, or P2010 from a statement written by hand (insertRows) whose driver says so.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}
