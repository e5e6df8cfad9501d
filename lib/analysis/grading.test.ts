import { describe, expect, it } from "vitest";
import { compareForReview, sideWeights, summarizeClaim, weightedAgreement } from "./conflict";
import { admiraltyCode, effectiveReliability, stanceWeight, UNGRADED_WEIGHT } from "./grading";

describe("grading weights", () => {
  it("multiplies reliability by credibility, counting the ungraded as cannot be judged", () => {
    expect(stanceWeight("A", 1)).toBe(1);
    expect(stanceWeight("B", 2)).toBeCloseTo(0.64);
    expect(stanceWeight("E", 5)).toBeCloseTo(0.04);
    expect(stanceWeight(null, null)).toBe(0.25);
    expect(stanceWeight("F", 6)).toBe(UNGRADED_WEIGHT);
  });
  it("lets a source's own grade override its outlet's", () => {
    expect(effectiveReliability({ reliability: "E" }, { reliability: "B" })).toBe("E");
    expect(effectiveReliability({ reliability: null }, { reliability: "B" })).toBe("B");
    expect(effectiveReliability({ reliability: null }, { reliability: null })).toBeNull();
    expect(admiraltyCode("B", null)).toBe("B–");
  });
});

describe("weighted agreement", () => {
  it("weighs each origin once per side, by its heaviest stance", () => {
    const weights = sideWeights([
      { position: "SUPPORTS", sourceId: "npr", origin: "speaker:us", weight: 0.64 },
      { position: "SUPPORTS", sourceId: "site", origin: "speaker:us", weight: 0.36 },
      { position: "SUPPORTS", sourceId: "sputnik", origin: "outlet:sputnik", weight: 0.04 },
      { position: "DISPUTES", sourceId: "blog", origin: "outlet:blog", weight: 0.25 },
    ]);
    expect(weights).toEqual({ support: 0.68, dispute: 0.25, qualify: 0 });
    expect(weightedAgreement(weights)).toBeCloseTo(0.68 / 0.93);
    expect(weightedAgreement({ support: 0, dispute: 0 })).toBeNull();
  });
  it("counts origins, not publishers, for corroboration", () => {
    const oneSpeaker = summarizeClaim([
      { position: "SUPPORTS", sourceId: "platform", origin: "speaker:putin", publishedAt: null },
      { position: "SUPPORTS", sourceId: "site", origin: "speaker:putin", publishedAt: null },
    ]);
    expect(oneSpeaker).toMatchObject({ status: "SINGLE_SOURCE", sourceCount: 2, originCount: 1 });
    const twoOrigins = summarizeClaim([
      { position: "SUPPORTS", sourceId: "platform", origin: "outlet:platform", publishedAt: null },
      { position: "SUPPORTS", sourceId: "site", origin: "speaker:putin", publishedAt: null },
    ]);
    expect(twoOrigins).toMatchObject({ status: "CORROBORATED", originCount: 2 });
  });
});

describe("review ranking", () => {
  const claim = (slug: string, support: number, dispute: number, newest: string | null) => {
    const s = summarizeClaim([
      { position: "SUPPORTS", sourceId: `${slug}-s`, weight: support, publishedAt: newest ? new Date(newest) : null },
      { position: "DISPUTES", sourceId: `${slug}-d`, weight: dispute, publishedAt: null },
    ]);
    return { slug, conflictWeight: s.conflictWeight, lastEvidenceAt: s.lastEvidenceAt };
  };
  it("puts two heavy sides before one heavy and one light side, then the newest evidence first", () => {
    const ranked = [
      claim("lopsided", 1, 0.04, "2024-12-01"),
      claim("even-old", 0.64, 0.64, "2024-06-01"),
      claim("even-new", 0.64, 0.64, "2024-12-01"),
      claim("even-undated", 0.64, 0.64, null),
    ].sort(compareForReview);
    expect(ranked.map((c) => c.slug)).toEqual(["even-new", "even-old", "even-undated", "lopsided"]);
  });
});
