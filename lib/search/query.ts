import { AppError } from "../errors";

// What a search box accepts, read once here and written out for each database's full-text
// engine (docs/decisions/0015-full-text-search.md): words, "quoted phrases" and word* prefixes,
// all of which must match. Punctuation inside and between words only separates them, as the
// engines' tokenizers do ("Kursk's", "10,000", "mutual-defence"). What would be an operator in
// one engine and a word in the other (AND, NEAR, parentheses, column filters) is refused with a
// message, so that one query means the same on SQLite and on PostgreSQL.

/** One part of a query: its words, in order, whether the last one is a prefix, and the text they came from. */
export type QueryPart = { words: string[]; prefix: boolean; raw: string };
export type SearchQuery = { parts: QueryPart[] };

export const MAX_QUERY_LENGTH = 300;
const MAX_PARTS = 12;

const OPERATOR_WORDS = new Set(["AND", "OR", "NOT", "NEAR"]);
const OPERATOR_CHARACTERS = /[()[\]{}^:+~|&!<>=\\]/;
/** A word as both engines' tokenizers see it: letters, digits and marks, nothing else (lib/search/snippet.ts finds them so too). */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const invalid = (message: string) => new AppError("INVALID", message, "q");

/** The words of some text, as the search index sees them: lower case, accents kept (the engines fold them). */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase());
}

/**
 * Reads a query, or says what is wrong with it: an unbalanced quotation mark, an operator,
 * a `*` that does not end a word, no words at all, or too long a query.
 */
export function parseQuery(input: string): SearchQuery {
  const text = input.replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').trim();
  if (text.length > MAX_QUERY_LENGTH) throw invalid(`A search can be at most ${MAX_QUERY_LENGTH} characters; this one has ${text.length}.`);
  if ((text.match(/"/g) ?? []).length % 2 === 1) throw invalid('A quotation mark is not closed: put a phrase between two " marks.');
  const operator = text.match(OPERATOR_CHARACTERS);
  if (operator) throw invalid(`Search takes words, "quoted phrases" and word* prefixes; "${operator[0]}" is not understood here. Leave it out.`);

  const parts: QueryPart[] = [];
  // Quoted phrases and the text between them, in turn.
  text.split('"').forEach((piece, i) => {
    const phrase = i % 2 === 1;
    if (phrase) {
      if (piece.includes("*")) throw invalid('A * cannot be used inside a "quoted phrase".');
      const words = wordsOf(piece);
      if (words.length > 0) parts.push({ words, prefix: false, raw: piece });
      return;
    }
    for (const token of piece.split(/\s+/).filter(Boolean)) {
      if (OPERATOR_WORDS.has(token))
        throw invalid(`"${token}" is read as a word, not an operator: every word must match already. Leave it out, or write it in lower case.`);
      const star = token.indexOf("*");
      if (star !== -1 && (star !== token.length - 1 || !/[\p{L}\p{N}\p{M}]$/u.test(token.slice(0, -1))))
        throw invalid(`A * can only end a word, as in "deploy*": "${token}".`);
      const words = wordsOf(token);
      if (words.length === 0) continue;
      // "mutual-defence" is two words in a row, as the index has them: a phrase.
      parts.push({ words, prefix: star !== -1, raw: token.replace("*", "") });
    }
  });
  if (parts.length === 0) throw invalid("Search for at least one word.");
  if (parts.length > MAX_PARTS) throw invalid(`A search can have at most ${MAX_PARTS} words or phrases; this one has ${parts.length}.`);
  return { parts };
}

/** Whether every part must match (a search), or any one (suggestions while typing, ranked by how many match). */
export type Combine = "all" | "any";

/**
 * A query typed into a suggestion box, read leniently: half-typed quotes and operators are
 * dropped rather than refused, words in `ignore` too (but the last, which may be the start of
 * another), repeats once, and the last word is a prefix unless a space or mark follows it.
 * Null when no word is left.
 */
export function parseTyping(input: string, ignore: ReadonlySet<string> = new Set()): SearchQuery | null {
  const all = wordsOf(input.slice(0, MAX_QUERY_LENGTH));
  const words = [...new Set(all.filter((word, i) => !ignore.has(word) || i === all.length - 1))].slice(0, MAX_PARTS);
  if (words.length === 0) return null;
  const finished = /[^\p{L}\p{N}\p{M}]$/u.test(input);
  return {
    parts: words.map((word, i) => ({ words: [word], prefix: !finished && i === words.length - 1 && word === all.at(-1), raw: word })),
  };
}

/** FTS5's query language: each part a quoted string (the tokenizer splits it as it split the text), joined by AND or OR. */
export function fts5Query(query: SearchQuery, combine: Combine = "all"): string {
  return query.parts.map((part) => `"${part.words.join(" ")}"${part.prefix ? "*" : ""}`).join(combine === "all" ? " AND " : " OR ");
}

/**
 * PostgreSQL's tsquery, as an SQL expression over numbered parameters from `first` on: each part
 * parsed by PostgreSQL's own parser as a phrase (it splits "mutual-defence" as it split the
 * text), a prefix's last word quoted and marked :*, the parts joined by && (or ||).
 */
export function tsQuery(query: SearchQuery, first: number, combine: Combine = "all"): { sql: string; params: string[] } {
  const params: string[] = [];
  const param = (value: string) => `$${first + params.push(value) - 1}`;
  const parts = query.parts.map((part) => {
    if (!part.prefix) return `phraseto_tsquery('simple', ${param(part.raw)})`;
    const last = part.words.at(-1)!;
    const prefix = `to_tsquery('simple', ${param(`'${last.replaceAll("'", "''")}':*`)})`;
    return part.words.length === 1 ? prefix : `tsquery_phrase(phraseto_tsquery('simple', ${param(part.words.slice(0, -1).join(" "))}), ${prefix})`;
  });
  return { sql: `(${parts.join(combine === "all" ? " && " : " || ")})`, params };
}
