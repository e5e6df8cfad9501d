import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../lib/errors";
import { importRecords } from "../lib/import/import";
import { parseImportFile } from "../lib/import/parse";
import { dumpDatabase, seededDatabase, type TestDb } from "./helpers/test-db";
import { refusal } from "./helpers/refusal";

let t: TestDb;
// The document marks a number claim and relates two claims, analysts' work through every door.
const importer = { id: "u-importer", name: "Ivo Importer", email: "ivo@test", role: "ANALYST" as const };
const researcher = { id: "u-researcher", name: "Res Earcher", email: "res@test", role: "RESEARCHER" as const };
const reader = { id: "u-reader", name: "Rea Der", email: "rea@test", role: "READER" as const };

beforeAll(async () => {
  t = await seededDatabase([importer, researcher, reader]);
});
afterAll(async () => {
  await t.drop();
});

const TEXT = "Kyiv said on Friday that up to 12,000 North Korean soldiers had been moved towards Kursk.\nMoscow denied it.";
// Offsets are checked: "up to 12,000 North Korean soldiers" is TEXT.slice(25, 59).
const document = (overrides: Record<string, unknown> = {}) => ({
  format: "corroborate/1",
  topics: [{ slug: "imported-topic", name: "Imported topic" }],
  outlets: [{ slug: "import-wire", name: "Import Wire", kind: "NEWS_WEBSITE", country: "UA" }],
  actors: [{ slug: "kyiv-officials", name: "Kyiv officials", kind: "GOVERNMENT" }],
  sources: [
    {
      id: "import-wire-kursk",
      title: "Kyiv counts the soldiers",
      outlet: "import-wire",
      authors: ["A. Writer"],
      publishedAt: "2024-12-06",
      kind: "NEWS_REPORT",
      language: "en",
      text: TEXT,
    },
  ],
  claims: [
    {
      slug: "up-to-12000-troops-moved-to-kursk",
      text: "Up to 12,000 North Korean soldiers were moved towards Kursk.",
      topic: "imported-topic",
      tags: ["troops"],
      quantity: "NUMBER",
    },
  ],
  stances: [
    {
      claim: "up-to-12000-troops-moved-to-kursk",
      source: "import-wire-kursk",
      position: "SUPPORTS",
      mode: "REPORTED_ALLEGATION",
      quote: "up to 12,000 North Korean soldiers had been moved towards Kursk",
      speaker: "kyiv-officials",
    },
    {
      claim: "dprk-troops-number-about-10000",
      source: "import-wire-kursk",
      position: "QUALIFIES",
      mode: "REPORTED_ALLEGATION",
      quote: "up to 12,000 North Korean soldiers",
      start: 25,
      end: 59,
    },
  ],
  relations: [{ from: "up-to-12000-troops-moved-to-kursk", to: "dprk-troops-number-about-10000", kind: "NARROWER_THAN" }],
  ...overrides,
});
const file = (doc: unknown, name = "import.json") => parseImportFile(name, JSON.stringify(doc));

