// Times a bulk import next to its floor, in one run:
//   npm run bench:import -- [--sources 10000] [--claims 5000] [--stances 100000] [--rounds 5] [--pg]
// 1. Generates a synthetic corpus of that size (bench/generate-corpus.ts) and exports it in the
//    import format (what `GET /api/export/dataset` gives), as the file to import.
// 2. The importer (lib/import) into an empty SQLite database, as an admin, and (3) its floor, in
//    rounds (--rounds, 5 by default; the median round is reported, each round's ratio printed).
//    During the first round's import a child process reads the claim list from the same file,
//    one read a millisecond, and times them, to show whether readers keep answering. After the
//    last round, the same file again (all unchanged).
// 3. The floor: the very rows the first import wrote (every column of every table, read back from
//    its database) inserted raw into another empty migrated SQLite database with better-sqlite3, in
//    one transaction, with prepared statements and nothing checked. This is the floor the import
//    is compared with. For scale, also the records' own fields alone (no revisions, no passages'
//    context, no speakers resolved), as the file gives them.
// 4. With --pg, in each round, the first import again into a database of the private PostgreSQL
//    cluster; the round of median PostgreSQL ÷ SQLite is reported.
// 5. The memory an import takes at the 20 MB an upload may have: a corpus sized to just under it,
//    imported by a child process that does only that.
// Prints records/s, the ratio to the floor, the reads during the import and the peak RSS.
import { execFileSync, fork } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb } from "../lib/database/create-client";
import { exportDataset } from "../lib/export/dataset";
import { runImport } from "../lib/import/import";
import { MAX_IMPORT_BYTES, parseImportFile, type RawRecord } from "../lib/import/parse";
import { DOCUMENT_KEYS } from "../lib/import/records";
import { bin, root } from "./harness";

const { values } = parseArgs({
  options: {
    sources: { type: "string", default: "10000" },
    claims: { type: "string", default: "5000" },
    stances: { type: "string", default: "100000" },
    pg: { type: "boolean", default: false },
    rounds: { type: "string", default: "5" },
    reader: { type: "string" },
    upload: { type: "string" },
    into: { type: "string" },
  },
});

const file = (name: string) => resolve(root, "data", name);
const fresh = (path: string) => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
};
const migrate = (url: string) => execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");

