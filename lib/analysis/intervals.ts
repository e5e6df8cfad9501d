// Quantity claims ("some 10,000 troops", "signed on June 18, 2024"): each source's words
// become an interval, and the intervals are compared on one axis. Pure. The rules below
// are printed on /about/statuses from INTERVAL_RULES, so what the page says is what runs.

/** A closed interval; a null bound is open ("over 10,000" has no upper bound). Dates are epoch milliseconds (UTC). */
export type Interval = { low: number | null; high: number | null };
import type { QuantityKind } from "../../generated/sqlite/enums";

export type { QuantityKind };
export type ParsedInterval = Interval & { words: string; rule: string };

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion))?`;
const SCALE: Record<string, number> = { hundred: 100, hundreds: 100, thousand: 1_000, thousands: 1_000, million: 1_000_000, millions: 1_000_000 };

const value = (digits: string, scale: string | undefined) => Number(digits.replaceAll(",", "")) * (scale ? SCALE[scale.toLowerCase()]! : 1);
const rounded = (n: number) => Math.round(n);

type Rule = { name: string; example: string; reads: string; pattern: RegExp; interval: (m: RegExpExecArray) => Interval | null };

/**
 * The number rules. Where several match, the one starting first in the words wins ("over
 * 10,000" is a lower bound, not the bare figure inside it); at the same start, the longer.
 */
export const INTERVAL_RULES: readonly Rule[] = [
  {
    name: "range",
    example: "between 10,000 and 12,000; 10,000 to 12,000",
    reads: "from the first figure to the second",
    pattern: new RegExp(String.raw`\b(?:between\s+${NUMBER}\s+and|from\s+${NUMBER}\s+to|${NUMBER}\s*(?:to|–|-)\s*)\s*${NUMBER}`, "gi"),
    interval: (m) => {
      const [lowDigits, lowScale] = m[1] ? [m[1], m[2]] : m[3] ? [m[3], m[4]] : [m[5], m[6]];
      const high = value(m[7]!, m[8]);
      const low = value(lowDigits!, lowScale ?? m[8]);
      return low <= high ? { low, high } : null;
    },
  },
  {
    name: "about",
    example: "some 10,000; about, around, roughly, approximately, an estimated 10,000",
    reads: "the figure give or take 10%",
    pattern: new RegExp(String.raw`\b(?:some|about|around|roughly|approximately|an estimated|estimated)\s+${NUMBER}`, "gi"),
    interval: (m) => {
      const n = value(m[1]!, m[2]);
      return { low: rounded(n * 0.9), high: rounded(n * 1.1) };
    },
  },
  {
    name: "nearly",
    example: "nearly 10,000; almost, close to 10,000",
    reads: "up to 10% below the figure, and not above it",
    pattern: new RegExp(String.raw`\b(?:nearly|almost|close to)\s+${NUMBER}`, "gi"),
    interval: (m) => {
      const n = value(m[1]!, m[2]);
      return { low: rounded(n * 0.9), high: n };
    },
  },
  {
    name: "at least",
    example: "over 10,000; more than, above, at least, in excess of 10,000",
    reads: "the figure or more, with no upper bound",
    pattern: new RegExp(String.raw`\b(?:over|more than|above|at least|in excess of|upwards of)\s+${NUMBER}`, "gi"),
    interval: (m) => ({ low: value(m[1]!, m[2]), high: null }),
  },
  {
    name: "at most",
    example: "up to 12,000; as many as, at most, no more than, fewer than, under 12,000",
    reads: "from zero to the figure",
    pattern: new RegExp(String.raw`\b(?:up to|as many as|at most|no more than|fewer than|less than|under|below)\s+${NUMBER}`, "gi"),
    interval: (m) => ({ low: 0, high: value(m[1]!, m[2]) }),
  },
  {
    name: "several",
    example: "several thousand; a few thousand; tens of thousands; thousands",
    reads: "several = 3 to 9, a few = 2 to 5, tens of = 20 to 99, plain plural = 2 to 999 of the unit",
    pattern: /\b(several|a few|tens of|)\s*(hundreds?|thousands?|millions?)\b/gi,
    interval: (m) => {
      const quantifier = m[1]!.toLowerCase();
      const plural = m[2]!.toLowerCase().endsWith("s");
      const unit = SCALE[m[2]!.toLowerCase()]!;
      if (quantifier === "several" && !plural) return { low: 3 * unit, high: 9 * unit };
      if (quantifier === "a few" && !plural) return { low: 2 * unit, high: 5 * unit };
      if (quantifier === "tens of" && plural) return { low: 20 * unit, high: 99 * unit };
      if (quantifier === "" && plural) return { low: 2 * unit, high: 999 * unit };
      return null;
    },
  },
  {
    name: "figure",
    example: "the reported 10,000 soldiers",
    reads: "exactly the figure (a four-digit number from 1900 to 2099 without a comma is read as a year and skipped)",
    pattern: new RegExp(String.raw`(?<![\d,.])${NUMBER}`, "gi"),
    interval: (m) => {
      if (/^(19|20)\d\d$/.test(m[1]!) && !m[2]) return null;
      const n = value(m[1]!, m[2]);
      return { low: n, high: n };
    },
  },
];

/**
 * The interval given by the match that starts first in the words; at the same start, the
 * longer match, then the earlier rule. Null when no rule reads an interval there.
 */
function firstMatch(rules: readonly Rule[], words: string): ParsedInterval | null {
  let best: { index: number; length: number; parsed: ParsedInterval } | null = null;
  for (const rule of rules) {
    for (const m of words.matchAll(rule.pattern)) {
      const interval = rule.interval(m as RegExpExecArray);
      if (!interval) continue;
      const index = m.index ?? 0;
      const better = !best || index < best.index || (index === best.index && m[0].length > best.length);
      if (better) best = { index, length: m[0].length, parsed: { ...interval, words: m[0].trim(), rule: rule.name } };
    }
  }
  return best?.parsed ?? null;
}

/** The interval the words give for a number; null when they give none. */
export const parseNumberInterval = (words: string) => firstMatch(INTERVAL_RULES, words);

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december)`;

