// Builds one migrated base database per test run, with the real migrations:
// a SQLite file, or (TEST_DATABASE_URL=postgresql://...) a PostgreSQL template database.
// Each test file then takes its own copy (tests/helpers/test-db.ts): fast and isolated.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { isPostgresUrl } from "../lib/database/create-client";
import { BASE_DATABASE, type TestDatabase, withDatabase } from "./helpers/postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

const root = resolve(import.meta.dirname, "..");

function migrate(url: string) {
  execFileSync(resolve(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && isPostgresUrl(serverUrl)) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${BASE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BASE_DATABASE}`);
    await admin.end();
    migrate(withDatabase(serverUrl, BASE_DATABASE));
    project.provide("testDatabase", { kind: "postgresql", serverUrl });
    return;
  }
  const dir = resolve(root, "data/test");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const basePath = resolve(dir, "base.db");
  migrate(`file:${basePath}`);
  project.provide("testDatabase", { kind: "sqlite", basePath, dir });
}
