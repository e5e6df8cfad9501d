import { describe, expect, it } from "vitest";
import { anchorQuote } from "./anchor-quote";
import { reanchor, similarity } from "./reanchor";
import { diffTexts, positionMap } from "./text-diff";

const before = [
  "Pyongyang, 20 June. The treaty was signed on Wednesday at the Kumsusan guesthouse.",
  "A senior official said some 10,000 North Korean troops were sent to the Kursk region.",
  "The Kremlin called the deployment a fabrication. Analysts said the clause is largely symbolic.",
].join("\n\n");

/** Where a quote stood in `before`, as a stance stores it. */
function placed(quote: string, occurrence?: number) {
  return { quote, ...anchorQuote(before, quote, occurrence) };
}

function moveTo(after: string, quote: string) {
  const parts = diffTexts(before, after);
  return reanchor(after, placed(quote), parts ? positionMap(parts) : null, before.length);
}

describe("re-anchoring a stance in a new text of its source", () => {
  it("finds the same words where a paragraph was added before them", () => {
    const after = `Editor's note: this article was updated on 21 June.\n\n${before}`;
    const quote = "some 10,000 North Korean troops were sent to the Kursk region";
    const placement = moveTo(after, quote);
    expect(placement.kind).toBe("exact");
    if (placement.kind === "orphan") return;
    expect(after.slice(placement.start, placement.end)).toBe(quote);
  });

  it("of two occurrences, takes the one whose context still matches", () => {
    const text = "The Kremlin denied it. Later, in Seoul, officials said: The Kremlin denied it.";
    const second = { quote: "The Kremlin denied it.", ...anchorQuote(text, "The Kremlin denied it.", 2) };
    const after = `Update. ${text}`;
    const parts = diffTexts(text, after)!;
    const placement = reanchor(after, second, positionMap(parts), text.length);
    expect(placement).toMatchObject({ kind: "exact", start: after.lastIndexOf("The Kremlin denied it.") });
  });

  it("follows a corrected figure and gives the passage's new words", () => {
    const after = before.replace("some 10,000 North Korean troops", "some 11,000 North Korean troops");
    const placement = moveTo(after, "some 10,000 North Korean troops were sent to the Kursk region");
    expect(placement).toMatchObject({ kind: "changed", quote: "some 11,000 North Korean troops were sent to the Kursk region" });
  });

  it("finds a reworded passage by its context when the texts were not compared", () => {
    const after = before.replace("called the deployment a fabrication", "called the deployment an outright fabrication");
    const placement = reanchor(after, placed("The Kremlin called the deployment a fabrication."), null, before.length);
    expect(placement).toMatchObject({ kind: "changed", quote: "The Kremlin called the deployment an outright fabrication." });
  });

  it("makes an orphan of a passage the new text no longer has", () => {
    const after = before.replace(" Analysts said the clause is largely symbolic.", "");
    expect(moveTo(after, "Analysts said the clause is largely symbolic.")).toEqual({ kind: "orphan" });
  });

  it("makes an orphan of a passage rewritten beyond recognition", () => {
    const after = before.replace("The Kremlin called the deployment a fabrication.", "Moscow has not commented.");
    expect(moveTo(after, "The Kremlin called the deployment a fabrication.")).toEqual({ kind: "orphan" });
  });

  it("keeps the context either side of the new place", () => {
    const after = `New first line.\n\n${before}`;
    const placement = moveTo(after, "largely symbolic");
    if (placement.kind === "orphan") throw new Error("expected a place");
    expect(placement.prefix).toBe(after.slice(placement.start - placement.prefix.length, placement.start));
    expect(placement.suffix).toBe(after.slice(placement.end, placement.end + placement.suffix.length));
  });
});

describe("comparing two texts", () => {
  it("gives the removed and added words in reading order, and rebuilds both texts", () => {
    const after = before.replace("Wednesday", "Thursday").replace("largely symbolic", "anything but symbolic");
    const parts = diffTexts(before, after)!;
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["Wednesday", "largely"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["Thursday", "anything but"]);
  });

  it("maps an offset in a shared run, and one in removed words to where they were", () => {
    const after = before.replace("Wednesday", "Thursday");
    const map = positionMap(diffTexts(before, after)!);
    const kursk = before.indexOf("Kursk");
    expect(after.slice(map(kursk, "start"), map(kursk, "start") + 5)).toBe("Kursk");
    const wednesday = before.indexOf("Wednesday");
    expect(map(wednesday + 3, "start")).toBe(after.indexOf("Thursday"));
    expect(map(wednesday + 3, "end")).toBe(after.indexOf("Thursday") + "Thursday".length);
  });
});

describe("similarity", () => {
  it("is 1 for the same words, lower for each edit, 0 for nothing alike", () => {
    expect(similarity("troops", "troops")).toBe(1);
    expect(similarity("10,000 troops", "11,000 troops")).toBeCloseTo(1 - 1 / 13, 5);
    expect(similarity("abc", "xyz")).toBe(0);
  });
});
