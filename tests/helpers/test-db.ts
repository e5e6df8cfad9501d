import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../../lib/database/create-client";
import type { Role } from "../../lib/roles";
import { loadCorpus } from "../../lib/seed/load-corpus";
import { BASE_DATABASE, withDatabase } from "./postgres-admin";

export type TestDb = { db: Db; url: string; drop: () => Promise<void> };

/** A new, migrated, empty database of the kind this run tests (SQLite file or PostgreSQL). */
export async function freshDatabase(): Promise<TestDb> {
  const base = inject("testDatabase");
  const name = `t_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  if (base.kind === "sqlite") {
    const path = resolve(base.dir, `${name}.db`);
    copyFileSync(base.basePath, path);
    return opened(`file:${path}`, () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
    });
  }
  await adminQuery(base.serverUrl, `CREATE DATABASE ${name} TEMPLATE ${BASE_DATABASE}`);
  return opened(withDatabase(base.serverUrl, name), () => adminQuery(base.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A client on `url` whose drop() disconnects it, then removes the database. */
function opened(url: string, remove: () => unknown): TestDb {
  const db = createDb(url);
  return {
    db,
    url,
    drop: async () => {
      await db.$disconnect();
      await remove();
    },
  };
}

async function adminQuery(serverUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Every row of every table, ordered: two equal dumps mean two equal databases. */
export async function dumpDatabase(db: Db) {
  const byId = { orderBy: { id: "asc" as const } };
  return {
    outlets: await db.outlet.findMany(byId),
    actors: await db.actor.findMany(byId),
    topics: await db.topic.findMany(byId),
    tags: await db.tag.findMany(byId),
    sources: await db.source.findMany(byId),
    authors: await db.sourceAuthor.findMany(byId),
    claims: await db.claim.findMany(byId),
    claimTags: await db.claimTag.findMany({ orderBy: [{ claimId: "asc" }, { tagId: "asc" }] }),
    stances: await db.stance.findMany(byId),
    relations: await db.claimRelation.findMany(byId),
    verdicts: await db.verdict.findMany(byId),
    merges: await db.claimMerge.findMany(byId),
    counts: await db.corpusCounts.findMany(byId),
    revisions: await db.revision.findMany(byId),
    users: await db.user.findMany(byId),
  };
}

/** A fresh database with the seed corpus loaded and these accounts made. */
export async function seededDatabase(users: readonly { id: string; name: string; email: string; role: Role }[] = []): Promise<TestDb> {
  const t = await freshDatabase();
  await loadCorpus({ db: t.db, corpusPath: resolve(import.meta.dirname, "../../seeds/corpus.json") });
  for (const u of users) await t.db.user.create({ data: { id: u.id, name: u.name, email: u.email, role: u.role } });
  return t;
}
