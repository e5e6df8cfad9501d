/** A highlighted range of a source's text; excerpts may overlap or nest. */
export type Mark = { id: string; start: number; end: number };

export type Segment<M extends Mark> = {
  start: number;
  end: number;
  text: string;
  /** Marks that cover this segment. */
  covering: M[];
  /** Marks that begin at this segment's start (anchor targets go here). */
  opening: M[];
  /** Marks that end at this segment's end (their reference links go here). */
  closing: M[];
};

/**
 * Cuts a text at every mark boundary so overlapping excerpts can each be shown:
 * every segment knows which marks cover it, open at it and close after it.
 * Marks outside the text or empty are ignored.
 */
export function highlightSegments<M extends Mark>(text: string, marks: readonly M[]): Segment<M>[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const segments: Segment<M>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      covering: valid.filter((m) => m.start <= start && m.end >= end),
      opening: valid.filter((m) => m.start === start),
      closing: valid.filter((m) => m.end === end),
    });
  }
  return segments;
}
