// How alike two claims' wordings are, lexically (docs/decisions/0022-duplicate-claims.md). The
// search index picks the candidates (bm25, lib/duplicates/find-duplicates.ts); this scores each
// pair from 0 to 1 from the overlap of their character trigrams, of their content words and of
// those words' order, lowered when the two disagree on what a news claim turns on (a figure, a "not",
// a name, a direction such as rose/fell). Pure.

import { STOP_WORDS } from "../search/stop-words";

/** What the score reads of one wording; compute it once per claim. */
export type ClaimFeatures = {
  trigrams: Set<string>;
  stems: Set<string>;
  /** Content words two by two, in order: who did what to whom. */
  bigrams: Set<string>;
  numbers: Set<string>;
  names: Set<string>;
  negated: boolean;
  directions: Set<string>;
};

/**
 * Other names of the same thing, folded to one spelling before anything is compared. The
 * upper-case abbreviations are read before the text is lower case, so "Kim Jong Un" stays a name.
 */
const UPPER_CASE_ALIASES: [RegExp, string][] = [
  [/\bDPRK\b/g, "North Korea"],
  [/\bROK\b/g, "South Korea"],
  [/\bU\.S\.(?:A\.)?|\bUSA?\b/g, "United States"],
  [/\bUN\b/g, "United Nations"],
  [/\bEU\b/g, "European Union"],
];
const ALIASES: [RegExp, string][] = [
  [/\bpyongyang\b/g, "north korea"],
  [/\bseoul\b/g, "south korea"],
  [/\bkremlin\b/g, "russia"],
  [/\bmoscow\b/g, "russia"],
  [/\bkyiv\b/g, "ukraine"],
  [/\bbeijing\b/g, "china"],
  [/\bwashington\b/g, "united states"],
  [/\bsoldiers\b/g, "troops"],
  [/\bsoldier\b/g, "troop"],
  [/%/g, " percent"],
];

const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  twenty: "20",
  hundred: "100",
};

const NEGATIONS = new Set(["not", "no", "never", "nor", "neither", "without"]);
/** Verbs that say something did not happen ("failed to agree", "refused to resign"), in any form. */
const NEGATING = /^(fail|refus|reject|deni|deny)/;
const negates = (word: string) => NEGATIONS.has(word) || NEGATING.test(word);

/** Words that say which way something went; two claims on opposite ends of a pair disagree. */
const OPPOSITES: [string, string][] = [
  ["rose", "fell"],
  ["rise", "fall"],
  ["raised", "cut"],
  ["increased", "decreased"],
  ["grew", "shrank"],
  ["won", "lost"],
  ["captured", "lost"],
  ["signed", "vetoed"],
  ["approved", "rejected"],
  ["upheld", "overturned"],
  ["confirmed", "denied"],
  ["withdrew", "captured"],
  ["withdrew", "rejoined"],
  ["hired", "laid"],
  ["released", "arrested"],
  ["above", "below"],
  ["toward", "away"],
  ["first", "last"],
];
const DIRECTION = new Map<string, string>(OPPOSITES.flatMap(([a, b], i) => [[a, `${i}a`] as [string, string], [b, `${i}b`] as [string, string]]));

/** Lower case, accents and apostrophes' "s" taken off, aliases folded, figures written one way ("10,000" → "10000"). */
export function normalizeClaim(text: string): string {
  let folded = text;
  for (const [pattern, to] of UPPER_CASE_ALIASES) folded = folded.replace(pattern, to);
  folded = folded
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019']s\b/g, "")
    .replace(/(\d),(\d{3})/g, "$1$2")
    .replace(/(\d),(\d{3})/g, "$1$2");
  for (const [pattern, to] of ALIASES) folded = folded.replace(pattern, to);
  return folded;
}

/** A people's adjective is its country's name: "North Korean troops" are North Korea's. */
const DEMONYMS: Record<string, string> = {
  korean: "korea",
  russian: "russia",
  ukrainian: "ukraine",
  chinese: "china",
  american: "america",
  iranian: "iran",
  israeli: "israel",
  syrian: "syria",
  european: "europe",
  japanese: "japan",
  german: "germany",
  turkish: "turkey",
  sudanese: "sudan",
  vietnamese: "vietnam",
};

