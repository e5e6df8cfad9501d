import type { Db, Dialect, Tx } from "../database/create-client";
import { dialectOf } from "../database/create-client";
import { queryPerRow } from "../database/sqlite-driver";
import type BetterSqlite from "better-sqlite3";
import type { Position } from "../analysis/conflict";
import { AppError } from "../errors";
import { fts5Query, MAX_QUERY_LENGTH, parseQuery, parseTyping, tsQuery, wordsOf, type Combine, type SearchQuery } from "./query";
import { snippetOf, type Snippet } from "./snippet";

// Full-text search over the claims' wording, the sources' titles and texts and the stances'
// quotes (docs/decisions/0015-full-text-search.md). SQLite ranks with FTS5's bm25, PostgreSQL
// with ts_rank over GIN-indexed tsvectors; both indexes are kept by triggers inside every
// writing transaction. The engine picks and orders the rows; lib/search/snippet.ts cuts the
// words shown, the same way on both.

export const SEARCH_TYPES = ["claims", "sources", "quotes"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

type Base = {
  id: string;
  title: string;
  snippet: string;
  highlights: [number, number][];
  /** Whether the snippet leaves out words of the text before it, and after it. */
  clipped: { start: boolean; end: boolean };
  start: number;
  end: number;
  score: number;
};
export type SearchResult =
  | (Base & { type: "claim"; slug: string })
  | (Base & { type: "source"; sourceId: string })
  | (Base & { type: "quote"; sourceId: string; position: Position; claim: { slug: string; text: string } });

export type SearchPage = { results: SearchResult[]; total: number; nextCursor: string | null };

export type SearchRequest = { q: string; type?: SearchType; limit?: number; cursor?: string };

export const MAX_SEARCH_LIMIT = 50;
/** How deep paging goes: ranking every match again for page 500 buys nothing a better query would not. */
const MAX_OFFSET = 1_000;

/** A page of results: of one type, or, without a type, claims first, then sources, then quotes, each best first. */
export async function search(db: Db, request: SearchRequest): Promise<SearchPage> {
  const query = parseQuery(request.q);
  const limit = request.limit ?? 20;
  const offset = request.cursor ? offsetOf(request.cursor) : 0;
  const engine = engineFor(db, query);
  // Counting and ranking each read every match: on PostgreSQL they run side by side, on two connections.
  if (request.type) {
    const [total, ranked] = await Promise.all([engine.count(request.type), engine.ranked(request.type, offset, limit)]);
    const results = await described(db, request.type, ranked, query);
    return { results, total, nextCursor: nextCursor(offset + results.length, total, results.length) };
  }
  const counts = await Promise.all(SEARCH_TYPES.map((type) => engine.count(type)));
  // Each type's share of the window [offset, offset + limit) over the types in turn.
  let before = 0;
  const pages = SEARCH_TYPES.map((type, i) => {
    const from = Math.max(0, offset - before);
    const take = Math.max(0, Math.min(counts[i]! - from, offset + limit - Math.max(offset, before)));
    before += counts[i]!;
    return { type, from, take };
  });
  const results = (
    await Promise.all(pages.filter((p) => p.take > 0).map(async (p) => described(db, p.type, await engine.ranked(p.type, p.from, p.take), query)))
  ).flat();
  const total = before;
  return { results, total, nextCursor: nextCursor(offset + results.length, total, results.length) };
}

function nextCursor(next: number, total: number, returned: number): string | null {
  return next < total && next < MAX_OFFSET && returned > 0 ? cursorAt(next) : null;
}

const cursorAt = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

function offsetOf(cursor: string): number {
  const match = /^offset:(\d{1,6})$/.exec(Buffer.from(cursor, "base64url").toString());
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(offset) || offset > MAX_OFFSET)
    throw new AppError("INVALID", "The cursor is not one this search gave: start from the first page.", "cursor");
  return offset;
}

/**
 * The claims the claim list's filter keeps (every part of the query matches), at most `cap`,
 * best first: the list then shows them in its own order.
 */
export async function matchingClaimIds(db: Db, q: string, cap = 10_000): Promise<string[]> {
  return (await engineFor(db, parseQuery(q)).ranked("claims", 0, cap)).map((r) => r.id);
}

/** Claims for the tagging panel's suggestions while typing: those sharing the most of the words first. */
export async function suggestedClaimIds(db: Db, typed: string, limit: number, ignore?: ReadonlySet<string>): Promise<string[]> {
  const query = parseTyping(typed, ignore);
  if (!query) return [];
  return (await engineFor(db, query, "any").ranked("claims", 0, limit)).map((r) => r.id);
}

/** How many of a wording's words pick the duplicate matcher's candidates: its rarest. */
const RAREST_WORDS = 4;
/**
 * A word more claims than this have is not asked for (but for a wording's rarest, whatever its
 * count): it is not what makes two claims the same, and ranking every claim that has it is what costs.
 */
