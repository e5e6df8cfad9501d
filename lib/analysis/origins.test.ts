import { describe, expect, it } from "vitest";
import { groupByOrigin, originOf } from "./origins";

const npr = { id: "o-npr", name: "NPR" };
const site = { id: "o-site", name: "News website" };
const platform = { id: "o-platform", name: "The Platform" };
const putin = { id: "a-putin", name: "Vladimir Putin", unnamed: false };
const analysts = { id: "a-unnamed", name: "Unnamed analysts or experts", unnamed: true };

describe("origins", () => {
  it("makes publishers repeating one named speaker one origin", () => {
    const groups = groupByOrigin([
      { outlet: platform, speaker: putin },
      { outlet: site, speaker: putin },
    ]);
    expect(groups.map((g) => [g.label, g.publishers])).toEqual([["Vladimir Putin", ["The Platform", "News website"]]]);
  });
  it("never makes unnamed experts in different outlets one origin", () => {
    const groups = groupByOrigin([
      { outlet: site, speaker: analysts },
      { outlet: platform, speaker: analysts },
    ]);
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => g.kind)).toEqual(["publisher", "publisher"]);
  });
  it("counts a publisher's own voice and its unnamed sources as the publisher's origin", () => {
    expect(originOf({ outlet: npr, speaker: null }).key).toBe(originOf({ outlet: npr, speaker: analysts }).key);
    expect(originOf({ outlet: npr, speaker: putin }).key).not.toBe(originOf({ outlet: npr, speaker: null }).key);
  });
});
