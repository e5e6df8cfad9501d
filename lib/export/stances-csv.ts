// The stances as CSV (RFC 4180): one row per live stance on a live claim. Values are written
// as stored (quotes verbatim), so a cell may begin with "=" or "-": open the file as data, not
// as a spreadsheet formula source.
import type { Db } from "../database/create-client";
import { isoPartialDate } from "../format";

export const STANCE_CSV_COLUMNS = ["claim", "claim_text", "position", "mode", "quote", "source", "source_title", "outlet", "date", "speaker"] as const;

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | null): string {
  const text = value ?? "";
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly (string | null)[]) => `${values.map(csvField).join(",")}\r\n`;

export async function stancesCsv(db: Db): Promise<string> {
  const stances = await db.stance.findMany({
    where: { retractedAt: null, claim: { retractedAt: null } },
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
  let csv = csvRow(STANCE_CSV_COLUMNS);
  for (const s of stances) {
    csv += csvRow([
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
    ]);
  }
  return csv;
}