const COMMON_WORD_CLAIMS = 100;

/**
 * Claims sharing words with a claim's wording, bm25 (ts_rank) best first, for the duplicate matcher
 * (lib/duplicates/find-duplicates.ts): inside a write's transaction too, so that claims added in the
 * same write find each other. Only the wording's RAREST_WORDS rarest words (fewest claims have them,
 * as the index counts), and none in more than COMMON_WORD_CLAIMS claims but the rarest, are asked
 * for: ranking every claim that shares "Russia" costs a scan of most of a corpus about Russia for
 * each claim an import adds (7.4 ms a claim on the import benchmark's 5,000 claims with four words
 * of any count), and a claim saying the same thing shares the rare words too.
 */
export async function claimsSharingWords(
  on: WordsOn,
  text: string,
  limit: number,
  ignore: ReadonlySet<string>,
  /** Every word's count (claimVocabulary), for many wordings at once; else each wording's words are counted. */
  vocabulary?: ReadonlyMap<string, number>,
): Promise<Ranked[]> {
  const words = [...new Set(wordsOf(text.slice(0, MAX_QUERY_LENGTH)).map(foldAccents))].filter((w) => !ignore.has(w));
  if (words.length === 0) return [];
  const counts = vocabulary ?? (await claimWordCounts(on, words));
  const rarest = words
    .sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0) || b.length - a.length)
    .filter((word, i) => i === 0 || (counts.get(word) ?? 0) <= COMMON_WORD_CLAIMS)
    .slice(0, RAREST_WORDS);
  const query: SearchQuery = { parts: rarest.map((word) => ({ words: [word], prefix: false, raw: word })) };
  // Inside a write on SQLite, on the driver itself: an import asks once for each claim it adds.
  if (on.sqlite) return queryPerRow<Ranked>(on.sqlite, sqliteRankedSql("claims"), [[fts5Query(query, "any"), limit, 0]]);
  return (on.dialect === "postgresql" ? postgres : sqlite)(on.runner as Db, query, "any").ranked("claims", 0, limit);
}

/** Where the matcher's queries run: a client or a write's transaction, and inside a write on SQLite, its driver. */
export type WordsOn = { runner: Db | Tx; dialect: Dialect; sqlite?: BetterSqlite.Database | null };

const foldAccents = (word: string) => word.normalize("NFKD").replace(/\p{M}/gu, "");

/**
 * How many indexed (live) claims have each word, for every word: one pass over the index, cheaper
 * than a lookup per word once a write adds more than a few claims (FTS5 counts a word's claims by
 * reading all of them: 0.1 ms a word on the import benchmark's corpus).
 */
export async function claimVocabulary({ runner, dialect, sqlite }: WordsOn): Promise<Map<string, number>> {
  const all = `SELECT term, doc FROM "ClaimSearchTerms"`;
  const rows = sqlite
    ? queryPerRow<{ term: string; doc: number }>(sqlite, all, [[]])
    : dialect === "postgresql"
      ? await runner.$queryRawUnsafe<{ term: string; doc: bigint | number }[]>(
          `SELECT word AS term, ndoc AS doc FROM ts_stat('SELECT "vector" FROM "ClaimSearch"')`,
        )
      : await runner.$queryRawUnsafe<{ term: string; doc: bigint | number }[]>(all);
  return new Map(rows.map((r) => [r.term, Number(r.doc)]));
}

/** How many indexed (live) claims have each word: FTS5's vocabulary table, or a GIN-indexed count per word. */
async function claimWordCounts({ runner, dialect, sqlite }: WordsOn, words: readonly string[]): Promise<Map<string, number>> {
  const vocabulary = `SELECT term, doc FROM "ClaimSearchTerms" WHERE term IN (${words.map(() => "?").join(", ")})`;
  const rows = sqlite
    ? queryPerRow<{ term: string; doc: number }>(sqlite, vocabulary, [words])
    : dialect === "postgresql"
      ? await runner.$queryRawUnsafe<{ term: string; doc: bigint | number }[]>(
          `SELECT w AS term, (SELECT count(*) FROM "ClaimSearch" s WHERE s."vector" @@ plainto_tsquery('simple', w)) AS doc FROM unnest($1::text[]) AS w`,
          words,
        )
      : await runner.$queryRawUnsafe<{ term: string; doc: bigint | number }[]>(vocabulary, ...words);
  return new Map(rows.map((r) => [r.term, Number(r.doc)]));
}

/** What each database's engine answers: how many rows of a type match, and which, best first. */
type Engine = { count(type: SearchType): Promise<number>; ranked(type: SearchType, offset: number, limit: number): Promise<Ranked[]> };
export type Ranked = { id: string; score: number };

const engineFor = (db: Db, query: SearchQuery, combine: Combine = "all"): Engine =>
  dialectOf(db) === "postgresql" ? postgres(db, query, combine) : sqlite(db, query, combine);

