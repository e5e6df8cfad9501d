import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "../lib/roles";
import { createClaim } from "../lib/claims/write-claim";
import { createStance } from "../lib/stances/write-stance";
import { addSourceText } from "../lib/sources/text-versions";
import { seededDatabase, type TestDb } from "./helpers/test-db";

// Writes that arrive together, as they do on a busy server. On PostgreSQL they run side by side,
// so every stored summary they recompute must still count every row (it lost one before the
// summaries were locked: lib/database/row-locks.ts).

let t: TestDb;
const researcher: CurrentUser = { id: "u-concurrent", name: "Con Current", email: "concurrent@test", role: "RESEARCHER" };

beforeAll(async () => {
  t = await seededDatabase([researcher]);
});
afterAll(async () => {
  await t.drop();
});

describe("concurrent writes", () => {
  it("keep the corpus's claim count right when claims are added at once", async () => {
    const topic = (await t.db.topic.findFirstOrThrow({ select: { id: true } })).id;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => createClaim(t.db, researcher, { text: `Concurrent claim ${i} about the treaty`, topic })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const counts = await t.db.corpusCounts.findUniqueOrThrow({ where: { id: 1 } });
    expect(counts.claims).toBe(await t.db.claim.count({ where: { retractedAt: null } }));
  });

  it("keep a claim's stance counts right when passages are linked to it at once", async () => {
    const source = await t.db.source.findFirstOrThrow({ select: { id: true, text: true } });
    const claim = await t.db.claim.findFirstOrThrow({ where: { retractedAt: null }, select: { id: true } });
    const words = [...source.text.matchAll(/[A-Za-z]{6,}/g)].slice(0, 10);
    const results = await Promise.allSettled(
      words.map(({ 0: quote, index: start }) =>
        createStance(t.db, researcher, {
          sourceId: source.id,
          quote,
          start,
          end: start + quote.length,
          claim: { id: claim.id },
          position: "QUALIFIES",
          mode: "AS_FACT",
          speaker: null,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const live = await t.db.stance.count({ where: { claimId: claim.id, retractedAt: null } });
    const stored = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { stanceCount: true } });
    expect(stored.stanceCount).toBe(live);
    const counts = await t.db.corpusCounts.findUniqueOrThrow({ where: { id: 1 } });
    const sum = await t.db.claim.aggregate({ where: { retractedAt: null }, _sum: { stanceCount: true } });
    expect(counts.stances).toBe(sum._sum.stanceCount);
  });

  it("anchor every passage linked while its source gets a new text in the text it is in (decision 0025)", async () => {
    const source = await t.db.source.findFirstOrThrow({
      where: { id: "sputnik-federation-council-ratifies" },
      select: { id: true, text: true, version: true },
    });
    const claim = await t.db.claim.findFirstOrThrow({ where: { retractedAt: null }, select: { id: true } });
    const words = [...source.text.matchAll(/[A-Za-z]{7,}/g)].slice(10, 20);
    const results = await Promise.allSettled([
      addSourceText(t.db, researcher, { id: source.id, version: source.version, text: `Updated.\n\n${source.text}` }),
      ...words.map(({ 0: quote, index: start }) =>
        createStance(t.db, researcher, {
          sourceId: source.id,
          quote,
          start,
          end: start + quote.length,
          claim: { id: claim.id },
          position: "QUALIFIES",
          mode: "AS_FACT",
          speaker: null,
        }),
      ),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const stored = await t.db.source.findUniqueOrThrow({ where: { id: source.id }, select: { text: true, textVersion: true } });
    expect(stored.textVersion).toBe(2);
    const stances = await t.db.stance.findMany({
      where: { sourceId: source.id },
      select: { quote: true, start: true, end: true, anchoredVersion: true, orphanedAt: true },
    });
    expect(stances.length).toBeGreaterThan(words.length);
    for (const s of stances) {
      expect({ quote: s.quote, version: s.anchoredVersion, orphaned: s.orphanedAt }).toEqual({
        quote: stored.text.slice(s.start, s.end),
        version: 2,
        orphaned: null,
      });
    }
  });
});
