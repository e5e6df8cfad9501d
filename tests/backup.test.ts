import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../lib/backup/backup";
import { createDb } from "../lib/database/create-client";
import { exportDataset } from "../lib/export/dataset";
import { setVerdict } from "../lib/review/verdicts";
import { seededDatabase, type TestDb } from "./helpers/test-db";
import { withDatabase } from "./helpers/postgres-admin";

// Backup and restore on this run's kind of database, checked by what matters: the dataset.
const base = inject("testDatabase");
const dir = resolve(import.meta.dirname, "../data/test/backups");
const analyst = { id: "u-analyst", name: "Ann Analyst", email: "ann@test", role: "ANALYST" as const };
let t: TestDb;
const cleanups: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  t = await seededDatabase([analyst]);
  const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "dprk-troops-number-about-10000" } });
  await setVerdict(t.db, analyst, { claimId: claim.id, rating: "CONFLICTING_EVIDENCE", confidence: "MEDIUM", rationale: "Backed up with the rest." });
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await t.drop();
});

/** A URL for a database that does not exist yet (restore makes it, or fills the new file). */
function emptyTarget(): string {
  const name = `r_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  if (base.kind === "sqlite") {
    const path = resolve(dir, `${name}.db`);
    cleanups.push(() => rmSync(path, { force: true }));
    return `file:${path}`;
  }
  cleanups.push(async () => {
    const admin = new pg.Client({ connectionString: base.serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return withDatabase(base.serverUrl, name);
}

const backupFile = () => {
  const file = resolve(dir, `b_${randomUUID().slice(0, 8)}.${base.kind === "sqlite" ? "db" : "dump"}`);
  cleanups.push(() => rmSync(file, { force: true }));
  return file;
};

describe("backup and restore", () => {
  it("give back a database whose dataset export is byte-identical, taken while the database is open", async () => {
    const file = backupFile();
    // The app's own client keeps its connection open, as a running server does.
    await t.db.claim.count();
    const backup = await backupDatabase(t.url, file);
    expect(backup.bytes).toBeGreaterThan(10_000);
    const expected = JSON.stringify(await exportDataset(t.db), null, 2);

    const target = emptyTarget();
    await restoreDatabase(target, file);
    const restored = createDb(target);
    cleanups.push(() => restored.$disconnect());
    const got = JSON.stringify(await exportDataset(restored), null, 2);
    expect(got.length).toBeGreaterThan(50_000);
    expect(got).toBe(expected);
    expect(await restored.verdict.count()).toBe(1);
    expect(await restored.user.count()).toBe(1);
  });

  it("never overwrites a file, and restores only into an empty database", async () => {
    const file = backupFile();
    await backupDatabase(t.url, file);
    await expect(backupDatabase(t.url, file)).rejects.toThrow("already exists");
    await expect(restoreDatabase(t.url, file)).rejects.toThrow("not empty");
    await expect(restoreDatabase(emptyTarget(), resolve(dir, "no-such-backup"))).rejects.toThrow("There is no backup");
    expect(existsSync(file)).toBe(true);
    // The database it refused to restore over is untouched.
    expect(await t.db.claim.count()).toBeGreaterThan(30);
  });
});
