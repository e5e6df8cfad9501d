import { describe, expect, it } from "vitest";
import { claimTimeline, firstSupporter } from "./timeline";

const source = (id: string, date: string | null) => ({
  id,
  title: `Title ${id}`,
  publishedAt: date ? new Date(date) : null,
  datePrecision: date ? "MONTH" : null,
  outlet: { name: `Outlet ${id}` },
});
const pentagon = { slug: "pentagon", name: "The Pentagon" };

describe("claimTimeline", () => {
  const stances = [
    { position: "DISPUTES" as const, speaker: null, source: source("blog", "2024-12-01") },
    { position: "SUPPORTS" as const, speaker: pentagon, source: source("blog", "2024-12-01") },
    { position: "QUALIFIES" as const, speaker: null, source: source("platform", "2024-06-01") },
    { position: "SUPPORTS" as const, speaker: null, source: source("npr", "2024-11-01") },
    { position: "SUPPORTS" as const, speaker: null, source: source("undated", null) },
  ];

  it("gives one entry per source, oldest first and undated last, with its positions and voices", () => {
    const timeline = claimTimeline(stances);
    expect(timeline.map((e) => e.source.id)).toEqual(["platform", "npr", "blog", "undated"]);
    expect(timeline[2]).toMatchObject({ positions: ["DISPUTES", "SUPPORTS"], voices: [null, pentagon] });
  });

  it("names the earliest dated supporting source as the first to say it", () => {
    expect(firstSupporter(claimTimeline(stances))?.source.id).toBe("npr");
    expect(firstSupporter(claimTimeline(stances.filter((s) => s.position !== "SUPPORTS")))).toBeNull();
  });
});
