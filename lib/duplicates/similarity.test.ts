import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePairs, qualityAt } from "./evaluate";
import { normalizeClaim, similarityOf } from "./similarity";

const folder = resolve(import.meta.dirname, "../../bench/duplicates");
const labelled = [
  ...parsePairs(readFileSync(resolve(folder, "pairs-same.txt"), "utf8"), true),
  ...parsePairs(readFileSync(resolve(folder, "pairs-distinct.txt"), "utf8"), false),
];

describe("the duplicate matcher's score", () => {
  it("scores a reworded claim above one that differs in a figure, a name, a 'not', or a direction", () => {
    const claim = "Some 10,000 North Korean troops have been sent to Russia.";
    const reworded = similarityOf(claim, "North Korea has sent some 10,000 troops to Russia.");
    expect(similarityOf(claim, "Some 12,000 North Korean troops have been sent to Russia.")).toMatchObject({ conflicts: ["figures"] });
    expect(similarityOf(claim, "No North Korean troops have been sent to Russia.").conflicts).toContain("negation");
    expect(similarityOf("A drone hit an oil refinery in Ryazan.", "A drone hit an oil refinery in Saratov.").conflicts).toContain("names");
    expect(similarityOf("Oil prices rose above $90 a barrel.", "Oil prices fell above $90 a barrel.").conflicts).toContain("direction");
    for (const nearMiss of [
      "Some 12,000 North Korean troops have been sent to Russia.",
      "No North Korean troops have been sent to Russia.",
      "Some 10,000 North Korean workers have been sent to Russia.",
    ])
      expect(similarityOf(claim, nearMiss).score, nearMiss).toBeLessThan(reworded.score);
    expect(reworded.score).toBeGreaterThanOrEqual(0.7);
  });

  it("reads other names of the same thing as one, and keeps Kim Jong Un a name", () => {
    expect(normalizeClaim("The DPRK and the U.S. met at the UN.")).toBe("the north korea and the united states met at the united nations.");
    expect(normalizeClaim("Kim Jong Un met Putin.")).toBe("kim jong un met putin.");
    expect(similarityOf("Pyongyang denied supplying arms to Moscow.", "North Korea denied supplying arms to Russia.").score).toBe(1);
    expect(similarityOf("The vaccine is 90% effective.", "The vaccine is 90 percent effective.").score).toBe(1);
  });

  it("meets the issue's bar on the committed labelled set: precision at least 0.8 at recall at least 0.6, at the default threshold 0.7", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(200);
    expect(labelled.filter((p) => p.same).length).toBeGreaterThanOrEqual(100);
    // The seed corpus's own near-duplicates are in it: the two claims on when the treaty was signed.
    expect(labelled).toContainEqual({
      a: "Putin and Kim Jong Un signed the treaty in Pyongyang in June 2024, during Putin's visit.",
      b: "The treaty was signed on 18 June 2024.",
      same: true,
    });
    const [quality] = qualityAt(
      labelled.map((p) => ({ score: similarityOf(p.a, p.b).score, same: p.same })),
      [0.7],
    );
    expect(quality!.precision).toBeGreaterThanOrEqual(0.8);
    expect(quality!.recall).toBeGreaterThanOrEqual(0.6);
  });

  it("refuses a labelled line that is not two wordings", () => {
    expect(() => parsePairs("one|two\nonly one\n", true)).toThrow('Line 2 is not two wordings split by "|": only one');
  });
});
