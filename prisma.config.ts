import { defineConfig } from "prisma/config";

// One config for both databases: the URL picks the schema and its migrations.
// prisma/postgresql/schema.prisma is generated from prisma/schema.prisma
// (npm run db:schemas); see docs/decisions/0002-two-databases.md.
const url = process.env.DATABASE_URL ?? "file:./data/corroborate.db";
const onPostgres = /^postgres(ql)?:\/\//.test(url);

// The full-text search index (docs/decisions/0015-full-text-search.md) lives in tables the
// migrations make by hand and triggers keep current: Prisma Migrate must not see them as drift.
// On SQLite each FTS5 table comes with the shadow tables it keeps its index in, and the claims'
// index with a view of its vocabulary (the duplicate matcher's word counts, decision 0022).
const SEARCH_TABLES = ["ClaimSearch", "SourceSearch", "QuoteSearch"];
const externalTables = onPostgres
  ? SEARCH_TABLES.map((table) => `public.${table}`)
  : [
      ...SEARCH_TABLES.flatMap((table) => [table, ...["data", "idx", "config", "docsize", "content"].map((shadow) => `${table}_${shadow}`)]),
      "ClaimSearchTerms",
    ];

export default defineConfig({
  experimental: { externalTables: true },
  tables: { external: externalTables },
  schema: onPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: onPostgres ? "prisma/postgresql/migrations" : "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: { url },
});
