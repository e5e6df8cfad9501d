// `npx prisma db seed`: loads seeds/corpus.json into the database named by DATABASE_URL,
// and creates the demo accounts (one per role) that are missing.
import { fileURLToPath } from "node:url";
import { createDb } from "../lib/database/create-client";
import { env } from "../lib/env";
import { seedDemoUsers } from "../lib/seed/demo-users";
import { loadCorpus } from "../lib/seed/load-corpus";

const corpusPath = fileURLToPath(new URL("../seeds/corpus.json", import.meta.url));
const db = createDb(env().DATABASE_URL);
try {
  const report = await loadCorpus({ db, corpusPath });
  for (const [entity, t] of Object.entries(report)) {
    console.log(`${entity.padEnd(10)} created ${t.created}, updated ${t.updated}, unchanged ${t.unchanged}`);
  }
  console.log(`demo users created ${await seedDemoUsers(db)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
