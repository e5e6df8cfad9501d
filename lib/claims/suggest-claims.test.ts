import { describe, expect, it } from "vitest";
import { matchScore, queryWords } from "./suggest-claims";

describe("queryWords", () => {
  it("keeps the telling words of a selection, longest first, without stop words or repeats", () => {
    expect(queryWords("The troops were sent to the Kursk region, the troops said")).toEqual(["region", "troops", "kursk", "sent"]);
    expect(queryWords("of the a")).toEqual([]);
    expect(queryWords("some 10,000 soldiers")).toEqual(["soldiers", "10,000", "some"]);
  });
});

describe("matchScore", () => {
  const words = queryWords("10,000 North Korean troops in Kursk");
  it("ranks a claim sharing more (and longer) words above one sharing fewer", () => {
    const close = matchScore("Some 10,000 North Korean troops are in Russia's Kursk region.", words, "");
    const far = matchScore("North Korea ratified the treaty.", words, "");
    expect(close).toBeGreaterThan(far);
    expect(close).toBe(1);
  });
  it("adds a bonus for the whole phrase", () => {
    expect(matchScore("troops in kursk", ["troops", "kursk"], "troops in kursk")).toBe(2);
  });
});
