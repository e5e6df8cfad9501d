import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionOf, createDb, type Db } from "../lib/database/create-client";
import { refreshClaimSummaries } from "../lib/write/refresh-claim-summary";
import { listClaims } from "../lib/claims/list-claims";
import { summarizeClaim } from "../lib/analysis/conflict";
import { ClaimListQuerySchema } from "../lib/schemas/claims-query";

// The synthetic corpus must hold to the same rules as real data, or the benchmark measures nonsense.
const root = resolve(import.meta.dirname, "..");
const file = resolve(root, "data/test/bench-tiny.db");
let db: Db;

beforeAll(() => {
  execFileSync(resolve(root, "node_modules/.bin/tsx"), ["bench/generate-corpus.ts", "--claims", "60", "--sources", "80", "--stances", "900", "--out", file], {
    cwd: root,
    stdio: "pipe",
  });
  db = createDb(`file:${file}`);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("the synthetic corpus generator", () => {
  it("writes exactly the sizes asked for", async () => {
    expect([await db.claim.count(), await db.source.count(), await db.stance.count()]).toEqual([60, 80, 900]);
    const contested = await db.claim.count({ where: { status: "CONTESTED" } });
    expect(await db.corpusCounts.findUnique({ where: { id: 1 } })).toMatchObject({ claims: 60, sources: 80, stances: 900, contested });
  });

  it("stores every quote verbatim at its offsets", async () => {
    const stances = await db.stance.findMany({ select: { quote: true, start: true, end: true, source: { select: { text: true } } } });
    for (const s of stances) expect(s.source.text.slice(s.start, s.end)).toBe(s.quote);
  });

  it("stores each claim's summary as the status rules compute it, covering every status", async () => {
    const claims = await db.claim.findMany({
      select: {
        status: true,
        supportsCount: true,
        disputesCount: true,
        qualifiesCount: true,
        stanceCount: true,
        conflictScore: true,
        stances: { select: { position: true, sourceId: true, source: { select: { publishedAt: true } } } },
      },
    });
    for (const { stances, ...stored } of claims) {
      const summary = summarizeClaim(stances.map((s) => ({ ...s, publishedAt: s.source.publishedAt })));
      expect(stored).toEqual({
        status: summary.status,
        supportsCount: summary.supportsCount,
        disputesCount: summary.disputesCount,
        qualifiesCount: summary.qualifiesCount,
        stanceCount: summary.stanceCount,
        conflictScore: summary.conflictScore,
      });
    }
    expect(new Set(claims.map((c) => c.status))).toEqual(new Set(["CONTESTED", "CORROBORATED", "SINGLE_SOURCE", "DISPUTED", "UNSUPPORTED"]));
  });

  it("stores every claim's summary, weights, origins and analysis exactly as the app's own write recomputes them", async () => {
    const stored = async () => (await db.claim.findMany({ orderBy: { id: "asc" } })).map(({ updatedAt: _, ...claim }) => claim);
    const before = await stored();
    expect(before.every((c) => c.analysis !== null)).toBe(true);
    await db.$transaction((tx) =>
      refreshClaimSummaries(
        connectionOf(db, tx),
        before.map((c) => c.id),
      ),
    );
    expect(await stored()).toEqual(before);
  });

  it("can be paged through by the app's own list function", async () => {
    const page = await listClaims(db, ClaimListQuerySchema.parse({ limit: "10" }));
    expect(page.total).toBe(60);
    expect(page.claims[0]!.status).toBe("CONTESTED");
    expect(page.nextCursor).not.toBeNull();
  });
});
