import { WORD, type SearchQuery } from "./query";

// Snippets are cut here, from the stored text, for both databases alike: the engines decide
// which rows match and how well; this decides which words of a row to show, at what offsets.
// The offsets are the text's own (UTF-16, as stances'), so a result links to the very words.

export type Snippet = {
  /** The words shown: a verbatim slice of the text. */
  text: string;
  /** Where the slice starts in the whole text. */
  offset: number;
  /** The matching words inside the slice, as [from, to) within it. */
  highlights: [number, number][];
  /** The first match, as offsets in the whole text (the whole text's start and end when nothing matched). */
  start: number;
  end: number;
};

type Token = { start: number; end: number; word: string };

/** Lower case and without accents, as FTS5's tokenizer compares words ("Pyŏngyang" finds "pyongyang"). */
const fold = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function* tokens(text: string): Generator<Token> {
  for (const match of text.matchAll(WORD)) yield { start: match.index, end: match.index + match[0].length, word: fold(match[0]) };
}

/** How long a snippet is, in characters, when the text is longer. */
const SNIPPET_LENGTH = 240;
/** Matches looked at before the best window so far is taken: a long text need not be read to its end. */
const MATCH_BUDGET = 200;

/**
 * The part of `text` to show for a query: the window of about 240 characters holding the most
 * of the query's parts (the earliest such), with every match in it marked. A short text is shown whole.
 */
export function snippetOf(text: string, query: SearchQuery, length = SNIPPET_LENGTH): Snippet {
  const parts = query.parts.map((part) => ({ ...part, words: part.words.map(fold) }));
  const matches: { start: number; end: number; part: number }[] = [];
  // The last few tokens, enough for the longest phrase to be checked as each token arrives.
  const longest = Math.max(...parts.map((part) => part.words.length));
  const recent: Token[] = [];
  for (const token of tokens(text)) {
    recent.push(token);
    if (recent.length > longest) recent.shift();
    parts.forEach((part, p) => {
      const n = part.words.length;
      if (recent.length < n) return;
      const run = recent.slice(recent.length - n);
      const ok = run.every((t, i) => (part.prefix && i === n - 1 ? t.word.startsWith(part.words[i]!) : t.word === part.words[i]));
      if (ok) matches.push({ start: run[0]!.start, end: token.end, part: p });
    });
    if (matches.length >= MATCH_BUDGET) break;
  }
  if (matches.length === 0) {
    const cut = text.length <= length ? text.length : wordEnd(text, length);
    return { text: text.slice(0, cut), offset: 0, highlights: [], start: 0, end: text.length };
  }

  // The window starting a little before a match that holds the most distinct parts.
  let best = { from: 0, to: text.length, covered: -1, first: matches[0]! };
  for (const anchor of matches) {
    const from = text.length <= length ? 0 : wordStart(text, Math.max(0, anchor.start - Math.floor(length / 4)));
    const to = text.length <= length ? text.length : wordEnd(text, Math.min(text.length, from + length));
    const covered = new Set(matches.filter((m) => m.start >= from && m.end <= to).map((m) => m.part)).size;
    if (covered > best.covered) best = { from, to, covered, first: anchor };
    if (covered === parts.length || text.length <= length) break;
  }
  const highlights = matches.filter((m) => m.start >= best.from && m.end <= best.to).map((m): [number, number] => [m.start - best.from, m.end - best.from]);
  return { text: text.slice(best.from, best.to), offset: best.from, highlights: merge(highlights), start: best.first.start, end: best.first.end };
}

/** Overlapping marks (a word in two parts) as one. */
function merge(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** The start of the word at or after `at`, so a snippet does not open mid-word. */
function wordStart(text: string, at: number): number {
  if (at === 0) return 0;
  const space = text.slice(at, at + 40).search(/\s/);
  return space === -1 ? at : at + space + 1;
}

/** The end of the word at or before `at`. */
function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const space = text.slice(Math.max(0, at - 40), at).search(/\s\S*$/);
  return space === -1 ? at : Math.max(0, at - 40) + space;
}
