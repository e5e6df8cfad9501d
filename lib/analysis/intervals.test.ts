import { describe, expect, it } from "vitest";
import { compareIntervals, formatInterval, intersect, parseDateInterval, parseNumberInterval } from "./intervals";

const bounds = (words: string) => {
  const parsed = parseNumberInterval(words);
  return parsed && { low: parsed.low, high: parsed.high, rule: parsed.rule };
};

describe("parseNumberInterval, on the seed's own words", () => {
  it("reads 'some 10,000' as give or take 10%", () => {
    expect(bounds("The U.S., Ukraine and South Korea say that some 10,000 North Korean troops are already in Russia")).toEqual({
      low: 9_000,
      high: 11_000,
      rule: "about",
    });
  });
  it("reads 'over 10,000' as a lower bound, not as the bare figure inside it", () => {
    expect(bounds("North Korea has sent over 10,000 troops to support Russia’s war efforts in Ukraine")).toEqual({ low: 10_000, high: null, rule: "at least" });
  });
  it("reads 'several thousand' as 3,000 to 9,000", () => {
    expect(bounds("several thousand DPRK troops likely traveled to Russia earlier this year")).toEqual({ low: 3_000, high: 9_000, rule: "several" });
  });
  it("reads 'up to 12,000' as at most 12,000", () => {
    expect(bounds("up to 12,000 soldiers")).toEqual({ low: 0, high: 12_000, rule: "at most" });
  });
  it("reads a bare figure exactly, and skips years", () => {
    expect(bounds("In August 2024, the reported 10,000 soldiers")).toEqual({ low: 10_000, high: 10_000, rule: "figure" });
    expect(bounds("320,000 South Korean soldiers supported U.S. military efforts")).toEqual({ low: 320_000, high: 320_000, rule: "figure" });
  });
  it("reads ranges, scale words and plurals", () => {
    expect(bounds("between 10,000 and 12,000 troops")).toEqual({ low: 10_000, high: 12_000, rule: "range" });
    expect(bounds("10 to 12 thousand")).toEqual({ low: 10_000, high: 12_000, rule: "range" });
    expect(bounds("about 1.5 million shells")).toEqual({ low: 1_350_000, high: 1_650_000, rule: "about" });
    expect(bounds("tens of thousands of workers")).toEqual({ low: 20_000, high: 99_000, rule: "several" });
    expect(bounds("thousands of troops")).toEqual({ low: 2_000, high: 999_000, rule: "several" });
  });
  it("gives nothing for words without a figure", () => {
    expect(parseNumberInterval("much of the evidence was clearly fabricated")).toBeNull();
    expect(parseNumberInterval("signed in 2024")).toBeNull();
  });
});

describe("parseDateInterval", () => {
  const iso = (words: string) => {
    const p = parseDateInterval(words);
    return p && [p.low && new Date(p.low).toISOString(), p.high && new Date(p.high).toISOString(), p.rule];
  };
  it("reads a day, a month and a year", () => {
    expect(iso("signed during Vladimir Putin’s state visit to the DPRK on June 18, 2024")).toEqual([
      "2024-06-18T00:00:00.000Z",
      "2024-06-18T23:59:59.999Z",
      "day",
    ]);
    expect(iso("taking full effect on 4 December 2024")).toEqual(["2024-12-04T00:00:00.000Z", "2024-12-04T23:59:59.999Z", "day"]);
    expect(iso("signed in June 2024")).toEqual(["2024-06-01T00:00:00.000Z", "2024-06-30T23:59:59.999Z", "month"]);
    expect(iso("a treaty from 2000")).toEqual(["2000-01-01T00:00:00.000Z", "2000-12-31T23:59:59.999Z", "year"]);
  });
  it("does not place a month without a year, or an impossible day", () => {
    expect(parseDateInterval("signed the treaty in June in Pyongyang")).toBeNull();
    expect(parseDateInterval("on February 30, 2024")?.rule).not.toBe("day");
  });
});

describe("compareIntervals", () => {
  const troops = [
    { key: "npr", interval: { low: 9_000, high: 11_000 } },
    { key: "news-site", interval: { low: 10_000, high: null } },
    { key: "reported", interval: { low: 10_000, high: 10_000 } },
    { key: "pentagon", interval: { low: 3_000, high: 9_000 } },
  ];
  it("says which figures cannot both be true", () => {
    expect(compareIntervals(troops).conflicts).toEqual([
      ["news-site", "pentagon"],
      ["reported", "pentagon"],
    ]);
  });
  it("finds no common value when some exclude each other, and the values most sources allow", () => {
    const result = compareIntervals(troops);
    expect(result.common).toBeNull();
    expect(result.widest).toEqual({ interval: { low: 10_000, high: 10_000 }, keys: ["npr", "news-site", "reported"] });
  });
  it("finds the common value when all overlap", () => {
    expect(compareIntervals(troops.slice(0, 2)).common).toEqual({ low: 10_000, high: 11_000 });
    expect(compareIntervals(troops.slice(0, 2)).conflicts).toEqual([]);
  });
  it("treats touching bounds as overlapping and open bounds as unbounded", () => {
    expect(intersect({ low: 3_000, high: 9_000 }, { low: 9_000, high: 11_000 })).toEqual({ low: 9_000, high: 9_000 });
    expect(intersect({ low: null, high: 5 }, { low: 6, high: null })).toBeNull();
  });
  it("words intervals for readers", () => {
    expect(formatInterval("NUMBER", { low: 10_000, high: null })).toBe("10,000 or more");
    expect(formatInterval("NUMBER", { low: 9_000, high: 11_000 })).toBe("9,000 – 11,000");
    expect(formatInterval("DATE", { low: Date.UTC(2024, 5, 18), high: Date.UTC(2024, 5, 19) - 1 })).toBe("18 June 2024");
  });
});