async function main() {
  const source = file("import-source.db");
  console.log(`Generating ${values.sources} sources, ${values.claims} claims, ${values.stances} stances...`);
  execFileSync(
    bin("tsx"),
    ["bench/generate-corpus.ts", "--sources", values.sources!, "--claims", values.claims!, "--stances", values.stances!, "--out", source],
    { cwd: root, stdio: "ignore" },
  );
  const exporter = createDb(`file:${source}`);
  const document = await exportDataset(exporter);
  await exporter.$disconnect();
  const dataset = JSON.stringify(document);
  writeFileSync(file("import-bench.json"), dataset);
  // The records as parseImportFile gives them; built here so that a file past the 20 MB an upload
  // may have (the issue's full size is larger) can still be timed.
  const records = dataset.length <= MAX_IMPORT_BYTES ? parseImportFile("import-bench.json", dataset) : asRecords(document);
  const limit = dataset.length > MAX_IMPORT_BYTES ? ` (over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB an upload may have)` : "";
  console.log(`The file: ${records.length.toLocaleString("en-US")} records, ${(dataset.length / 1024 / 1024).toFixed(1)} MB${limit}.`);

  const rows = records.map((r) => r.value as Record<string, unknown>);
  const bareMs = bareFloor(rows);

  // Rounds of (first import, floor of the rows it wrote), one after the other: this machine's speed
  // swings between runs, so each round's ratio is taken in the same few seconds, and the median
  // round is reported.
  const importer = { userId: null, role: "ADMIN" as const };
  const target = file("import-target.db");
  const rounds: { firstMs: number; floorMs: number; floorRows: number; pgMs?: number }[] = [];
  let reads = { reads: 0, p99: 0, slowest: 0, duringMs: 0 };
  let db = createDb(`file:${target}`);
  const pgUrl = values.pg ? await startPostgres() : null;
  for (let round = 0; round < Number(values.rounds); round++) {
    await db.$disconnect();
    fresh(target);
    migrate(`file:${target}`);
    db = createDb(`file:${target}`);
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    const reader = round === 0 ? fork(import.meta.filename, ["--reader", target], { execArgv: process.execArgv, stdio: "ignore" }) : null;
    // The import starts once the reader reads (its start-up would otherwise take a core from it).
    if (reader) await new Promise((reading) => reader.once("message", reading));
    const started = performance.now();
    const first = await runImport(db, importer, records);
    const firstMs = performance.now() - started;
    if (reader)
      reads = {
        ...(await new Promise<{ reads: number; p99: number; slowest: number }>((done) => {
          reader.once("message", done);
          reader.send("stop");
        })),
        duringMs: firstMs,
      };
    if (!first.written) throw new Error(`The import wrote nothing: ${JSON.stringify(first.records.find((r) => r.outcome === "rejected"))}`);
    const floor = sameRowsFloor(target);
    rounds.push({ firstMs, floorMs: floor.ms, floorRows: floor.rows, pgMs: pgUrl ? await importIntoPostgres(pgUrl, records) : undefined });
  }
  const median = <T>(list: readonly T[], by: (item: T) => number) => list.toSorted((a, b) => by(a) - by(b))[Math.floor((list.length - 1) / 2)]!;
  const { firstMs, floorMs, floorRows } = median(rounds, (r) => r.firstMs / r.floorMs);
  console.log(`| run | records | time s | records/s | × floor |`);
  console.log(`|---|---|---|---|---|`);
  console.log(
    `| floor: raw better-sqlite3 inserts of the ${floorRows.toLocaleString("en-US")} rows the first import wrote, one transaction | ${records.length} | ${seconds(floorMs)} | ${rate(records.length, floorMs)} | 1.0 |`,
  );
  console.log(
    `| for scale: raw inserts of the records' own fields alone, one transaction | ${records.length} | ${seconds(bareMs)} | ${rate(records.length, bareMs)} | ${(bareMs / floorMs).toFixed(1)} |`,
  );
  console.log(
    `| first import into an empty SQLite database (the median of ${rounds.length} rounds) | ${records.length} | ${seconds(firstMs)} | ${rate(records.length, firstMs)} | ${(firstMs / floorMs).toFixed(1)} |`,
  );
  const started = performance.now();
  const again = await runImport(db, importer, records);
  const againMs = performance.now() - started;
  console.log(
    `| the same file again (${again.counts.unchanged} unchanged) | ${records.length} | ${seconds(againMs)} | ${rate(records.length, againMs)} | ${(againMs / floorMs).toFixed(1)} |`,
  );
  await db.$disconnect();
  if (pgUrl) {
    const round = median(rounds, (r) => r.pgMs! / r.firstMs);
    const pgMs = round.pgMs!;
    console.log(
      `| first import into an empty PostgreSQL database (the round of median ratio to SQLite) | ${records.length} | ${seconds(pgMs)} | ${rate(records.length, pgMs)} | ${(pgMs / round.floorMs).toFixed(1)} (${(pgMs / round.firstMs).toFixed(2)} × SQLite) |`,
    );
  }
  console.log(
    `\nEach round, first import ÷ floor: ${rounds.map((r) => (r.firstMs / r.floorMs).toFixed(2)).join(", ")} (import ${rounds.map((r) => seconds(r.firstMs)).join(", ")} s; floor ${rounds.map((r) => seconds(r.floorMs)).join(", ")} s).`,
  );
  if (pgUrl)
    console.log(
      `Each round, PostgreSQL ÷ SQLite: ${rounds.map((r) => (r.pgMs! / r.firstMs).toFixed(2)).join(", ")} (PostgreSQL ${rounds.map((r) => seconds(r.pgMs!)).join(", ")} s).`,
    );
  console.log(
    `Reads of the claim list from another process during the first round's import (one every millisecond or so): ${reads.reads.toLocaleString("en-US")} (${rate(reads.reads, reads.duringMs)}/s); p99 ${reads.p99.toFixed(2)} ms, slowest ${reads.slowest.toFixed(1)} ms.`,
  );
  console.log(`Peak resident memory of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB.`);

  const upload = uploadSized();
  console.log(
    `A file at the upload limit (${upload.mb.toFixed(1)} MB, ${upload.records.toLocaleString("en-US")} records), read, parsed and imported into an empty SQLite database by a process that does only that: ${seconds(upload.ms)} s, peak resident memory ${upload.peakMiB} MiB.`,
  );
}

/** The private PostgreSQL cluster (scripts/pg-local.sh), started if it is not; the URL of the benchmark's database on it. */
async function startPostgres(): Promise<string> {
  const port = process.env.PGPORT ?? "54329";
  execFileSync("bash", [resolve(root, "scripts/pg-local.sh"), "start"], { cwd: root, env: { ...process.env, PGPORT: port } });
  return `postgresql://postgres@127.0.0.1:${port}/corroborate_import_bench`;
}