/** A crude English stem: enough that "deploys", "deployed" and "deploying" meet. */
export function stem(word: string): string {
  const country = DEMONYMS[word];
  if (country) return country;
  if (/^\d/.test(word) || word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  for (const suffix of ["ing", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !(suffix === "s" && word.endsWith("ss"))) return word.slice(0, -suffix.length);
  }
  return word;
}

const WORDS = /[\p{L}\p{N}$]+(?:\.\d+)?/gu;

export function claimFeatures(text: string): ClaimFeatures {
  const normalized = normalizeClaim(text);
  const words = (normalized.match(WORDS) ?? []).map((w) => NUMBER_WORDS[w] ?? w);
  const content = words.filter((w) => !STOP_WORDS.has(w) && !negates(w));
  const compact = ` ${content.join(" ")} `;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= compact.length; i++) trigrams.add(compact.slice(i, i + 3));
  // Names: capitalised words past the first in the wording as written ("Some" and "About" starting
  // a sentence are not names), aliases folded.
  const names = new Set<string>();
  for (const match of text.matchAll(/(?<=[^\p{L}\p{M}]\s*)\p{Lu}[\p{L}\p{M}-]+/gu)) {
    const name = normalizeClaim(match[0]);
    if (!STOP_WORDS.has(name)) for (const part of name.split(/\s+/)) names.add(stem(part));
  }
  return {
    trigrams,
    stems: new Set(content.map(stem)),
    bigrams: new Set(content.slice(1).map((w, i) => `${stem(content[i]!)} ${stem(w)}`)),
    numbers: new Set(words.filter((w) => /^\d/.test(w))),
    names,
    negated: words.some(negates),
    directions: new Set(words.map((w) => DIRECTION.get(w)).filter((d) => d !== undefined)),
  };
}

/** Twice the shared share of two sets (Dice's coefficient): 1 for the same set, 0 for none shared. */
function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Each side has something (of `a` and `b`) that the other's words (`inA`, `inB`) lack: "10,000" against "12,000", "Apple" against "Google". */
function eachLacks(a: ReadonlySet<string>, b: ReadonlySet<string>, inA: ReadonlySet<string> = a, inB: ReadonlySet<string> = b): boolean {
  const lacks = (x: ReadonlySet<string>, y: ReadonlySet<string>) => [...x].some((item) => !y.has(item));
  return lacks(a, inB) && lacks(b, inA);
}

/** Opposite ends of one pair of directions ("rose" against "fell"). */
function opposed(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return [...a].some((d) => b.has(d.slice(0, -1) + (d.endsWith("a") ? "b" : "a")));
}

/** Chosen on the labelled set (bench/duplicates/): order weighed in catches "A did it to B" against "B did it to A". */
const WEIGHTS = { trigram: 0.4, words: 0.4, order: 0.2 };

export type Similarity = {
  score: number;
  trigram: number;
  words: number;
  conflicts: string[];
  /** What the disagreements leave of a score (1 when there are none): the embeddings' cosine is lowered by it too. */
  factor: number;
};

/** How alike two wordings are, from 0 to 1, and what lowered it. */
export function claimSimilarity(a: ClaimFeatures, b: ClaimFeatures): Similarity {
  const trigram = dice(a.trigrams, b.trigrams);
  const words = dice(a.stems, b.stems);
  const order = dice(a.bigrams, b.bigrams);
  // Each disagreement and what it leaves of the score.
  const found = (
    [
      ["figures", eachLacks(a.numbers, b.numbers), 0.5],
      ["negation", a.negated !== b.negated, 0.6],
      ["names", eachLacks(a.names, b.names, a.stems, b.stems), 0.75],
      ["direction", opposed(a.directions, b.directions), 0.6],
    ] as const
  ).filter(([, present]) => present);
  const conflicts = found.map(([name]) => name);
  const factor = found.reduce((left, [, , keeps]) => left * keeps, 1);
  return {
    score: round((WEIGHTS.trigram * trigram + WEIGHTS.words * words + WEIGHTS.order * order) * factor),
    trigram: round(trigram),
    words: round(words),
    conflicts,
    factor,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The two wordings' similarity, features computed here (for one-off comparisons and the evaluation). */
export const similarityOf = (a: string, b: string): Similarity => claimSimilarity(claimFeatures(a), claimFeatures(b));
