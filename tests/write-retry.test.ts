import { afterAll, beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { createDb, type Db } from "../lib/database/create-client";
import { runWrite } from "../lib/write/context";
import { freshDatabase, type TestDb } from "./helpers/test-db";

// Two processes writing one database: a write whose transaction read before the other process
// committed, and writes after, still lands (on SQLite it is refused with SQLITE_BUSY_SNAPSHOT and
// run again; PostgreSQL takes both as they come), and so does the other.
let t: TestDb;
let other: Db;
const sqlite = inject("testDatabase").kind === "sqlite";
const writer = { userId: null, role: "ADMIN" as const };

beforeAll(async () => {
  t = await freshDatabase();
  // As npm start leaves it: readers and a writer side by side (write-ahead log).
  if (sqlite) await t.db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  other = createDb(t.url); // a second connection, as a second server or a script has
});
afterAll(async () => {
  await other.$disconnect();
  await t.drop();
});

it("a write that meets another process's commit between its read and its write runs again and lands, beside the other", async () => {
  let runs = 0;
  let read!: () => void;
  const hasRead = new Promise<void>((resolve) => (read = resolve));
  let go!: () => void;
  const mayWrite = new Promise<void>((resolve) => (go = resolve));
  const first = runWrite(
    t.db,
    writer,
    async (w) => {
      runs += 1;
      await w.tx.pageChange.count(); // the transaction's first read
      if (runs === 1) {
        read();
        await mayWrite;
      }
      await w.tx.pageChange.create({ data: { tags: "claim:first" } });
    },
    { rerunnable: true },
  );
  await hasRead;
  await runWrite(other, writer, async (w) => {
    await w.tx.pageChange.create({ data: { tags: "claim:second" } });
  });
  go();
  await first;
  expect(
    (await t.db.pageChange.findMany({ where: { tags: { in: ["claim:first", "claim:second"] } }, select: { tags: true } })).map((r) => r.tags).sort(),
  ).toEqual(["claim:first", "claim:second"]);
  expect(runs).toBe(sqlite ? 2 : 1);
});

it("a write that waits past SQLite's busy timeout for another process's long write runs again and lands, beside the other", async () => {
  let runs = 0;
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  // Another process holds the write lock for longer than a writer waits for it (5 s).
  const long = other.$transaction(
    async (tx) => {
      await tx.pageChange.create({ data: { tags: "claim:long" } });
      held();
      await new Promise((resolve) => setTimeout(resolve, 6_500));
    },
    { timeout: 20_000 },
  );
  await holding;
  await runWrite(
    t.db,
    writer,
    async (w) => {
      runs += 1;
      await w.tx.pageChange.create({ data: { tags: "claim:waiting" } });
    },
    { rerunnable: true },
  );
  await long;
  expect(
    (await t.db.pageChange.findMany({ where: { tags: { in: ["claim:long", "claim:waiting"] } }, select: { tags: true } })).map((r) => r.tags).sort(),
  ).toEqual(["claim:long", "claim:waiting"]);
  // SQLite refused the first attempt after its busy timeout; PostgreSQL writes both rows side by side.
  if (sqlite) expect(runs).toBeGreaterThan(1);
  else expect(runs).toBe(1);
}, 30_000);