/** The first import again, into an empty PostgreSQL database made anew; the milliseconds it took. */
async function importIntoPostgres(url: string, records: readonly RawRecord[]): Promise<number> {
  const admin = new pg.Client({ connectionString: url.replace(/\/corroborate_import_bench$/, "/postgres") });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS corroborate_import_bench WITH (FORCE)");
  await admin.end();
  migrate(url);
  const db = createDb(url);
  const started = performance.now();
  const report = await runImport(db, { userId: null, role: "ADMIN" }, records);
  const ms = performance.now() - started;
  await db.$disconnect();
  if (!report.written) throw new Error("The PostgreSQL import wrote nothing.");
  return ms;
}

/**
 * The memory an import takes at the 20 MB an upload may have: a corpus sized to just under it,
 * exported, and imported by a child process (--upload) that reads the file as the import route
 * does, so that its peak resident memory is the import's alone.
 */
function uploadSized() {
  const source = file("import-upload.db");
  execFileSync(bin("tsx"), ["bench/generate-corpus.ts", "--sources", "6000", "--claims", "3000", "--stances", "60000", "--out", source], {
    cwd: root,
    stdio: "ignore",
  });
  const path = file("import-upload.json");
  execFileSync(bin("tsx"), [import.meta.filename, "--upload", source], { cwd: root, stdio: "ignore", env: { ...process.env, EXPORT_TO: path } });
  const bytes = statSync(path).size;
  if (bytes > MAX_IMPORT_BYTES) throw new Error(`The upload-sized file is ${bytes} bytes, over the limit; make the corpus smaller.`);
  const target = file("import-upload-target.db");
  fresh(target);
  migrate(`file:${target}`);
  const out = execFileSync(bin("tsx"), [import.meta.filename, "--upload", path, "--into", target], { cwd: root, encoding: "utf8" });
  return { mb: bytes / 1024 / 1024, ...(JSON.parse(out.trim().split("\n").at(-1)!) as { records: number; ms: number; peakMiB: number }) };
}

