import type { Db } from "../database/create-client";
import { searchableText } from "./search-text";

const STOP_WORDS = new Set(
  "a an and are as at be been but by for from has have he her his in into is it its of on or that the their them they this to was were which who will with would said says not".split(
    " ",
  ),
);

/** The words of a query worth matching on: lower case, no stop words, longest first, at most eight. */
export function queryWords(query: string): string[] {
  // Numbers keep their separators: "10,000" is one word, not "10" and "000".
  const words = (searchableText(query).match(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu) ?? []).filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
  return [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 8);
}

/** How well a claim's text matches the query words: the share of them it contains, with a bonus for the whole phrase. */
export function matchScore(claimText: string, words: readonly string[], phrase: string): number {
  if (words.length === 0) return 0;
  const text = searchableText(claimText);
  const found = words.filter((word) => text.includes(word));
  const weight = (list: readonly string[]) => list.reduce((sum, word) => sum + word.length, 0);
  return weight(found) / weight(words) + (phrase.length > 0 && text.includes(phrase) ? 1 : 0);
}

/**
 * Claims for the tagging panel's search-as-you-type: any claim containing one of the
 * query's words is a candidate, and the ones sharing the most (and longest) words with it
 * come first. Retracted claims are not offered.
 */
export async function suggestClaims(db: Db, { q, limit = 8 }: { q: string; limit?: number }) {
  const words = queryWords(q);
  if (words.length === 0) return [];
  const candidates = await db.claim.findMany({
    where: { retractedAt: null, OR: words.map((word) => ({ searchText: { contains: word } })) },
    orderBy: { rankKey: "asc" },
    take: 300,
    select: { id: true, slug: true, text: true, status: true, topic: { select: { name: true } } },
  });
  const phrase = searchableText(q);
  return candidates
    .map((claim) => ({ ...claim, score: matchScore(claim.text, words, phrase) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
