const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:schemas`: edit that file, not this one.\n";

/** The PostgreSQL twin of the SQLite schema: same models, other provider and client folder. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/provider = "sqlite"/, 'provider = "postgresql"')
    .replace(/output\s+= "\.\.\/generated\/sqlite"/, 'output   = "../../generated/postgresql"');
  if (!replaced.includes('"postgresql"') || !replaced.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the provider or output line this script rewrites.");
  }
  return HEADER + replaced;
}