/** The child of uploadSized: exports a corpus to EXPORT_TO, or imports a file as the import route does and says what it took. */
async function importUpload(path: string, into: string | undefined) {
  if (!into) {
    const exporter = createDb(`file:${path}`);
    writeFileSync(process.env.EXPORT_TO!, JSON.stringify(await exportDataset(exporter)));
    await exporter.$disconnect();
    return;
  }
  const db = createDb(`file:${into}`);
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as `npm start` sets it
  const started = performance.now();
  const records = parseImportFile(path, readFileSync(path, "utf8"));
  const report = await runImport(db, { userId: null, role: "ADMIN" }, records);
  if (!report.written) throw new Error(`The import wrote nothing: ${JSON.stringify(report.records.find((r) => r.outcome === "rejected"))}`);
  await db.$disconnect();
  console.log(JSON.stringify({ records: records.length, ms: performance.now() - started, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

/** A document's lists as import records, each with its type, as parseImportFile reads a JSON file. */
function asRecords(document: object): RawRecord[] {
  return Object.entries(document).flatMap(([key, list]) =>
    key in DOCUMENT_KEYS && Array.isArray(list) ? list.map((value, i) => ({ at: `${key}[${i}]`, value: { type: DOCUMENT_KEYS[key], ...value } })) : [],
  );
}

/**
 * The floor no importer can beat: the rows the import wrote, every column as stored, read back
 * from its database (untimed) and inserted raw into an empty migrated database in one transaction,
 * parents before children (foreign keys are on, as in the app).
 */
function sameRowsFloor(imported: string): { ms: number; rows: number } {
  const source = new Database(imported, { readonly: true });
  const tables = (
    source
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
      .pluck()
      .all() as string[]
  )
    // The search index is not copied: the migrations' triggers build it in the floor's database as
    // the rows go in, the same work they did during the import.
    .filter((name) => !/^(Claim|Source|Quote)Search/.test(name))
    .map((name) => ({
      name,
      parents: (source.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(name) as string[]).filter((parent) => parent !== name),
      columns: source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[],
    }));
  const ordered: typeof tables = [];
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !ordered.includes(t) && t.parents.every((p) => ordered.some((o) => o.name === p)));
    if (!next) throw new Error("The tables' foreign keys form a cycle.");
    ordered.push(next);
  }
  const data = ordered.map((t) => ({ ...t, rows: source.prepare(`SELECT * FROM "${t.name}"`).raw().all() as unknown[][] }));
  source.close();
  const path = file("import-floor.db");
  fresh(path);
  migrate(`file:${path}`);
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  // What the migrations wrote (CorpusCounts' one row) gives way to what the import left.
  for (const t of ordered.toReversed()) db.prepare(`DELETE FROM "${t.name}"`).run();
  const started = performance.now();
  db.transaction(() => {
    for (const t of data) {
      const insert = db.prepare(`INSERT INTO "${t.name}" (${t.columns.map((c) => `"${c}"`).join(", ")}) VALUES (${t.columns.map(() => "?").join(", ")})`);
      for (const row of t.rows) insert.run(row);
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return { ms, rows: data.reduce((n, t) => n + t.rows.length, 0) };
}

/** For scale: the records' own fields inserted raw, nothing the importer adds (no revisions, speakers, passages' context). */
function bareFloor(records: Record<string, unknown>[]): number {
  const path = file("import-floor.db");
  fresh(path);
  migrate(`file:${path}`);
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  const now = new Date().toISOString();
  const insert = (table: string, columns: string[]) =>
    db.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}, "createdAt", "updatedAt") VALUES (${columns.map(() => "?").join(",")}, '${now}', '${now}')`,
    );
  const started = performance.now();
  db.transaction(() => {
    const ids = new Map<string, string>();
    const statements = {
      topic: insert("Topic", ["id", "slug", "name"]),
      outlet: insert("Outlet", ["id", "slug", "name", "kind"]),
      actor: insert("Actor", ["id", "slug", "name", "kind"]),
      source: insert("Source", ["id", "title", "outletId", "kind", "language", "text", "contentHash"]),
      claim: insert("Claim", ["id", "slug", "text", "searchText", "topicId", "rankKey"]),
      stance: insert("Stance", ["id", "claimId", "sourceId", "position", "mode", "quote", "start", "end", "prefix", "suffix"]),
    };
    let n = 0;
    const id = () => `r${n++}`;
    for (const r of records) {
      const key = `${r.type}:${r.slug ?? r.id}`;
      switch (r.type) {
        case "topic":
          ids.set(key, id());
          statements.topic.run(ids.get(key), r.slug, r.name);
          break;
        case "outlet":
          ids.set(key, id());
          statements.outlet.run(ids.get(key), r.slug, r.name, r.kind);
          break;
        case "actor":
          ids.set(key, id());
          statements.actor.run(ids.get(key), r.slug, r.name, r.kind);
          break;
        case "source":
          statements.source.run(r.id, r.title, ids.get(`outlet:${r.outlet}`), r.kind, r.language, r.text, String(r.id));
          break;
        case "claim":
          ids.set(key, id());
          statements.claim.run(ids.get(key), r.slug, r.text, String(r.text).toLowerCase(), ids.get(`topic:${r.topic}`), `~${r.slug}`);
          break;
        case "stance":
          statements.stance.run(id(), ids.get(`claim:${r.claim}`), r.source, r.position, r.mode, r.quote, r.start ?? 0, r.end ?? 0, "", "");
          break;
      }
    }
  })();
  const ms = performance.now() - started;
  db.close();
  return ms;
}

// The child: a reader of the first page of the claim list, as a busy site reads it (one read, then
// a millisecond's pause, so that it measures whether reads are answered, not how much CPU a
// tight loop can take from the import on a two-core machine), until told to stop. It says how
// many reads it made and how long the slowest took.
function readUntilStopped(path: string) {
  const reader = new Database(path, { readonly: true, timeout: 10_000 });
  const list = reader.prepare(`SELECT slug, text, status FROM Claim WHERE retractedAt IS NULL ORDER BY rankKey LIMIT 20`);
  const took: number[] = [];
  let stop = false;
  process.on("message", () => (stop = true));
  process.send!("reading");
  const loop = () => {
    const started = performance.now();
    list.all();
    took.push(performance.now() - started);
    if (!stop) return void setTimeout(loop, 1);
    took.sort((a, b) => a - b);
    process.send!({ reads: took.length, p99: took[Math.floor(took.length * 0.99)] ?? 0, slowest: took.at(-1) ?? 0 }, () => process.exit(0));
  };
  loop();
}

if (values.reader) readUntilStopped(values.reader);
else if (values.upload) await importUpload(values.upload, values.into);
else await main();
