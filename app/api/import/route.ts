import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { authorize } from "@/lib/roles";
import { AppError } from "@/lib/errors";
import { importRecords } from "@/lib/import/import";
import { MAX_IMPORT_BYTES, parseImportFile } from "@/lib/import/parse";
import { errorResponse } from "@/lib/http/json-route";
import { apiWrite, readBody } from "@/lib/http/api-write";
import { startImportJob } from "@/lib/import/jobs";
import { env } from "@/lib/env";
import { NextResponse } from "next/server";

type Format = "json" | "jsonl" | "csv";
const FORMATS = new Map<string, Format>([
  ["json", "json"],
  ["jsonl", "jsonl"],
  ["ndjson", "jsonl"],
  ["csv", "csv"],
]);
const FORMAT_OF_TYPE = new Map<string, Format>([
  ["application/json", "json"],
  ["application/x-ndjson", "jsonl"],
  ["application/jsonl", "jsonl"],
  ["text/csv", "csv"],
]);

/**
 * A program's import: the file as the body (JSON, JSONL or CSV, by `?format=` or the content
 * type), `?partial=1` to write the good records. Up to CORROBORATE_IMPORT_SYNC_RECORDS records the
 * answer is the report (200 when written, 422 when refused records kept everything out); a larger
 * file is answered 202 with a job whose progress and report `GET /api/import/{id}` gives.
 */
const tokenImport = apiWrite(
  async (user, _body, _context, request) => {
    authorize(user, "RESEARCHER", "import data");
    const url = new URL(request.url);
    const partial = url.searchParams.get("partial");
    if (partial !== null && partial !== "0" && partial !== "1") throw new AppError("INVALID", "partial: must be 1 or 0", "partial");
    const named = url.searchParams.get("format");
    const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const format = named ? FORMATS.get(named) : FORMAT_OF_TYPE.get(type);
    if (!format)
      throw new AppError(
        "INVALID",
        "format: send ?format=json, jsonl or csv, or the content type application/json, application/x-ndjson or text/csv",
        "format",
      );
    const records = parseImportFile(`body.${format}`, await readBody(request, MAX_IMPORT_BYTES));
    if (records.length > env().CORROBORATE_IMPORT_SYNC_RECORDS) {
      const job = startImportJob(db, user, records, partial === "1");
      return NextResponse.json({ job }, { status: 202, headers: { Location: `/api/import/${job.id}` } });
    }
    const report = await importRecords(db, user, records, { partial: partial === "1" });
    return NextResponse.json({ report }, { status: report.written ? 200 : 422 });
  },
  { body: "raw" },
);

/**
 * The browser's import (/import): a signed-in researcher's upload, run as a job like a program's
 * large file: answered 202 with the job, whose progress and report the page reads from
 * `GET /api/import/{id}` until it is done (so a reload, or a lost connection, does not lose the
 * import). Only from this site's own pages (the Origin must match), so another site cannot make a
 * visitor's browser import.
 */
export async function POST(request: Request) {
  if (request.headers.get("authorization")) return tokenImport(request, undefined);
  try {
    const origin = request.headers.get("origin");
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
    if (!origin || new URL(origin).host !== host) throw new AppError("FORBIDDEN", "Imports are accepted from Corroborate's own import page only.");
    const user = authorize(await currentUser(), "RESEARCHER", "import data");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
      throw new AppError("MALFORMED", `The file is too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was written.`);
    }
    const form = await request.formData().catch(() => {
      throw new AppError("MALFORMED", "Send the file as a form upload.");
    });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID", "Choose a file to import.", "file");
    if (file.size > MAX_IMPORT_BYTES)
      throw new AppError("MALFORMED", `The file is too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was written.`);
    const records = parseImportFile(file.name, await file.text());
    const job = startImportJob(db, user, records, form.get("partial") === "on");
    return NextResponse.json({ job }, { status: 202, headers: { Location: `/api/import/${job.id}`, "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
