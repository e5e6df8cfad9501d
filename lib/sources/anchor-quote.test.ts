import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { anchorQuote, locateQuote, quoteMatches } from "./anchor-quote";

const text = "The Pentagon claims that several thousand troops went. Several thousand more may follow. ";

describe("anchorQuote", () => {
  it("returns offsets whose slice is the quote, with context either side", () => {
    const anchor = anchorQuote(text, "several thousand troops");
    expect(text.slice(anchor.start, anchor.end)).toBe("several thousand troops");
    expect(anchor.prefix).toBe("The Pentagon claims that ");
    expect(anchor.suffix.startsWith(" went.")).toBe(true);
  });

  it("refuses a quote that is not verbatim in the text, naming it", () => {
    expect(() => anchorQuote(text, "several thousand soldiers")).toThrowError(/not in the source text: "several thousand soldiers"/);
  });

  it("treats a non-breaking space as different from a space", () => {
    const withNbsp = "pledged to\u00a0end the war";
    expect(() => anchorQuote(withNbsp, "pledged to end the war")).toThrow(AppError);
    expect(anchorQuote(withNbsp, "pledged to\u00a0end the war").start).toBe(0);
  });

  it("is case-sensitive", () => {
    expect(() => anchorQuote(text, "the pentagon")).toThrow(/not in the source text/);
  });

  it("asks which occurrence when the quote is ambiguous, and honours the answer", () => {
    const twice = "troops. troops.";
    expect(() => anchorQuote(twice, "troops")).toThrow(/occurs 2 times/);
    expect(anchorQuote(twice, "troops", 2).start).toBe(8);
    expect(() => anchorQuote(twice, "troops", 3)).toThrow(/occurs 2 time/);
  });

  it("refuses an empty or blank quote", () => {
    expect(() => anchorQuote(text, "   ")).toThrow(/empty/);
  });

  it("counts offsets in UTF-16 code units, as JavaScript strings do", () => {
    const curly = "Putin’s “breakthrough document” 🇷🇺 and more";
    const anchor = anchorQuote(curly, "and more");
    expect(curly.slice(anchor.start, anchor.end)).toBe("and more");
  });
});

describe("quoteMatches", () => {
  it("accepts the exact slice and rejects shifted or out-of-range offsets", () => {
    const start = text.indexOf("several");
    expect(quoteMatches(text, "several", start, start + 7)).toBe(true);
    expect(quoteMatches(text, "several", start + 1, start + 8)).toBe(false);
    expect(quoteMatches(text, "several", -1, 6)).toBe(false);
    expect(quoteMatches(text, "x", text.length, text.length + 1)).toBe(false);
  });
});

describe("locateQuote (offsets sent by a browser)", () => {
  const twice = "Troops went. Nobody confirmed it. Troops went again.";

  it("keeps offsets that hold the quote exactly", () => {
    const anchor = locateQuote(twice, "Troops went", { start: 34, end: 45 });
    expect([anchor.start, anchor.end]).toEqual([34, 45]);
  });

  it("finds the quote when the offsets are wrong, taking the occurrence nearest them", () => {
    expect(locateQuote(twice, "Troops went", { start: 30, end: 41 }).start).toBe(34);
    expect(locateQuote(twice, "Troops went", { start: 3, end: 14 }).start).toBe(0);
  });

  it("refuses a quote the text does not hold, whatever the offsets say", () => {
    expect(() => locateQuote(twice, "Troops left", { start: 0, end: 11 })).toThrowError(/not in the source text: "Troops left"/);
  });

  it("refuses offsets past the end of the text", () => {
    expect(() => locateQuote(twice, "again.x", { start: 45, end: 52 })).toThrowError(/not in the source text/);
  });

  it("without offsets, asks which occurrence when there are several", () => {
    expect(() => locateQuote(twice, "Troops went")).toThrowError(/occur 2 times/);
    expect(locateQuote(twice, "Nobody confirmed it").start).toBe(13);
  });
});
