import type { Position } from "../analysis/conflict";

type TimelineStance = {
  position: Position;
  speaker: { slug: string; name: string } | null;
  source: { id: string; title: string; publishedAt: Date | null; datePrecision: string | null; outlet: { name: string } };
};

export type TimelineEntry<S extends TimelineStance> = {
  source: S["source"];
  positions: Position[];
  /** Who speaks in this source on the claim; null stands for the source's own voice. */
  voices: (S["speaker"] | null)[];
};

/**
 * Who said what when: one entry per source, oldest first (undated last), with the
 * positions it takes and the voices it gives them in.
 */
export function claimTimeline<S extends TimelineStance>(stances: readonly S[]): TimelineEntry<S>[] {
  const entries = new Map<string, TimelineEntry<S>>();
  for (const stance of stances) {
    const entry: TimelineEntry<S> = entries.get(stance.source.id) ?? { source: stance.source, positions: [], voices: [] };
    if (!entry.positions.includes(stance.position)) entry.positions.push(stance.position);
    if (!entry.voices.some((v) => v?.slug === stance.speaker?.slug)) entry.voices.push(stance.speaker);
    entries.set(stance.source.id, entry);
  }
  const time = (e: TimelineEntry<S>) => e.source.publishedAt?.getTime() ?? Infinity;
  return [...entries.values()].sort((a, b) => time(a) - time(b) || a.source.title.localeCompare(b.source.title));
}

/** The earliest source that supports the claim: who first said it, as far as the corpus knows. */
export function firstSupporter<S extends TimelineStance>(timeline: readonly TimelineEntry<S>[]) {
  return timeline.find((entry) => entry.positions.includes("SUPPORTS") && entry.source.publishedAt) ?? null;
}
