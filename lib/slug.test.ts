import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { newSlugs } from "./slug";

describe("newSlugs", () => {
  it("keeps a given slug, refuses one stored or given twice, and numbers the ones made from names past the stored and each other", async () => {
    const stored = new Set(["andrei-rudenko", "kcna"]);
    const asked: string[][] = [];
    const slugs = await newSlugs(
      [
        { name: "Andrei Rudenko" },
        { slug: "kcna", name: "KCNA" },
        { name: "Andrei Rudenko" },
        { slug: "pentagon", name: "The Pentagon" },
        { slug: "pentagon", name: "Pentagon" },
      ],
      async (candidates) => (asked.push(candidates), new Set(candidates.filter((c) => stored.has(c)))),
      "A speaker",
    );
    expect(slugs.map((s) => (s instanceof AppError ? s.message : s))).toEqual([
      "andrei-rudenko-2",
      'A speaker with the slug "kcna" already exists.',
      "andrei-rudenko-3",
      "pentagon",
      'A speaker with the slug "pentagon" already exists.',
    ]);
    // One lookup for the given slugs, then one per round of candidates, not one per slug.
    expect(asked).toEqual([
      ["kcna", "pentagon", "pentagon"],
      ["andrei-rudenko", "andrei-rudenko"],
      ["andrei-rudenko-2", "andrei-rudenko-2"],
      ["andrei-rudenko-3"],
    ]);
  });
});
