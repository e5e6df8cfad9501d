import { describe, expect, it } from "vitest";
import { buildCells, cellKey, cellSymbol, diagnosticity } from "./matrix";

describe("evidence matrix", () => {
  // Deployed vs fabricated, as in the seed: Sputnik supports one and disputes the other;
  // the blog carries both sides of "deployed" and supports "fabricated".
  const cells = buildCells([
    { claimId: "deployed", sourceId: "sputnik", position: "SUPPORTS", credibility: null },
    { claimId: "fabricated", sourceId: "sputnik", position: "DISPUTES", credibility: 3 },
    { claimId: "deployed", sourceId: "blog", position: "SUPPORTS", credibility: 4 },
    { claimId: "deployed", sourceId: "blog", position: "DISPUTES", credibility: 2 },
    { claimId: "fabricated", sourceId: "blog", position: "SUPPORTS", credibility: null },
    { claimId: "deployed", sourceId: "npr", position: "SUPPORTS", credibility: null },
    { claimId: "treaty", sourceId: "platform", position: "QUALIFIES", credibility: null },
  ]);
  const competing: [string, string][] = [["fabricated", "deployed"]];

  it("marks each cell with a symbol and the best credibility", () => {
    expect(cellSymbol(cells.get(cellKey("deployed", "blog"))!)).toBe("±");
    expect(cells.get(cellKey("deployed", "blog"))!.credibility).toBe(2);
    expect(cellSymbol(cells.get(cellKey("fabricated", "sputnik"))!)).toBe("−");
    expect(cellSymbol(cells.get(cellKey("treaty", "platform"))!)).toBe("~");
  });
  it("scores the source that supports one competing claim and disputes the other highest", () => {
    const scores = Object.fromEntries(["sputnik", "blog", "npr", "platform"].map((s) => [s, diagnosticity(cells, s, competing)]));
    expect(scores).toEqual({ sputnik: 2, blog: 1, npr: 1, platform: 0 });
  });
});
