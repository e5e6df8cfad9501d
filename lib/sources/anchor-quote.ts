import { AppError } from "../errors";

/** Characters of context stored either side of a quote. */
export const CONTEXT_CHARS = 32;

export type Anchor = { start: number; end: number; prefix: string; suffix: string };

/**
 * Finds `quote` in `text` and returns its offsets (UTF-16 code units, end exclusive)
 * with a little context. The quote must occur verbatim. When it occurs more than
 * once, `occurrence` (1-based) says which; without it the quote is ambiguous.
 */
export function anchorQuote(text: string, quote: string, occurrence?: number): Anchor {
  if (quote.trim().length === 0) {
    throw new AppError("INVALID", "The quote is empty: select the words the source uses.", "quote");
  }
  const starts = occurrencesOf(text, quote);
  if (starts.length === 0) {
    throw new AppError("INVALID", `This quote is not in the source text: "${preview(quote)}"`, "quote");
  }
  if (occurrence === undefined && starts.length > 1) {
    throw new AppError("INVALID", `This quote occurs ${starts.length} times in the source; say which with "occurrence": "${preview(quote)}"`, "occurrence");
  }
  const index = (occurrence ?? 1) - 1;
  const start = starts[index];
  if (start === undefined) {
    throw new AppError("INVALID", `Occurrence ${occurrence} asked for, but the quote occurs ${starts.length} time(s): "${preview(quote)}"`, "occurrence");
  }
  return anchorAt(text, start, start + quote.length);
}

/** The anchor for offsets already known to be right (context only). */
export function anchorAt(text: string, start: number, end: number): Anchor {
  return {
    start,
    end,
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/**
 * Where a quote sent by a browser really is. The browser's offsets are a hint, never
 * trusted: when the text holds the quote exactly there, they stand; otherwise the quote
 * is looked for in the text, and of several occurrences the one nearest the hint is
 * taken. A quote the text does not hold is refused.
 */
export function locateQuote(text: string, quote: string, hint?: { start: number; end: number }): Anchor {
  if (hint && quoteMatches(text, quote, hint.start, hint.end)) return anchorAt(text, hint.start, hint.end);
  const starts = quote.trim().length > 0 ? occurrencesOf(text, quote) : [];
  if (starts.length === 0) return anchorQuote(text, quote);
  if (!hint && starts.length > 1) {
    throw new AppError(
      "INVALID",
      `These words occur ${starts.length} times in the source: select the passage you mean in the text, or quote more words so that they occur once.`,
      "quote",
    );
  }
  if (!hint) return anchorAt(text, starts[0]!, starts[0]! + quote.length);
  const nearest = starts.reduce((best, at) => (Math.abs(at - hint.start) < Math.abs(best - hint.start) ? at : best));
  return anchorAt(text, nearest, nearest + quote.length);
}

/** True when the stored quote is exactly what the text holds at its offsets. */
export function quoteMatches(text: string, quote: string, start: number, end: number): boolean {
  return start >= 0 && end <= text.length && end - start === quote.length && text.slice(start, end) === quote;
}

/** Where `quote` starts in `text`, every place (none for an empty quote). */
export function occurrencesOf(text: string, quote: string): number[] {
  const starts: number[] = [];
  if (quote === "") return starts;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at);
  return starts;
}

function preview(quote: string): string {
  return quote.length > 80 ? `${quote.slice(0, 77)}...` : quote;
}
