import { defineConfig } from "prisma/config";

// One config for both databases: the URL picks the schema and its migrations.
// prisma/postgresql/schema.prisma is generated from prisma/schema.prisma
// (npm run db:schemas); see docs/decisions/0002-two-databases.md.
const url = process.env.DATABASE_URL ?? "file:./data/corroborate.db";
const onPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: onPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: onPostgres ? "prisma/postgresql/migrations" : "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: { url },
});