/** Each type's index, and its table. Only live rows are indexed (the migrations' triggers), so no search joins to filter. */
const INDEXES: Record<SearchType, { index: string; table: string }> = {
  claims: { index: "ClaimSearch", table: "Claim" },
  sources: { index: "SourceSearch", table: "Source" },
  quotes: { index: "QuoteSearch", table: "Stance" },
};

function sqlite(db: Db, query: SearchQuery, combine: Combine): Engine {
  const match = fts5Query(query, combine);
  return {
    async count(type) {
      const { index } = INDEXES[type];
      const rows = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${index}" WHERE "${index}" MATCH ?`, match);
      return Number(rows[0]!.n);
    },
    ranked(type, offset, limit) {
      return db.$queryRawUnsafe<Ranked[]>(sqliteRankedSql(type), match, limit, offset);
    },
  };
}

/** SQLite's ranked page of one type: picked from the index alone; only its rows are looked up for their ids. Binds the match, limit and offset. */
function sqliteRankedSql(type: SearchType): string {
  const { index, table } = INDEXES[type];
  // bm25 is lower for better; a source's title weighs ten times its text.
  const rank = index === "SourceSearch" ? `bm25("SourceSearch", 10.0, 1.0)` : `bm25("${index}")`;
  return `SELECT t."id" AS id, -p.rank AS score
         FROM (SELECT rowid AS r, ${rank} AS rank FROM "${index}" WHERE "${index}" MATCH ? ORDER BY rank, rowid LIMIT ? OFFSET ?) AS p
         JOIN "${table}" t ON t.rowid = p.r ORDER BY p.rank, p.r`;
}

function postgres(db: Db, query: SearchQuery, combine: Combine): Engine {
  // Normalization 1: a match in a longer text counts for less, as in bm25. A source's title
  // (weight A) weighs ten times its text (B), as on SQLite.
  const rank = (index: string) => `ts_rank(${index === "SourceSearch" ? "'{0, 0, 0.1, 1.0}', " : ""}s."vector", t.q, 1)`;
  return {
    async count(type) {
      const { index } = INDEXES[type];
      const tsquery = tsQuery(query, 1, combine);
      const rows = await db.$queryRawUnsafe<{ n: bigint | number }[]>(
        `SELECT count(*) AS n FROM "${index}" s WHERE s."vector" @@ ${tsquery.sql}`,
        ...tsquery.params,
      );
      return Number(rows[0]!.n);
    },
    ranked(type, offset, limit) {
      const { index } = INDEXES[type];
      const tsquery = tsQuery(query, 3, combine);
      return db.$queryRawUnsafe<Ranked[]>(
        `SELECT s."id" AS id, ${rank(index)} AS score FROM "${index}" s, (SELECT ${tsquery.sql} AS q) AS t
         WHERE s."vector" @@ t.q ORDER BY score DESC, s."id" LIMIT $1 OFFSET $2`,
        limit,
        offset,
        ...tsquery.params,
      );
    },
  };
}

/** The ranked rows with their titles and snippets, read by id. */
async function described(db: Db, type: SearchType, ranked: Ranked[], query: SearchQuery): Promise<SearchResult[]> {
  const ids = ranked.map((r) => r.id);
  const cut = (snippet: Snippet, text: string) => ({
    snippet: snippet.text,
    highlights: snippet.highlights,
    clipped: { start: snippet.offset > 0, end: snippet.offset + snippet.text.length < text.length },
    start: snippet.start,
    end: snippet.end,
  });
  if (type === "claims") {
    const claims = new Map((await db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, text: true } })).map((c) => [c.id, c]));
    return ranked.map(({ id, score }) => {
      const claim = claims.get(id)!;
      return { type: "claim", id, slug: claim.slug, title: claim.text, ...cut(snippetOf(claim.text, query), claim.text), score: Number(score) };
    });
  }
  if (type === "sources") {
    const sources = new Map((await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, text: true } })).map((s) => [s.id, s]));
    return ranked.map(({ id, score }) => {
      const source = sources.get(id)!;
      return { type: "source", id, sourceId: id, title: source.title, ...cut(snippetOf(source.text, query), source.text), score: Number(score) };
    });
  }
  const stances = new Map(
    (
      await db.stance.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          sourceId: true,
          quote: true,
          start: true,
          position: true,
          source: { select: { title: true } },
          claim: { select: { slug: true, text: true } },
        },
      })
    ).map((s) => [s.id, s]),
  );
  return ranked.map(({ id, score }) => {
    const stance = stances.get(id)!;
    const snippet = snippetOf(stance.quote, query);
    // The offsets of the matching words in the source, for the link to the passage.
    return {
      type: "quote",
      id,
      sourceId: stance.sourceId,
      title: stance.source.title,
      ...cut(snippet, stance.quote),
      start: stance.start + snippet.start,
      end: stance.start + snippet.end,
      score: Number(score),
      position: stance.position,
      claim: stance.claim,
    };
  });
}