describe("importing a JSON document", () => {
  it("is refused to readers, changing nothing", async () => {
    const before = await dumpDatabase(t.db);
    expect(await refusal(importRecords(t.db, reader, file(document())))).toMatchObject({ code: "FORBIDDEN" });
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("refuses a researcher's number marking and relation, as the review page does, and writes nothing", async () => {
    const before = await dumpDatabase(t.db);
    const marked = await importRecords(t.db, researcher, file(document({ relations: [] })));
    expect(marked.records.filter((r) => r.outcome === "rejected").map((r) => [r.at, r.reason])).toEqual([
      ["claims[0]", "Only an analyst or above can mark quantity claims; this account is a researcher."],
      // The refused claim is then missing for the stance on it.
      ["stances[0]", 'claim: no claim "up-to-12000-troops-moved-to-kursk" in the file or stored.'],
    ]);
    const [claim] = document().claims as Record<string, unknown>[];
    const related = await importRecords(t.db, researcher, file(document({ claims: [{ ...claim, quantity: undefined }] })));
    expect(related.records.filter((r) => r.outcome === "rejected").map((r) => [r.at, r.reason])).toEqual([
      ["relations[0]", "Only an analyst or above can relate claims; this account is a researcher."],
    ]);
    expect([marked.written, related.written]).toEqual([false, false]);
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("leaves the database unchanged and names each bad record: wrong types, missing fields, a quote not in its text, an unknown claim", async () => {
    const before = await dumpDatabase(t.db);
    const bad = document({
      stances: [
        { claim: "up-to-12000-troops-moved-to-kursk", source: "import-wire-kursk", position: "SUPPORTS", mode: "AS_FACT", quote: "20,000 soldiers" },
        { claim: "no-such-claim", source: "import-wire-kursk", position: "SUPPORTS", mode: "AS_FACT", quote: "Moscow denied it." },
        { claim: "up-to-12000-troops-moved-to-kursk", source: "import-wire-kursk", position: 3, mode: "AS_FACT", quote: "Moscow" },
        { claim: "up-to-12000-troops-moved-to-kursk", source: "import-wire-kursk", mode: "AS_FACT", quote: "Moscow" },
      ],
    });
    const report = await importRecords(t.db, importer, file(bad));
    expect(report).toMatchObject({ mode: "all", written: false, counts: { created: 0, updated: 0, rejected: 4 } });
    const rejected = report.records.filter((r) => r.outcome === "rejected");
    expect(rejected.map((r) => [r.at, r.reason])).toEqual([
      ["stances[0]", expect.stringContaining("This quote is not in the source text")],
      ["stances[1]", 'claim: no claim "no-such-claim" in the file or stored.'],
      ["stances[2]", expect.stringMatching(/^position: /)],
      ["stances[3]", expect.stringMatching(/^position: /)],
    ]);
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("refuses an unreadable file before anything: broken JSON, an unknown list, a file too large", () => {
    expect(() => parseImportFile("broken.json", '{ "sources": [ ')).toThrow(AppError);
    expect(() => parseImportFile("odd.json", '{ "things": [] }')).toThrow(/Unknown list "things"/);
    expect(() => parseImportFile("notes.txt", "{}")).toThrow(/must be \.json, \.jsonl or \.csv/);
    expect(() => parseImportFile("big.json", " ".repeat(50 * 1024 * 1024))).toThrow(/too large/);
  });

  it("creates everything in one go, verbatim, and creates nothing the second time", async () => {
    const first = await importRecords(t.db, importer, file(document()));
    expect(first.records.filter((r) => r.outcome === "rejected")).toEqual([]);
    expect(first).toMatchObject({ written: true, counts: { created: 8, updated: 0, unchanged: 0, rejected: 0 } });
    const stance = await t.db.stance.findFirstOrThrow({ where: { claim: { slug: "up-to-12000-troops-moved-to-kursk" } }, include: { speaker: true } });
    expect(TEXT.slice(stance.start, stance.end)).toBe(stance.quote);
    expect(stance.speaker?.slug).toBe("kyiv-officials");
    const claim = await t.db.claim.findUniqueOrThrow({ where: { slug: "up-to-12000-troops-moved-to-kursk" } });
    expect(claim).toMatchObject({ status: "SINGLE_SOURCE", quantityKind: "NUMBER", sourceCount: 1 });

    const before = await dumpDatabase(t.db);
    const again = await importRecords(t.db, importer, file(document()));
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 8, rejected: 0 });
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("imports the good records and reports the rest with --partial", async () => {
    const doc = {
      claims: [{ slug: "moscow-denied-the-move", text: "Moscow denied moving North Korean soldiers towards Kursk.", topic: "imported-topic" }],
      stances: [
        { claim: "moscow-denied-the-move", source: "import-wire-kursk", position: "SUPPORTS", mode: "QUOTED_DENIAL", quote: "Moscow denied it." },
        { claim: "moscow-denied-the-move", source: "no-such-source", position: "SUPPORTS", mode: "AS_FACT", quote: "x" },
      ],
    };
    const report = await importRecords(t.db, researcher, file(doc), { partial: true });
    expect(report).toMatchObject({ mode: "partial", written: true, counts: { created: 2, rejected: 1 } });
    expect(await t.db.stance.count({ where: { claim: { slug: "moscow-denied-the-move" } } })).toBe(1);
  });
});

describe("many stances at once", () => {
  it("takes a passage linked twice the same way once, and refuses it linked twice differently, naming the record", async () => {
    const stance = {
      claim: "dprk-troops-number-about-10000",
      source: "import-wire-kursk",
      position: "QUALIFIES",
      mode: "REPORTED_ALLEGATION",
      quote: "Moscow denied it.",
    };
    const twice = await importRecords(t.db, importer, file({ stances: [stance, stance] }));
    expect(twice).toMatchObject({ written: true, counts: { created: 1, unchanged: 1, rejected: 0 } });
    const before = await dumpDatabase(t.db);
    const differently = await importRecords(
      t.db,
      importer,
      file({
        stances: [
          { ...stance, quote: "Kyiv said" },
          { ...stance, quote: "Kyiv said", position: "DISPUTES" },
        ],
      }),
    );
    expect(differently.records.filter((r) => r.outcome === "rejected").map((r) => [r.at, r.reason])).toEqual([
      ["stances[1]", "The file links this passage to this claim twice, reading it differently; keep one."],
    ]);
    expect(await dumpDatabase(t.db)).toEqual(before);
  });
});

describe("records written many at once", () => {
  const wire = { slug: "twin-wire", name: "Twin Wire", kind: "NEWS_WEBSITE" };
  const source = (id: string, text: string) => ({ id, title: `Twin ${id}`, outlet: "twin-wire", kind: "NEWS_REPORT", language: "en", text });

  it("refuses a record that repeats what must be unique in the file (a speaker's name, a source's text or id), naming the later one", async () => {
    const before = await dumpDatabase(t.db);
    const report = await importRecords(
      t.db,
      importer,
      file({
        outlets: [wire],
        actors: [
          { slug: "twin-a", name: "Twin officials", kind: "GOVERNMENT" },
          { slug: "twin-b", name: "Twin officials", kind: "GOVERNMENT" },
        ],
        sources: [source("twin-one", "One text, given twice."), source("twin-two", "One text, given twice."), source("twin-one", "Another text.")],
      }),
    );
    expect(report.records.filter((r) => r.outcome === "rejected").map((r) => [r.at, r.reason])).toEqual([
      ["actors[1]", 'name: A speaker named "Twin officials" is added twice.'],
      ["sources[1]", 'text: This text is given twice; the first is "Twin twin-one".'],
      // The same id twice is one source: the second record is read as a change to it, and a file gives one text of a source.
      ["sources[2]", 'text: the file gives the source "twin-one" twice with different texts; keep one.'],
    ]);
    expect(report.written).toBe(false);
    expect(await dumpDatabase(t.db)).toEqual(before);
  });

  it("creates a record the file gives twice under one key, then changes it as the second says", async () => {
    const claim = { slug: "twin-claim", text: "The twin claim, first wording.", topic: "twin-topic" };
    const report = await importRecords(
      t.db,
      importer,
      file({ topics: [{ slug: "twin-topic", name: "Twins" }], claims: [claim, { ...claim, text: "The twin claim, second wording." }] }),
    );
    expect(report.records.map((r) => [r.at, r.outcome])).toEqual([
      ["topics[0]", "created"],
      ["claims[0]", "created"],
      ["claims[1]", "updated"],
    ]);
    expect(await t.db.claim.findUniqueOrThrow({ where: { slug: "twin-claim" }, select: { text: true, version: true } })).toEqual({
      text: "The twin claim, second wording.",
      version: 2,
    });
  });

  it("records a stance under the name the same file gives its speaker, when the file renames one already stored", async () => {
    const text = "The ministry said the figure was invented.";
    const stored = { slug: "renamed-ministry", name: "The ministry", kind: "GOVERNMENT" };
    await importRecords(t.db, importer, file({ actors: [stored] }));
    const report = await importRecords(
      t.db,
      importer,
      file({
        topics: [{ slug: "rename-topic", name: "Renames" }],
        outlets: [{ slug: "rename-wire", name: "Rename Wire", kind: "NEWS_WEBSITE" }],
        actors: [{ ...stored, name: "The Ministry of Defence" }],
        sources: [{ id: "rename-source", title: "The figure", outlet: "rename-wire", kind: "NEWS_REPORT", language: "en", text }],
        claims: [{ slug: "rename-claim", text: "The figure was invented.", topic: "rename-topic" }],
        stances: [
          {
            claim: "rename-claim",
            source: "rename-source",
            position: "SUPPORTS",
            mode: "AS_FACT",
            quote: "the figure was invented",
            speaker: "renamed-ministry",
          },
        ],
      }),
    );
    expect(report.records.map((r) => [r.at, r.outcome])).toContainEqual(["actors[0]", "updated"]);
    const stance = await t.db.stance.findFirstOrThrow({
      where: { claim: { slug: "rename-claim" } },
      select: { id: true, speaker: { select: { name: true } } },
    });
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "STANCE", entityId: stance.id }, select: { changes: true } });
    expect(stance.speaker?.name).toBe("The Ministry of Defence");
    expect(JSON.parse(revision.changes).speaker).toEqual([null, "The Ministry of Defence"]);
  });
});

describe("JSONL and CSV", () => {
  it("reads one record per line, and reports a line that is not JSON", async () => {
    const lines = [
      JSON.stringify({ type: "claim", slug: "kyiv-said-it-on-friday", text: "Kyiv made its statement on a Friday.", topic: "imported-topic" }),
      "",
      JSON.stringify({
        type: "stance",
        claim: "kyiv-said-it-on-friday",
        source: "import-wire-kursk",
        position: "SUPPORTS",
        mode: "AS_FACT",
        quote: "Kyiv said on Friday",
      }),
      "{ not json",
    ].join("\n");
    const report = await importRecords(t.db, researcher, parseImportFile("more.jsonl", lines));
    expect(report.written).toBe(false);
    expect(report.records.find((r) => r.outcome === "rejected")).toMatchObject({ at: "line 4", reason: expect.stringMatching(/^not JSON/) });
    const fixed = await importRecords(t.db, researcher, parseImportFile("more.jsonl", lines.split("\n").slice(0, 3).join("\n")));
    expect(fixed.counts).toMatchObject({ created: 2, rejected: 0 });
  });

  it("reads stances against stored sources and claims from CSV, quoted fields and all", async () => {
    const csv = [
      "claim,source,position,mode,quote,speaker,note",
      'dprk-troops-number-about-10000,import-wire-kursk,DISPUTES,REPORTED_ALLEGATION,"up to 12,000 North Korean soldiers had been moved",kyiv-officials,"A higher figure, ""up to"" 12,000."',
    ].join("\r\n");
    const report = await importRecords(t.db, researcher, parseImportFile("stances.csv", csv));
    expect(report.counts).toMatchObject({ created: 1, rejected: 0 });
    const stance = await t.db.stance.findFirstOrThrow({ where: { note: { startsWith: "A higher figure" } } });
    expect(stance).toMatchObject({
      quote: "up to 12,000 North Korean soldiers had been moved",
      note: 'A higher figure, "up to" 12,000.',
      position: "DISPUTES",
    });
    expect(() => parseImportFile("bad.csv", "claim,source\nx,y")).toThrow(/missing: position, mode, quote/);
  });
});
