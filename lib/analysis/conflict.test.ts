import { describe, expect, it } from "vitest";
import { agreementSummary, claimStatus, conflictScore, rankKey, STATUS_RULES, summarizeClaim, type Position } from "./conflict";

const stance = (position: Position, sourceId: string) => ({ position, sourceId });

describe("claimStatus", () => {
  it("is contested when one source supports and another disputes", () => {
    expect(claimStatus([stance("SUPPORTS", "npr"), stance("DISPUTES", "blog")])).toBe("CONTESTED");
  });

  it("is contested when one source both reports and rebuts the claim", () => {
    expect(claimStatus([stance("SUPPORTS", "blog"), stance("DISPUTES", "blog")])).toBe("CONTESTED");
  });

  it("is disputed when sources only dispute or qualify", () => {
    expect(claimStatus([stance("DISPUTES", "blog"), stance("QUALIFIES", "npr")])).toBe("DISPUTED");
  });

  it("is corroborated by two sources with none disputing, qualifications aside", () => {
    expect(claimStatus([stance("SUPPORTS", "npr"), stance("SUPPORTS", "sputnik"), stance("QUALIFIES", "blog")])).toBe("CORROBORATED");
  });

  it("counts sources, not stances: three stances from one source are a single source", () => {
    const one = [stance("SUPPORTS", "npr"), stance("SUPPORTS", "npr"), stance("SUPPORTS", "npr")];
    expect(claimStatus(one)).toBe("SINGLE_SOURCE");
  });

  it("is unsupported with no stances or only qualifications", () => {
    expect(claimStatus([])).toBe("UNSUPPORTED");
    expect(claimStatus([stance("QUALIFIES", "npr")])).toBe("UNSUPPORTED");
  });

  it("has a documented rule for every status", () => {
    expect(STATUS_RULES.map((r) => r.status).sort()).toEqual(["CONTESTED", "CORROBORATED", "DISPUTED", "SINGLE_SOURCE", "UNSUPPORTED"].sort());
  });
});

describe("conflictScore and rankKey", () => {
  it("ranks an even split above a lopsided one with more sources", () => {
    const even = [stance("SUPPORTS", "a"), stance("SUPPORTS", "b"), stance("DISPUTES", "c"), stance("DISPUTES", "d")];
    const lopsided = [...["a", "b", "c", "d", "e"].map((s) => stance("SUPPORTS", s)), stance("DISPUTES", "f")];
    expect(conflictScore(even)).toBeGreaterThan(conflictScore(lopsided));
  });

  it("sorts rank keys so the higher score comes first, then the slug", () => {
    const keys = [rankKey(5, "b"), rankKey(2_000_003, "z"), rankKey(5, "a"), rankKey(0, "a")];
    expect([...keys].sort()).toEqual([rankKey(2_000_003, "z"), rankKey(5, "a"), rankKey(5, "b"), rankKey(0, "a")]);
  });
});

describe("summarizeClaim", () => {
  it("counts distinct sources per side and finds the earliest publication", () => {
    const summary = summarizeClaim([
      { ...stance("SUPPORTS", "npr"), publishedAt: new Date("2024-11-01") },
      { ...stance("SUPPORTS", "npr"), publishedAt: new Date("2024-11-01") },
      { ...stance("DISPUTES", "blog"), publishedAt: new Date("2024-12-01") },
      { ...stance("QUALIFIES", "platform"), publishedAt: new Date("2024-06-01") },
      { ...stance("QUALIFIES", "undated"), publishedAt: null },
    ]);
    expect(summary).toMatchObject({
      status: "CONTESTED",
      supportsCount: 1,
      disputesCount: 1,
      qualifiesCount: 2,
      sourceCount: 4,
      stanceCount: 5,
    });
    expect(summary.firstSeenAt?.toISOString()).toBe("2024-06-01T00:00:00.000Z");
  });
});

describe("summarizeClaim on a heavily cited claim", () => {
  it("finds the earliest of 250,000 dated stances without overflowing the stack", () => {
    const stances = Array.from({ length: 250_000 }, (_, i) => ({
      ...stance("SUPPORTS", `s${i % 1000}`),
      publishedAt: new Date(Date.UTC(2024, 0, 1) + (250_000 - i) * 60_000),
    }));
    const summary = summarizeClaim(stances);
    expect(summary.firstSeenAt).toEqual(stances.at(-1)!.publishedAt);
    expect(summary).toMatchObject({ status: "CORROBORATED", supportsCount: 1000, sourceCount: 1000 });
  });
});

describe("agreementSummary", () => {
  it("counts sources and stances by position and by outlet kind", () => {
    const summary = agreementSummary([
      { ...stance("SUPPORTS", "npr"), outletKind: "PUBLIC_BROADCASTER" },
      { ...stance("SUPPORTS", "npr"), outletKind: "PUBLIC_BROADCASTER" },
      { ...stance("SUPPORTS", "sputnik"), outletKind: "STATE_NEWS_AGENCY" },
      { ...stance("DISPUTES", "blog"), outletKind: "BLOG" },
    ]);
    expect(summary.sources).toEqual({ SUPPORTS: 2, DISPUTES: 1, QUALIFIES: 0 });
    expect(summary.stances).toEqual({ SUPPORTS: 3, DISPUTES: 1, QUALIFIES: 0 });
    expect(summary.byOutletKind).toEqual([
      { outletKind: "BLOG", counts: { SUPPORTS: 0, DISPUTES: 1, QUALIFIES: 0 } },
      { outletKind: "PUBLIC_BROADCASTER", counts: { SUPPORTS: 1, DISPUTES: 0, QUALIFIES: 0 } },
      { outletKind: "STATE_NEWS_AGENCY", counts: { SUPPORTS: 1, DISPUTES: 0, QUALIFIES: 0 } },
    ]);
  });
});
