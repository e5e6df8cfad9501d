import { db } from "@/lib/db";
import { stancesCsv } from "@/lib/export/stances-csv";
import { errorResponse } from "@/lib/http/json-route";
import { AppError } from "@/lib/errors";
import { perRequest } from "@/lib/http/per-request";

/**
 * Every live stance as CSV: claim, position, mode, quote, source, outlet, date, speaker. Cells a
 * spreadsheet would run as formulas are neutralized; `?verbatim=1` gives every cell as stored.
 */
export async function GET(request: Request) {
  await perRequest();
  try {
    const verbatim = new URL(request.url).searchParams.get("verbatim");
    if (verbatim !== null && verbatim !== "0" && verbatim !== "1") throw new AppError("INVALID", "verbatim must be 0 or 1.", "verbatim");
    return new Response(await stancesCsv(db, { verbatim: verbatim === "1" }), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="corroborate-stances.csv"' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
