import { db } from "@/lib/db";
import { exportDataset } from "@/lib/export/dataset";
import { errorResponse } from "@/lib/http/json-route";
import { perRequest } from "@/lib/http/per-request";

/** The whole dataset in the import format, as a download: `npm run import` reads it back. */
export async function GET() {
  await perRequest();
  try {
    return new Response(JSON.stringify(await exportDataset(db), null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": 'attachment; filename="corroborate-dataset.json"' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
