import { describe, expect, it } from "vitest";
import { searchableText } from "./search-text";

describe("searchableText", () => {
  it("lower-cases and collapses whitespace, including non-breaking spaces", () => {
    expect(searchableText("  Some 10,000\u00a0North   KOREAN troops ")).toBe("some 10,000 north korean troops");
  });

  it("leaves no SQL LIKE wildcard in the text", () => {
    expect(searchableText("60% of k_rsk")).toBe("60 percent of k rsk");
    expect(searchableText("%_%")).not.toMatch(/[%_]/);
  });
});