const day = (y: number, m: number, d: number) => ({ low: Date.UTC(y, m, d), high: Date.UTC(y, m, d + 1) - 1 });
const monthIndex = (name: string) => MONTHS.indexOf(name.toLowerCase());

export const DATE_RULES: readonly Rule[] = [
  {
    name: "day",
    example: "June 18, 2024; 18 June 2024; 2024-06-18",
    reads: "that day",
    pattern: new RegExp(String.raw`\b(?:${MONTH}\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+${MONTH},?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b`, "gi"),
    interval: (m) => {
      const [y, mo, d] = m[1]
        ? [Number(m[3]), monthIndex(m[1]), Number(m[2])]
        : m[5]
          ? [Number(m[6]), monthIndex(m[5]), Number(m[4])]
          : [Number(m[7]), Number(m[8]) - 1, Number(m[9])];
      const date = new Date(Date.UTC(y, mo, d));
      return date.getUTCMonth() === mo && date.getUTCDate() === d ? day(y, mo, d) : null;
    },
  },
  {
    name: "month",
    example: "June 2024",
    reads: "the whole month",
    pattern: new RegExp(String.raw`\b${MONTH},?\s+(\d{4})\b`, "gi"),
    interval: (m) => {
      const y = Number(m[2]);
      const mo = monthIndex(m[1]!);
      return { low: Date.UTC(y, mo, 1), high: Date.UTC(y, mo + 1, 1) - 1 };
    },
  },
  {
    name: "year",
    example: "in 2024",
    reads: "the whole year (a month or day without a year is not placed)",
    pattern: /\b(19\d\d|20\d\d)\b/g,
    interval: (m) => ({ low: Date.UTC(Number(m[1]), 0, 1), high: Date.UTC(Number(m[1]) + 1, 0, 1) - 1 }),
  },
];

/** The interval the words give for a date (the longest match is the most precise); null when they give none. */
export const parseDateInterval = (words: string) => firstMatch(DATE_RULES, words);

export const parseInterval = (kind: QuantityKind, words: string) => (kind === "DATE" ? parseDateInterval(words) : parseNumberInterval(words));

const lowOf = (i: Interval) => i.low ?? -Infinity;
const highOf = (i: Interval) => i.high ?? Infinity;
const fromBounds = (low: number, high: number): Interval => ({ low: low === -Infinity ? null : low, high: high === Infinity ? null : high });

/** Where two intervals overlap; null when they cannot both be true. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const low = Math.max(lowOf(a), lowOf(b));
  const high = Math.min(highOf(a), highOf(b));
  return low <= high ? fromBounds(low, high) : null;
}

export type Comparison<K> = {
  /** Where every interval overlaps; null when no value fits them all. */
  common: Interval | null;
  /** The values the most intervals allow, and whose they are. */
  widest: { interval: Interval; keys: K[] } | null;
  /** Pairs whose intervals do not overlap: both cannot be true. */
  conflicts: [K, K][];
};

/** Compares the intervals: where they all overlap, where most do, and which pairs exclude each other. */
export function compareIntervals<K>(items: readonly { key: K; interval: Interval }[]): Comparison<K> {
  let common: Interval | null = items.length > 0 ? { low: null, high: null } : null;
  for (const item of items) common = common && intersect(common, item.interval);

  // The values most intervals allow include some interval's lower bound (or, when every low is open, the lowest high).
  let widest: Comparison<K>["widest"] = null;
  const candidates = items.map((i) => (i.interval.low !== null ? i.interval.low : highOf(i.interval)));
  for (const point of candidates) {
    const holding = items.filter((i) => lowOf(i.interval) <= point && point <= highOf(i.interval));
    if (holding.length <= (widest?.keys.length ?? 0)) continue;
    let region: Interval | null = { low: null, high: null };
    for (const i of holding) region = region && intersect(region, i.interval);
    if (region) widest = { interval: region, keys: holding.map((i) => i.key) };
  }

  const conflicts: [K, K][] = [];
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      if (!intersect(items[a]!.interval, items[b]!.interval)) conflicts.push([items[a]!.key, items[b]!.key]);
    }
  }
  return { common, widest, conflicts };
}

const NUMBER_FORMAT = new Intl.NumberFormat("en");
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** A bound as words: "10,000", "18 June 2024". */
export function formatBound(kind: QuantityKind, n: number): string {
  return kind === "DATE" ? DATE_FORMAT.format(new Date(n)) : NUMBER_FORMAT.format(n);
}

/** An interval as words: "9,000–11,000", "10,000 or more", "exactly 10,000". */
export function formatInterval(kind: QuantityKind, { low, high }: Interval): string {
  const f = (n: number) => formatBound(kind, n);
  const [before, after] = kind === "DATE" ? ["on or before", "on or after"] : ["at most", "or more"];
  if (low === null && high === null) return "any value";
  if (low === null) return `${before} ${f(high!)}`;
  if (high === null) return kind === "DATE" ? `${after} ${f(low)}` : `${f(low)} ${after}`;
  if (low === high) return kind === "DATE" ? f(low) : `exactly ${f(low)}`;
  if (kind === "DATE" && f(low) === f(high)) return f(low);
  return `${f(low)} – ${f(high)}`;
}
