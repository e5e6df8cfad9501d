import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiToken, revokeApiToken } from "../lib/auth/api-tokens";
import { listAuditEvents } from "../lib/audit/list-audit";
import { setRole } from "../lib/users/users";
import { dumpDatabase, seededDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

// Token limits, the audit log, the health check and database faults, through the real route
// handlers on a real database of this run's kind.
const LIMIT = 5;
let t: TestDb;
let routes: {
  sources: typeof import("../app/api/sources/route");
  claims: typeof import("../app/api/claims/route");
  health: typeof import("../app/api/health/route");
};
let appDb: import("../lib/database/create-client").Db;
const people = {
  admin: { id: "u-admin", name: "Ad Min", email: "admin@test", role: "ADMIN" as const },
  analyst: { id: "u-analyst", name: "Ann Alyst", email: "ann@test", role: "ANALYST" as const },
  researcher: { id: "u-res", name: "Re Searcher", email: "res@test", role: "RESEARCHER" as const },
};

beforeAll(async () => {
  t = await seededDatabase(Object.values(people));
  process.env.DATABASE_URL = t.url;
  process.env.CORROBORATE_API_RATE_LIMIT = String(LIMIT);
  routes = {
    sources: await import("../app/api/sources/route"),
    claims: await import("../app/api/claims/route"),
    health: await import("../app/api/health/route"),
  };
  appDb = (await import("../lib/db")).db;
});
afterAll(async () => {
  await appDb.$disconnect();
  await t.drop();
});

const post = (path: string, body: unknown, token: string, address = "203.0.113.10") =>
  new Request(`https://corroborate.example${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
const badClaim = { text: "", topic: "troop-deployment" };

describe("API tokens", () => {
  it(`allow ${LIMIT} requests a minute each, then answer 429 with Retry-After; other tokens are unaffected`, async () => {
    const busy = (await createApiToken(t.db, people.researcher, { name: "busy script" })).token;
    const calm = (await createApiToken(t.db, people.researcher, { name: "calm script" })).token;
    for (let i = 0; i < LIMIT; i += 1) expect((await routes.claims.POST(post("/api/claims", badClaim, busy), undefined)).status).toBe(422);
    const limited = await routes.claims.POST(post("/api/claims", badClaim, busy), undefined);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    expect((await routes.claims.POST(post("/api/claims", badClaim, calm), undefined)).status).toBe(422);
    expect(await t.db.auditEvent.count({ where: { kind: "TOKEN_RATE_LIMITED", userId: people.researcher.id } })).toBe(1);
  });

  it("are audited when made, when first used from each address, and when revoked", async () => {
    const made = await createApiToken(t.db, people.analyst, { name: "watched script" });
    await routes.claims.POST(post("/api/claims", badClaim, made.token, "198.51.100.1"), undefined);
    await routes.claims.POST(post("/api/claims", badClaim, made.token, "198.51.100.1"), undefined);
    await routes.claims.POST(post("/api/claims", badClaim, made.token, "192.0.2.44"), undefined);
    await revokeApiToken(t.db, people.analyst, { id: made.id });
    const events = await t.db.auditEvent.findMany({
      where: { userId: people.analyst.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { kind: true, address: true, detail: true },
    });
    expect(events.map((e) => [e.kind, e.address])).toEqual([
      ["TOKEN_CREATED", null],
      ["TOKEN_NEW_ADDRESS", "198.51.100.1"],
      ["TOKEN_NEW_ADDRESS", "192.0.2.44"],
      ["TOKEN_REVOKED", null],
    ]);
    expect(events[1]!.detail).toContain("its first use");
    expect(events[0]!.detail).toContain('"watched script"');
  });
});

describe("audit log", () => {
  it("records role changes, and only admins read it, newest first, a page at a time", async () => {
    await setRole(t.db, people.admin, { userId: people.researcher.id, role: "ANALYST" });
    expect(await refusal(listAuditEvents(t.db, people.analyst, {}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(listAuditEvents(t.db, people.admin, { before: "yesterday" }))).toMatchObject({ code: "INVALID", field: "before" });
    const first = await listAuditEvents(t.db, people.admin, {});
    expect(first.events[0]).toMatchObject({ kind: "ROLE_CHANGED", account: "res@test", detail: "RESEARCHER → ANALYST, by admin@test" });
    // Enough rows for a second page: every row appears once, in order.
    await t.db.auditEvent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        kind: "SIGN_IN_FAILED" as const,
        email: `x${i}@test`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      })),
    });
    const page1 = await listAuditEvents(t.db, people.admin, {});
    const page2 = await listAuditEvents(t.db, people.admin, { before: page1.next! });
    const all = [...page1.events, ...page2.events];
    expect(new Set(all.map((e) => e.id)).size).toBe(await t.db.auditEvent.count());
    const times = all.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page2.next).toBeNull();
  });
});

describe("health", () => {
  it("answers 200 when the database is reachable and its migrations are this build's, 503 when one is missing", async () => {
    const ok = await routes.health.GET();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, database: "reachable", migrations: { current: true, missing: [], unknown: [] } });
    const [last] = await t.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await t.db.$executeRaw`UPDATE _prisma_migrations SET migration_name = ${`${last!.migration_name}_gone`} WHERE migration_name = ${last!.migration_name}`;
    try {
      const stale = await routes.health.GET();
      expect(stale.status).toBe(503);
      expect(await stale.json()).toMatchObject({
        ok: false,
        database: "reachable",
        migrations: { current: false, missing: [last!.migration_name], unknown: [`${last!.migration_name}_gone`] },
      });
    } finally {
      await t.db.$executeRaw`UPDATE _prisma_migrations SET migration_name = ${last!.migration_name} WHERE migration_name = ${`${last!.migration_name}_gone`}`;
    }
  });
});

describe("database faults", () => {
  const sqlite = inject("testDatabase").kind === "sqlite";
  // The faults this kind of database can be put in, each undone after: read-only on both; a full disk on SQLite.
  const faults: { name: string; on: () => Promise<unknown>; off: () => Promise<unknown> }[] = sqlite
    ? [
        { name: "read-only", on: () => appDb.$executeRawUnsafe("PRAGMA query_only = ON"), off: () => appDb.$executeRawUnsafe("PRAGMA query_only = OFF") },
        {
          name: "disk full",
          on: async () => {
            const [row] = await appDb.$queryRawUnsafe<{ page_count: bigint | number }[]>("PRAGMA page_count");
            await appDb.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(row!.page_count) + 1}`);
          },
          off: () => appDb.$queryRawUnsafe("PRAGMA max_page_count = 1073741823"),
        },
      ]
    : [
        // Every new session of the database read-only, and the app's open sessions ended, so its
        // pool reconnects into read-only sessions (as after a failover to a read-only standby).
        { name: "read-only", on: () => pgReadOnly(true), off: () => pgReadOnly(false) },
      ];

  async function pgReadOnly(on: boolean) {
    const [{ name }] = (await t.db.$queryRawUnsafe<{ name: string }[]>("SELECT current_database() AS name")) as [{ name: string }];
    await t.db.$executeRawUnsafe(`ALTER DATABASE ${name} SET default_transaction_read_only = ${on ? "on" : "off"}`);
    await t.db.$queryRawUnsafe("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  }

  it("refuse a write with a clear 503, leave nothing half-written, and leave the database sound", async () => {
    const token = (await createApiToken(t.db, people.admin, { name: "fault script" })).token;
    // A big source: it needs many new pages, and it writes a source, an outlet, a revision and the counts.
    const source = (n: number) => ({
      title: `Fault ${n}`,
      outlet: { new: { name: `Fault Wire ${n}`, kind: "BLOG" } },
      kind: "NEWS_REPORT",
      language: "en",
      text: `Report ${n}. ${"Words about the treaty. ".repeat(12_000)}`,
    });
    // The token's first use is recorded before the fault, so the fault alone decides what is written.
    await routes.sources.POST(post("/api/sources", {}, token), undefined);
    for (const [i, fault] of faults.entries()) {
      const before = await dumpDatabase(t.db);
      await fault.on();
      let response: Response;
      try {
        response = await routes.sources.POST(post("/api/sources", source(i), token), undefined);
      } finally {
        await fault.off();
      }
      expect(response.status, fault.name).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const body = await response.json();
      expect(body.error.code).toBe("UNAVAILABLE");
      expect(body.error.message).toContain("nothing was saved");
      expect(await dumpDatabase(t.db), fault.name).toEqual(before);
      if (sqlite) expect(await t.db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      // Once the fault is gone, the same write goes through.
      expect((await routes.sources.POST(post("/api/sources", source(i), token), undefined)).status, fault.name).toBe(201);
    }
  });
});
