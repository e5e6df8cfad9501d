import { describe, expect, it } from "vitest";
import { highlightSegments } from "./highlight-segments";

describe("highlightSegments", () => {
  const text = "abcdefghij";

  it("keeps the whole text, in order, across segments", () => {
    const segments = highlightSegments(text, [
      { id: "a", start: 2, end: 6 },
      { id: "b", start: 4, end: 9 },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("knows which overlapping marks cover, open and close each segment", () => {
    const segments = highlightSegments(text, [
      { id: "a", start: 2, end: 6 },
      { id: "b", start: 4, end: 9 },
    ]);
    const summary = segments.map((s) => [
      s.text,
      s.covering.map((m) => m.id).join(""),
      s.opening.map((m) => m.id).join(""),
      s.closing.map((m) => m.id).join(""),
    ]);
    expect(summary).toEqual([
      ["ab", "", "", ""],
      ["cd", "a", "a", ""],
      ["ef", "ab", "b", "a"],
      ["ghi", "b", "", "b"],
      ["j", "", "", ""],
    ]);
  });

  it("handles two marks on the same words", () => {
    const segments = highlightSegments(text, [
      { id: "a", start: 0, end: 3 },
      { id: "b", start: 0, end: 3 },
    ]);
    expect(segments[0]).toMatchObject({ text: "abc" });
    expect(segments[0]!.covering.map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("ignores marks that fall outside the text", () => {
    const segments = highlightSegments(text, [{ id: "x", start: 8, end: 40 }]);
    expect(segments).toHaveLength(1);
    expect(segments[0]!.covering).toEqual([]);
  });
});
