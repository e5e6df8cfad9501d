import { db } from "@/lib/db";
import { stancesCsv } from "@/lib/export/stances-csv";
import { errorResponse } from "@/lib/http/json-route";

/** Every live stance as CSV: claim, position, mode, quote, source, outlet, date, speaker. */
export async function GET() {
  try {
    return new Response(await stancesCsv(db), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="corroborate-stances.csv"' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
