import { AppError } from "../errors";
import { CSV_COLUMNS, DOCUMENT_KEYS } from "./records";

/** One record as found in a file, not yet validated, with where it was found ("line 12", "sources[3]"). */
export type RawRecord = { at: string; value: unknown };

/** Largest import file read: twice the largest source text, with room for its records. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Splits an import file into records by its kind (.json, .jsonl/.ndjson or .csv). A file that
 * cannot be read at all (not JSON, a CSV without its header, too large) is MALFORMED; each
 * record's own problems are found later, one by one.
 */
export function parseImportFile(name: string, content: string): RawRecord[] {
  if (content.length > MAX_IMPORT_BYTES) throw new AppError("MALFORMED", `The file is too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const kind = name.toLowerCase().match(/\.(json|jsonl|ndjson|csv)$/)?.[1];
  if (kind === "json") return parseDocument(content);
  if (kind === "jsonl" || kind === "ndjson") return parseLines(content);
  if (kind === "csv") return parseStanceCsv(content);
  throw new AppError("MALFORMED", "The file must be .json, .jsonl or .csv.");
}

function parseDocument(content: string): RawRecord[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (error) {
    throw new AppError("MALFORMED", `The file is not JSON: ${(error as Error).message}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new AppError("MALFORMED", 'The file must be a JSON object with lists such as "sources" and "claims".');
  const records: RawRecord[] = [];
  for (const [key, list] of Object.entries(doc)) {
    // A dataset export's analysts' assessments are for study: an assessment is an account's, not imported.
    if (key === "format" || key === "assessments") continue;
    const type = DOCUMENT_KEYS[key];
    if (!type) throw new AppError("MALFORMED", `Unknown list "${key}": the lists are ${Object.keys(DOCUMENT_KEYS).join(", ")}.`);
    if (!Array.isArray(list)) throw new AppError("MALFORMED", `"${key}" must be a list.`);
    list.forEach((value, i) => records.push({ at: `${key}[${i}]`, value: typeof value === "object" && value !== null ? { type, ...value } : value }));
  }
  return records;
}

function parseLines(content: string): RawRecord[] {
  const records: RawRecord[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      records.push({ at: `line ${i + 1}`, value: JSON.parse(line) });
    } catch (error) {
      records.push({ at: `line ${i + 1}`, value: { unreadable: (error as Error).message } });
    }
  });
  return records;
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function csvRows(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const c = content[i]!;
    if (quoted) {
      if (c === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && content[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new AppError("MALFORMED", "The CSV ends inside a quoted field.");
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

function parseStanceCsv(content: string): RawRecord[] {
  const [header, ...rows] = csvRows(content.replace(/^\uFEFF/, ""));
  const missing = CSV_COLUMNS.slice(0, 5).filter((c) => !header?.includes(c));
  if (!header || missing.length > 0)
    throw new AppError("MALFORMED", `The CSV's first row must name its columns; missing: ${missing.join(", ")}. Columns: ${CSV_COLUMNS.join(", ")}.`);
  const unknown = header.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new AppError("MALFORMED", `Unknown CSV columns: ${unknown.join(", ")}. Columns: ${CSV_COLUMNS.join(", ")}.`);
  return rows.map((cells, i) => {
    const value: Record<string, unknown> = { type: "stance" };
    header.forEach((column, j) => {
      const cell = cells[j] ?? "";
      if (cell === "") return;
      value[column] = column === "start" || column === "end" ? (/^\d+$/.test(cell) ? Number(cell) : cell) : cell;
    });
    return { at: `row ${i + 2}`, value };
  });
}
