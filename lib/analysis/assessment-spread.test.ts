import { describe, expect, it } from "vitest";
import { agreeingWith, disagreementOf, spreadOf } from "./assessment-spread";

describe("the spread of analysts' assessments", () => {
  it("is no disagreement for one analyst, or for several who agree", () => {
    expect(disagreementOf([1])).toBe(0);
    expect(disagreementOf([4])).toBe(0);
    expect(disagreementOf([])).toBe(0);
  });

  it("is the chance that two analysts drawn at random differ", () => {
    expect(disagreementOf([1, 1])).toBe(1);
    expect(disagreementOf([2, 2])).toBeCloseTo(2 / 3);
    expect(disagreementOf([2, 1])).toBeCloseTo(2 / 3);
    expect(disagreementOf([3, 1])).toBeCloseTo(0.5);
    expect(disagreementOf([1, 1, 1])).toBe(1);
  });

  it("lists the most common rating first, with how confident its analysts were", () => {
    const spread = spreadOf([
      { rating: "FALSE", confidence: "HIGH" },
      { rating: "MOSTLY_TRUE", confidence: "LOW" },
      { rating: "FALSE", confidence: "MEDIUM" },
    ]);
    expect(spread.count).toBe(3);
    expect(spread.ratings).toEqual([
      { rating: "FALSE", count: 2, confidence: { LOW: 0, MEDIUM: 1, HIGH: 1 } },
      { rating: "MOSTLY_TRUE", count: 1, confidence: { LOW: 1, MEDIUM: 0, HIGH: 0 } },
    ]);
    expect(spread.disagreement).toBeCloseTo(2 / 3);
  });

  it("counts those who agree with a published rating", () => {
    expect(agreeingWith("FALSE", [{ rating: "FALSE" }, { rating: "MIXED" }, { rating: "FALSE" }])).toBe(2);
  });
});
