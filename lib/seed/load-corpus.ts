import type { Db } from "../database/create-client";
import { AppError } from "../errors";
import { isoPartialDate } from "../format";
import { runImport } from "../import/import";
import type { RawRecord } from "../import/parse";
import type { RecordType } from "../import/records";
import { readCorpus, type PlannedCorpus } from "./read-corpus";

export type LoadReport = Record<RecordType, { created: number; updated: number; unchanged: number }>;

/**
 * Checks a corpus file completely (readCorpus: every problem at once, every quote anchored in
 * its article), then writes it through the importer (lib/import) in one transaction. Records
 * are matched by their keys, so a second load changes nothing, and nothing researchers added to
 * seed claims and sources is removed. Curated records carry no revisions.
 */
export async function loadCorpus({ db, corpusPath }: { db: Db; corpusPath: string }): Promise<LoadReport> {
  const corpus = await readCorpus(corpusPath);
  const report = await runImport(db, { userId: null, role: "ADMIN" }, corpusRecords(corpus), { revisions: false, newTexts: "refuse" });
  const refused = report.records.filter((r) => r.outcome === "rejected");
  if (refused.length > 0) {
    throw new AppError("CONFLICT", `${corpusPath} was not loaded:\n- ${refused.map((r) => `${r.type} "${r.key}": ${r.reason}`).join("\n- ")}`);
  }
  const counts = {} as LoadReport;
  for (const r of report.records) {
    counts[r.type as RecordType] ??= { created: 0, updated: 0, unchanged: 0 };
    counts[r.type as RecordType][r.outcome as "created" | "updated" | "unchanged"] += 1;
  }
  return counts;
}

/** The corpus as import records: sources with their article texts, stances at their anchored offsets. */
function corpusRecords(corpus: PlannedCorpus): RawRecord[] {
  const at = (type: string, key: string): string => `${type} "${key}"`;
  return [
    ...corpus.topics.map((t) => ({ at: at("topic", t.slug), value: { type: "topic", ...t } })),
    ...corpus.outlets.map((o) => ({ at: at("outlet", o.slug), value: { type: "outlet", ...o } })),
    ...corpus.actors.map((a) => ({ at: at("actor", a.slug), value: { type: "actor", ...a } })),
    ...corpus.sources.map(({ file: _, contentHash: __, publishedAt, ...s }) => ({
      at: at("source", s.id),
      value: { type: "source", ...s, ...(publishedAt ? { publishedAt: isoPartialDate(publishedAt.date, publishedAt.precision) } : {}) },
    })),
    ...corpus.claims.map(({ stances: _, ...c }) => ({ at: at("claim", c.slug), value: { type: "claim", ...c } })),
    ...corpus.stances.map(({ occurrence: _, prefix: __, suffix: ___, ...s }) => ({
      at: at("stance", `${s.claim} ${s.source} ${s.start}`),
      value: { type: "stance", ...s },
    })),
    ...corpus.relations.map((r) => ({ at: at("relation", `${r.from} ${r.kind} ${r.to}`), value: { type: "relation", ...r } })),
  ];
}
