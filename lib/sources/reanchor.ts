import { anchorAt, occurrencesOf, type Anchor } from "./anchor-quote";
import type { PositionMap } from "./text-diff";

// Where a stance's passage is in a new text of its source (decision 0025), the way annotation
// tools re-anchor: the same words first, then the passage that best matches the quote, its
// context either side and where the comparison of the two texts says it went. Framework-free.

/** A stance's place in the text it was taken from. */
export type PlacedQuote = { quote: string; start: number; end: number; prefix: string; suffix: string };

export type Placement =
  | ({ kind: "exact" } & Anchor)
  /** The passage is there with its wording changed: `quote` is its new words. */
  | ({ kind: "changed"; quote: string; score: number } & Anchor)
  /** The words are gone. */
  | { kind: "orphan" };

/** How alike a changed passage must be to the quote (0–1, by characters) to be taken for it. */
export const QUOTE_LIKENESS = 0.6;
/** The weights of the match: the quote's likeness, its context's either side, and nearness to where it was expected. */
const WEIGHTS = { quote: 0.6, prefix: 0.15, suffix: 0.15, place: 0.1 };

/**
 * The stance's place in `text`. `map` carries offsets of the text it was taken from to this one
 * (null when the two were not compared: an orphan from an older text, or texts too unlike);
 * `oldLength` is that text's length, for where the passage is expected without a map.
 */
export function reanchor(text: string, placed: PlacedQuote, map: PositionMap | null, oldLength: number): Placement {
  const expected = map ? map(placed.start, "start") : Math.round((placed.start / Math.max(1, oldLength)) * text.length);
  const exact = occurrencesOf(text, placed.quote);
  if (exact.length > 0) {
    // Of several, the one whose context and place fit best.
    const best = maxBy(exact, (at) => contextFit(text, placed, at, at + placed.quote.length, expected, text.length));
    return { kind: "exact", ...anchorAt(text, best, best + placed.quote.length) };
  }
  const candidates: { start: number; end: number }[] = [];
  if (map) candidates.push({ start: map(placed.start, "start"), end: map(placed.end, "end") });
  candidates.push(...betweenContext(text, placed));
  let best: { start: number; end: number; likeness: number; score: number } | null = null;
  for (const raw of candidates) {
    const span = trimmed(text, raw.start, raw.end);
    if (span.end <= span.start) continue;
    const likeness = similarity(placed.quote, text.slice(span.start, span.end));
    if (likeness < QUOTE_LIKENESS) continue;
    const score = WEIGHTS.quote * likeness + contextFit(text, placed, span.start, span.end, expected, text.length);
    if (!best || score > best.score) best = { ...span, likeness, score };
  }
  if (!best) return { kind: "orphan" };
  const anchor = anchorAt(text, best.start, best.end);
  return { kind: "changed", quote: text.slice(best.start, best.end), score: Math.round(best.score * 1000) / 1000, ...anchor };
}

/** The part of the score that is not the quote's own likeness: the context either side, and the place. */
function contextFit(text: string, placed: PlacedQuote, start: number, end: number, expected: number, length: number): number {
  const prefix = similarity(placed.prefix, text.slice(Math.max(0, start - placed.prefix.length), start));
  const suffix = similarity(placed.suffix, text.slice(end, end + placed.suffix.length));
  const place = 1 - Math.min(1, Math.abs(start - expected) / Math.max(200, length / 10));
  return WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.place * place;
}

/**
 * Passages framed by the quote's context: each place the end of its prefix occurs, up to the next
 * place the start of its suffix does, when that is about the quote's length away.
 */
function betweenContext(text: string, placed: PlacedQuote): { start: number; end: number }[] {
  const before = placed.prefix.slice(-16);
  const after = placed.suffix.slice(0, 16);
  if (before.trim() === "" || after.trim() === "") return [];
  const longest = placed.quote.length * 2 + 40;
  const spans: { start: number; end: number }[] = [];
  for (const at of occurrencesOf(text, before).slice(0, 50)) {
    const start = at + before.length;
    const end = text.indexOf(after, start);
    if (end !== -1 && end - start <= longest) spans.push({ start, end });
  }
  return spans;
}

/** The span without blank space at either end. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function maxBy<T>(items: readonly T[], score: (item: T) => number): T {
  let best = items[0] as T;
  let bestScore = score(best);
  for (const item of items.slice(1)) {
    const s = score(item);
    if (s > bestScore) [best, bestScore] = [item, s];
  }
  return best;
}

/** 1 − the edit distance over the longer length: 1 for the same characters, 0 for nothing alike. Two empty strings are alike. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}
