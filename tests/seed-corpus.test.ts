import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../lib/seed/load-corpus";
import { dumpDatabase, freshDatabase, type TestDb } from "./helpers/test-db";

const seeds = resolve(import.meta.dirname, "../seeds");
const corpusPath = join(seeds, "corpus.json");

/** A copy of the seeds folder whose corpus (and optionally an article) a test may change. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests edit the file's JSON freely, wrong values included
function editedSeeds(edit: (corpus: any) => void, articleEdit?: { file: string; text: (t: string) => string }) {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  cpSync(seeds, dir, { recursive: true });
  const corpus = JSON.parse(readFileSync(corpusPath, "utf8"));
  edit(corpus);
  writeFileSync(join(dir, "corpus.json"), JSON.stringify(corpus));
  if (articleEdit) {
    const path = join(dir, articleEdit.file);
    writeFileSync(path, articleEdit.text(readFileSync(path, "utf8")));
  }
  return join(dir, "corpus.json");
}

let t: TestDb;
beforeEach(async () => {
  t = await freshDatabase();
});
afterEach(async () => {
  await t.drop();
});

describe("the seed corpus", () => {
  it("has at least 25 claims, 8 contested ones and 4 claims from every article", async () => {
    await loadCorpus({ db: t.db, corpusPath });
    const claims = await t.db.claim.findMany({ select: { slug: true, status: true, stances: { select: { sourceId: true } } } });
    expect(claims.length).toBeGreaterThanOrEqual(25);
    expect(claims.filter((c) => c.status === "CONTESTED").length).toBeGreaterThanOrEqual(8);

    const sources = await t.db.source.findMany({ select: { id: true, stances: { select: { claimId: true } } } });
    expect(sources).toHaveLength(5);
    for (const source of sources) {
      expect(new Set(source.stances.map((s) => s.claimId)).size, source.id).toBeGreaterThanOrEqual(4);
    }
  });

  it("keeps the home page's stored counts equal to the real counts", async () => {
    await loadCorpus({ db: t.db, corpusPath });
    const stored = await t.db.corpusCounts.findUniqueOrThrow({ where: { id: 1 } });
    expect(stored).toMatchObject({
      claims: await t.db.claim.count(),
      contested: await t.db.claim.count({ where: { status: "CONTESTED" } }),
      sources: 5,
      stances: await t.db.stance.count(),
      actors: await t.db.actor.count(),
    });
  });

  it("stores every quote verbatim at its offsets in the article text", async () => {
    await loadCorpus({ db: t.db, corpusPath });
    const stances = await t.db.stance.findMany({ include: { source: { select: { text: true } } } });
    expect(stances.length).toBeGreaterThan(100);
    for (const s of stances) {
      expect(s.source.text.slice(s.start, s.end)).toBe(s.quote);
      expect(s.source.text.slice(0, s.start).endsWith(s.prefix)).toBe(true);
      expect(s.source.text.slice(s.end).startsWith(s.suffix)).toBe(true);
    }
  });

  it("records who speaks apart from who publishes", async () => {
    await loadCorpus({ db: t.db, corpusPath });
    const pentagon = await t.db.stance.findMany({
      where: { speaker: { slug: "pentagon" } },
      select: { source: { select: { outlet: { select: { name: true } } } } },
    });
    expect(pentagon.length).toBeGreaterThan(0);
    expect(new Set(pentagon.map((s) => s.source.outlet.name))).toEqual(new Set(["HP McLovincraft's blog"]));
  });

  it("gives the same database when loaded twice, down to every timestamp", async () => {
    await loadCorpus({ db: t.db, corpusPath });
    const first = await dumpDatabase(t.db);
    const report = await loadCorpus({ db: t.db, corpusPath });
    expect(await dumpDatabase(t.db)).toEqual(first);
    expect(Object.values(report).every((tally) => tally.created + tally.updated === 0)).toBe(true);
    expect(report.stance.unchanged).toBe(await t.db.stance.count());
  });

  it("refuses a quote that is not in its article, naming it, and writes nothing", async () => {
    const path = editedSeeds((c) => {
      c.claims[0].stances[0].quote = "some 12,000 North Korean troops";
    });
    await expect(loadCorpus({ db: t.db, corpusPath: path })).rejects.toThrow(
      /claims "dprk-troops-deployed-to-russia" stances\[0\].*not in the source text: "some 12,000 North Korean troops"/,
    );
    expect(await t.db.claim.count()).toBe(0);
    expect(await t.db.source.count()).toBe(0);
  });

  it("lists every problem of a bad file at once: unknown speaker, topic and relation end", async () => {
    const path = editedSeeds((c) => {
      c.claims[1].stances[0].speaker = "nobody-we-know";
      c.claims[2].topic = "no-such-topic";
      c.relations.push({ from: "dprk-troops-in-combat", to: "no-such-claim", kind: "CONTRADICTS" });
    });
    const error = await loadCorpus({ db: t.db, corpusPath: path }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/unknown speaker "nobody-we-know"/);
    expect((error as Error).message).toMatch(/unknown topic "no-such-topic"/);
    expect((error as Error).message).toMatch(/unknown claim "no-such-claim"/);
  });

  it("names the field when the file does not match the format", async () => {
    const path = editedSeeds((c) => {
      c.claims[0].stances[0].position = "AGREES";
      c.sources[0].publishedAt = "2024-13";
    });
    const message = await loadCorpus({ db: t.db, corpusPath: path }).catch((e: Error) => e.message);
    expect(message).toMatch(/claims\.0\.stances\.0\.position/);
    expect(message).toMatch(/sources\.0\.publishedAt: must be YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it("says so when the corpus is not JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corpus-"));
    writeFileSync(join(dir, "corpus.json"), "{ not json");
    await expect(loadCorpus({ db: t.db, corpusPath: join(dir, "corpus.json") })).rejects.toThrow(/is not valid JSON/);
  });

  it("refuses to change an article's text under its stances, and rolls back everything else", async () => {
    await loadCorpus({ db: t.db, corpusPath });
    const before = await dumpDatabase(t.db);
    const path = editedSeeds(
      (c) => {
        c.outlets.push({ slug: "new-outlet", name: "A new outlet", kind: "NEWSPAPER" });
        c.actors[0].name = "Renamed in the same load";
      },
      // The edit leaves every quote in place, so only the text-change rule can refuse it.
      { file: "articles/000_ae04f69023b7a511.txt", text: (text) => `${text}\nA correction appended later.` },
    );
    await expect(loadCorpus({ db: t.db, corpusPath: path })).rejects.toThrow(/differs from the stored text/);
    expect(await dumpDatabase(t.db)).toEqual(before);
  });
});
