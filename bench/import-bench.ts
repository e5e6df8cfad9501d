// Times a bulk import next to its floor, in one run:
//   npm run bench:import -- [--sources 10000] [--claims 5000] [--stances 100000] [--pg]
// 1. Generates a synthetic corpus of that size (bench/generate-corpus.ts) and exports it in the
//    import format (what `GET /api/export/dataset` gives), as the file to import.
// 2. Floor: raw better-sqlite3 inserts of the same rows into an empty migrated SQLite database, in
//    one transaction, with prepared statements and nothing checked: the records' own rows, and
//    again with the rows the importer writes beside them (a revision for each record, the source
//    authors). The second is the floor the import is compared with; both are printed.
// 3. The importer (lib/import) into another empty SQLite database, as an admin: first import, then
//    the same file again (all unchanged). Meanwhile a child process reads the claim list from the
//    same file, one read a millisecond, and times them, to show whether readers keep answering
//    during an import.
// 4. With --pg, the first import again into a database of the private PostgreSQL cluster.
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
  const bareMs = floor(rows, false);
  const floorMs = floor(rows, true);
  console.log(`| run | records | time s | records/s | × floor |`);
  console.log(`|---|---|---|---|---|`);
  console.log(
    `| floor: raw better-sqlite3 inserts of the records' own rows, one transaction | ${records.length} | ${seconds(bareMs)} | ${rate(records.length, bareMs)} | ${(bareMs / floorMs).toFixed(1)} |`,
  );
  console.log(
    `| floor: the same, with the rows the importer adds (a revision for each record, source authors) | ${records.length} | ${seconds(floorMs)} | ${rate(records.length, floorMs)} | 1.0 |`,
  );

  const target = file("import-target.db");
  fresh(target);
  migrate(`file:${target}`);
  const db = createDb(`file:${target}`);
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const reader = fork(import.meta.filename, ["--reader", target], { execArgv: process.execArgv, stdio: "ignore" });
  const importer = { userId: null, role: "ADMIN" as const };
  let started = performance.now();
  const first = await runImport(db, importer, records);
  const firstMs = performance.now() - started;
  const reads = await new Promise<{ reads: number; p99: number; slowest: number }>((done) => {
    reader.once("message", done);
    reader.send("stop");
  });
  if (!first.written) throw new Error(`The import wrote nothing: ${JSON.stringify(first.records.find((r) => r.outcome === "rejected"))}`);
  console.log(
    `| first import into an empty SQLite database | ${records.length} | ${seconds(firstMs)} | ${rate(records.length, firstMs)} | ${(firstMs / floorMs).toFixed(1)} |`,
  );
  started = performance.now();
  const again = await runImport(db, importer, records);
  const againMs = performance.now() - started;
  console.log(
    `| the same file again (${again.counts.unchanged} unchanged) | ${records.length} | ${seconds(againMs)} | ${rate(records.length, againMs)} | ${(againMs / floorMs).toFixed(1)} |`,
  );
  await db.$disconnect();

  if (values.pg) {
    const port = process.env.PGPORT ?? "54329";
    execFileSync("bash", [resolve(root, "scripts/pg-local.sh"), "start"], { cwd: root, env: { ...process.env, PGPORT: port } });
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS corroborate_import_bench WITH (FORCE)");
    await admin.end();
    const url = `postgresql://postgres@127.0.0.1:${port}/corroborate_import_bench`;
    migrate(url);
    const pgDb = createDb(url);
    started = performance.now();
    await runImport(pgDb, importer, records);
    const pgMs = performance.now() - started;
    await pgDb.$disconnect();
    console.log(
      `| first import into an empty PostgreSQL database | ${records.length} | ${seconds(pgMs)} | ${rate(records.length, pgMs)} | ${(pgMs / floorMs).toFixed(1)} (${(pgMs / firstMs).toFixed(2)} × SQLite) |`,
    );
  }
  console.log(
    `\nReads of the claim list from another process during the first import (one every millisecond or so): ${reads.reads.toLocaleString("en-US")} (${rate(reads.reads, firstMs)}/s); p99 ${reads.p99.toFixed(2)} ms, slowest ${reads.slowest.toFixed(1)} ms.`,
  );
  console.log(`Peak resident memory of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB.`);

  const upload = uploadSized();
  console.log(
    `A file at the upload limit (${upload.mb.toFixed(1)} MB, ${upload.records.toLocaleString("en-US")} records), read, parsed and imported into an empty SQLite database by a process that does only that: ${seconds(upload.ms)} s, peak resident memory ${upload.peakMiB} MiB.`,
  );
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

/** The same rows the importer would write, inserted raw: the floor no importer can beat. */
function floor(records: Record<string, unknown>[], withRevisions: boolean): number {
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
      author: insert("SourceAuthor", ["id", "sourceId", "name", "position"]),
      revision: db.prepare(
        `INSERT INTO "Revision" ("id", "entityType", "entityId", "version", "action", "changes", "claimId", "sourceId", "createdAt") VALUES (?, ?, ?, 1, 'CREATE', ?, ?, ?, '${now}')`,
      ),
    };
    let n = 0;
    const id = () => `r${n++}`;
    const ENTITY: Record<string, string> = { outlet: "OUTLET", actor: "ACTOR", source: "SOURCE", claim: "CLAIM", stance: "STANCE" };
    for (const r of records) {
      const key = `${r.type}:${r.slug ?? r.id}`;
      // The record's revision: its fields as the changes from nothing (a source's text by its length, as the importer records it).
      if (withRevisions && ENTITY[r.type as string]) {
        const { type: _, text, ...fields } = r;
        const changes = Object.fromEntries(
          Object.entries(r.type === "source" ? { ...fields, characters: String(text).length } : { ...fields, text }).map(([k, v]) => [k, [null, v]]),
        );
        statements.revision.run(id(), ENTITY[r.type as string], key, JSON.stringify(changes), null, r.type === "source" ? r.id : null);
      }
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
          if (withRevisions) for (const [i, name] of ((r.authors as string[] | undefined) ?? []).entries()) statements.author.run(id(), r.id, name, i);
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
