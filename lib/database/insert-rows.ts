import { randomBytes } from "node:crypto";
import type { Prisma } from "../../generated/sqlite/client";
import type { TxConnection } from "./create-client";
import { jsonRows } from "./pg-json-rows";
import { runPerRow, sqliteDriver } from "./sqlite-driver";

// Many rows at once, for the writers that take many items (an import). Prisma's createMany builds
// its query row by row in its query compiler: 20,000 stances took 4.4 s. On PostgreSQL this sends
// the rows as one JSON text through the same adapter and transaction (lib/database/pg-json-rows.ts);
// on SQLite it runs a prepared INSERT per row on the driver itself (lib/database/sqlite-driver.ts),
// under 0.4 s for those 20,000 (measured on this machine). The rows are typed by
// Prisma's own create types; only the writer of a table calls this for it (decision 0014).

/** The rows each table takes, and the timestamps it keeps. */
type Tables = {
  Topic: Prisma.TopicCreateManyInput;
  Outlet: Prisma.OutletCreateManyInput;
  Actor: Prisma.ActorCreateManyInput;
  Source: Prisma.SourceCreateManyInput;
  SourceAuthor: Prisma.SourceAuthorCreateManyInput;
  Claim: Prisma.ClaimCreateManyInput;
  Tag: Prisma.TagCreateManyInput;
  ClaimTag: Prisma.ClaimTagCreateManyInput;
  Stance: Prisma.StanceCreateManyInput;
  Revision: Prisma.RevisionCreateManyInput;
  ClaimPair: Prisma.ClaimPairCreateManyInput;
  SourceBand: Prisma.SourceBandCreateManyInput;
  SourceCopy: Prisma.SourceCopyCreateManyInput;
  StanceAnchor: Prisma.StanceAnchorCreateManyInput;
};
export type Table = keyof Tables;
export type RowOf<T extends Table> = Tables[T];

/** The columns Prisma would fill itself: @default(cuid()) ids, @default(now()) and @updatedAt stamps. */
const FILLED: Record<Table, { id: boolean; stamps: readonly ("createdAt" | "updatedAt")[] }> = {
  Topic: { id: true, stamps: ["createdAt", "updatedAt"] },
  Outlet: { id: true, stamps: ["createdAt", "updatedAt"] },
  Actor: { id: true, stamps: ["createdAt", "updatedAt"] },
  Source: { id: true, stamps: ["createdAt", "updatedAt"] },
  SourceAuthor: { id: true, stamps: ["createdAt", "updatedAt"] },
  Claim: { id: true, stamps: ["createdAt", "updatedAt"] },
  Tag: { id: true, stamps: ["createdAt", "updatedAt"] },
  ClaimTag: { id: false, stamps: ["createdAt"] },
  Stance: { id: true, stamps: ["createdAt", "updatedAt"] },
  Revision: { id: true, stamps: ["createdAt"] },
  ClaimPair: { id: true, stamps: ["createdAt", "updatedAt"] },
  SourceBand: { id: false, stamps: [] },
  SourceCopy: { id: true, stamps: ["createdAt"] },
  StanceAnchor: { id: true, stamps: [] },
};

/** Rows per statement on PostgreSQL, sent as one JSON text. */
const ROWS_PER_STATEMENT = 10_000;

/**
 * Inserts rows into a table (on PostgreSQL as one JSON text, read back as rows of the table's
 * type). Every row must give the same columns (a column left out takes its database default in
 * every row); the id, if not given, and the timestamps are filled as Prisma fills them. Returns the
 * rows as written.
 */
export async function insertRows<T extends Table>(target: TxConnection, table: T, rows: readonly RowOf<T>[]): Promise<(RowOf<T> & { id: string })[]> {
  if (rows.length === 0) return [];
  const filled = FILLED[table];
  const now = new Date();
  const complete = (row: RowOf<T>) => {
    const full: Record<string, unknown> = { ...row };
    if (filled.id && full.id === undefined) full.id = newId();
    for (const stamp of filled.stamps) full[stamp] ??= now;
    return full;
  };
  const first = complete(rows[0]!);
  const columns = Object.keys(first);
  const written = [first];
  // Each row's values in the columns' order, as the row is completed: an import writes 200,000.
  const values = [columns.map((c) => first[c])];
  for (let i = 1; i < rows.length; i++) {
    const row = complete(rows[i]!);
    const inOrder = columns.map((c) => (c in row ? row[c] : missing));
    if (inOrder.includes(missing) || Object.keys(row).length !== columns.length)
      throw new Error(`insertRows(${table}): every row must give the same columns (${columns.join(", ")}).`);
    written.push(row);
    values.push(inOrder);
  }
  const sqlite = sqliteDriver(target);
  if (sqlite) runPerRow(sqlite, `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`, values);
  else {
    const names = columns.map((c) => `"${c}"`).join(", ");
    for (let from = 0; from < values.length; from += ROWS_PER_STATEMENT) {
      const { sql, json } = jsonRows(table, columns, values.slice(from, from + ROWS_PER_STATEMENT));
      await target.tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${names} FROM ${sql}`, json);
    }
  }
  return written as unknown as (RowOf<T> & { id: string })[];
}

/** Marks a column a row does not give. */
const missing = Symbol("missing");

let sequence = randomBytes(2).readUInt16BE();
/** Random hex drawn 12 characters (6 bytes) at a time from a pool made in one call: one call per id cost a fifth of an import's inserts. */
let pool = randomBytes(16_380).toString("hex");
let drawn = 0;
/** The time part of the ids made in the same millisecond. */
let stampedAt = 0;
let stamp = "";

/** A new row id in the shape of Prisma's cuid(): "c", the time, a counter and randomness; 25 characters. */
export function newId(): string {
  if (drawn + 12 > pool.length) [pool, drawn] = [randomBytes(16_380).toString("hex"), 0];
  const random = pool.slice(drawn, (drawn += 12));
  const now = Date.now();
  if (now !== stampedAt) [stampedAt, stamp] = [now, `c${now.toString(36).padStart(8, "0")}`];
  sequence = (sequence + 1) % 1_679_616; // 36^4
  return `${stamp}${sequence.toString(36).padStart(4, "0")}${random}`;
}
