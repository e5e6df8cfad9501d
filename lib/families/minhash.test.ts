import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bandKeys, compareTexts, familiesOf, shingles, signature } from "./minhash";

const folder = resolve(import.meta.dirname, "../../seeds/articles");
const articles = readdirSync(folder)
  .sort()
  .map((file) => readFileSync(resolve(folder, file), "utf8"));

/** A lightly edited re-post: a headline line and a closing line added, a few words changed, typeset anew. */
function repost(text: string): string {
  return `REPOSTED FROM THE WIRE\n\n${text.replace(/North Korea/g, "North  Korea").replace(/\bsaid\b/g, "stated")}\n\nShare this article with your friends.`;
}
const sharedKeys = (a: string, b: string) => {
  const keys = new Set(bandKeys(signature(shingles(b))));
  return bandKeys(signature(shingles(a))).filter((k) => keys.has(k)).length;
};

describe("copies of one article", () => {
  it("finds a lightly edited re-post as a copy, by a shared band key and by its measured overlap", () => {
    const original = articles[0]!;
    const copy = repost(original);
    expect(sharedKeys(original, copy)).toBeGreaterThan(0);
    const compared = compareTexts(shingles(original), shingles(copy));
    expect(compared.copies).toBe(true);
    expect(compared.overlapA).toBeGreaterThan(0.8);
    expect(compared.overlapB).toBeGreaterThan(0.8);
  });

  it("does not join two articles on the same subject, nor an article and a brief that quotes one paragraph of it", () => {
    for (let i = 1; i < articles.length; i++) {
      expect(compareTexts(shingles(articles[0]!), shingles(articles[i]!)).copies).toBe(false);
      expect(sharedKeys(articles[0]!, articles[i]!)).toBe(0);
    }
    const paragraph = articles[0]!.split(/\s+/).slice(200, 280).join(" ");
    const brief = `A short note. ${paragraph} More soon.`;
    const compared = compareTexts(shingles(brief), shingles(articles[0]!));
    expect(compared.overlapA).toBeGreaterThan(0.8);
    expect(compared.copies).toBe(false);
  });

  it("reads case, accents, punctuation and spacing as the same words", () => {
    expect(compareTexts(shingles("Le traité a été signé à Pyongyang, en juin."), shingles("le traite a ete signe a pyongyang en juin")).overlapA).toBe(1);
    expect(shingles("")).toEqual(new Set());
    expect(shingles("Too short").size).toBe(1);
  });

  it("makes families of the copies linked two by two, each named by its smallest id, and none for a source alone", () => {
    const families = familiesOf(
      ["c", "a", "b", "d", "e"],
      [
        ["c", "b"],
        ["b", "a"],
        ["e", "zz"],
      ],
    );
    expect(Object.fromEntries(families)).toEqual({ a: "a", b: "a", c: "a", d: null, e: null });
  });
});
