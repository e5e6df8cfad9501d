import type { Db, Tx } from "../database/create-client";
import { findByKeys } from "../database/in-chunks";
import { findByTuples } from "../database/find-by-tuples";
import { insertRows } from "../database/insert-rows";
import { runWrite, type WriteContext } from "../write/context";
import { bandKeys, compareTexts, familiesOf, shingles, signature } from "./minhash";

// Copies of one article (decision 0023). Every write that adds sources (the form, a fetched page, the
// API, an import, the seed) stores each new source's band keys, measures the stored sources sharing a
// key with it, links the copies (SourceCopy) and sets the family of every source whose family
// changed (Source.familyId, its smallest member's id): the claims quoting them are refreshed in the
// same write, since a family is one origin.

type Runner = Db | Tx;
export type FoundCopy = { id: string; title: string; outlet: string; copies: boolean; overlapA: number; overlapB: number };

/** A text's shingles and band keys, computed once. */
export function fingerprint(text: string) {
  const set = shingles(text);
  return { shingles: set, keys: bandKeys(signature(set)) };
}

/** The stored sources sharing a band key with these keys (not `except`). */
async function candidates(runner: Runner, keys: readonly number[], except: ReadonlySet<string>): Promise<string[]> {
  const rows = await runner.sourceBand.findMany({ where: { OR: keys.map((key, band) => ({ band, key })) }, select: { sourceId: true } });
  return [...new Set(rows.map((r) => r.sourceId))].filter((id) => !except.has(id));
}

/**
 * The stored sources a text may be a copy of, each measured: `overlapA` the share of this text in
 * it, `overlapB` the share of it in this text, `copies` whether both are at least COPY_OVERLAP.
 */
export async function findCopies(runner: Runner, text: string, except: readonly string[] = []): Promise<FoundCopy[]> {
  const { shingles: mine, keys } = fingerprint(text);
  const ids = await candidates(runner, keys, new Set(except));
  if (ids.length === 0) return [];
  const stored = await runner.source.findMany({
    where: { id: { in: ids } },
    select: { id: true, title: true, text: true, outlet: { select: { name: true } } },
  });
  return stored
    .map((s) => ({ id: s.id, title: s.title, outlet: s.outlet.name, ...compareTexts(mine, shingles(s.text)) }))
    .sort((a, b) => b.overlapA - a.overlapA || a.id.localeCompare(b.id));
}

/**
 * Inside the write that added these sources: their band keys, their copies linked, the families
 * changed. Each batch's keys are looked up together (by key, on the driver on SQLite): an import
 * adds 10,000 sources.
 */
export async function recordCopies(w: WriteContext, sources: readonly { id: string; text: string }[]): Promise<void> {
  const links: CopyLink[] = [];
  // 500 at a time, so that an import's 10,000 sources' shingles and keys are not all held at once.
  for (let from = 0; from < sources.length; from += SOURCES_AT_ONCE) links.push(...(await linkCopies(w, sources.slice(from, from + SOURCES_AT_ONCE))));
  if (links.length === 0) return;
  // A source given a new text (decision 0025) may be linked already, or split by an analyst: that link stays as it is.
  const linked = new Set(
    (
      await findByTuples<{ sourceAId: string; sourceBId: string }>(
        w,
        "SourceCopy",
        ["sourceAId", "sourceBId"],
        links.map((l) => [l.sourceAId, l.sourceBId]),
        { select: ["sourceAId", "sourceBId"] },
      )
    ).map((l) => `${l.sourceAId}|${l.sourceBId}`),
  );
  const fresh = links.filter((l) => !linked.has(`${l.sourceAId}|${l.sourceBId}`));
  if (fresh.length === 0) return;
  await insertRows(w, "SourceCopy", fresh);
  await refreshFamilies(w, [...new Set(fresh.flatMap((l) => [l.sourceAId, l.sourceBId]))]);
}

const SOURCES_AT_ONCE = 500;
type CopyLink = { sourceAId: string; sourceBId: string; overlapA: number; overlapB: number };

/** Stores these sources' band keys and measures each against the stored sources sharing a key (those of earlier batches too): the copy links found. */
async function linkCopies(w: WriteContext, sources: readonly { id: string; text: string }[]): Promise<CopyLink[]> {
  const prints = new Map(sources.map((s) => [s.id, fingerprint(s.text)]));
  const bands = sources.flatMap((s) => prints.get(s.id)!.keys.map((key, band) => ({ band, key, sourceId: s.id })));
  await insertRows(w, "SourceBand", bands);
  const keyOf = (band: number, key: number) => `${band}:${key}`;
  const asked = new Map(bands.map((b) => [keyOf(b.band, b.key), [b.band, b.key]]));
  const holders = new Map<string, string[]>();
  for (const row of await findByTuples<{ band: number | bigint; key: number | bigint; sourceId: string }>(
    w,
    "SourceBand",
    ["band", "key"],
    [...asked.values()],
    {
      select: ["band", "key", "sourceId"],
    },
  )) {
    const at = keyOf(Number(row.band), Number(row.key));
    holders.set(at, [...(holders.get(at) ?? []), row.sourceId]);
  }
  const candidatesOf = (id: string) => {
    const found = new Set(prints.get(id)!.keys.flatMap((key, band) => holders.get(keyOf(band, key)) ?? []));
    found.delete(id);
    return [...found];
  };
  const stored = new Map(
    (
      await findByKeys(
        sources.flatMap((s) => candidatesOf(s.id).filter((id) => !prints.has(id))),
        (chunk) => w.tx.source.findMany({ where: { id: { in: chunk } }, select: { id: true, text: true } }),
      )
    ).map((s) => [s.id, shingles(s.text)]),
  );
  const shinglesOf = (id: string) => prints.get(id)?.shingles ?? stored.get(id)!;
  const links: CopyLink[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    for (const id of candidatesOf(source.id)) {
      const [a, b] = source.id < id ? [source.id, id] : [id, source.id];
      if (seen.has(`${a} ${b}`)) continue;
      seen.add(`${a} ${b}`);
      const compared = compareTexts(shinglesOf(a), shinglesOf(b));
      if (compared.copies) links.push({ sourceAId: a, sourceBId: b, overlapA: compared.overlapA, overlapB: compared.overlapB });
    }
  }
  return links;
}

/**
 * The families of the sources linked to these, recomputed from the copy links not split, and set
 * where they changed; the claims quoting a source whose family changed are refreshed (its stances'
 * origin changed) and its page shown changed.
 */
export async function refreshFamilies(w: WriteContext, seeds: readonly string[]): Promise<void> {
  const { tx } = w;
  const members = new Set(seeds);
  const links: [string, string][] = [];
  const linked = new Set<string>();
  let frontier = [...seeds];
  while (frontier.length > 0) {
    const rows = await findByKeys(frontier, (chunk) =>
      tx.sourceCopy.findMany({
        where: { splitAt: null, OR: [{ sourceAId: { in: chunk } }, { sourceBId: { in: chunk } }] },
        select: { id: true, sourceAId: true, sourceBId: true },
      }),
    );
    const next: string[] = [];
    for (const row of rows) {
      if (linked.has(row.id)) continue;
      linked.add(row.id);
      links.push([row.sourceAId, row.sourceBId]);
      for (const id of [row.sourceAId, row.sourceBId]) {
        if (!members.has(id)) next.push(id);
        members.add(id);
      }
    }
    frontier = next;
  }
  const families = familiesOf([...members], links);
  const current = await findByKeys([...members], (chunk) => tx.source.findMany({ where: { id: { in: chunk } }, select: { id: true, familyId: true } }));
  const changed = current.filter((s) => (families.get(s.id) ?? null) !== s.familyId);
  const byFamily = new Map<string | null, string[]>();
  for (const s of changed) {
    const family = families.get(s.id) ?? null;
    byFamily.set(family, [...(byFamily.get(family) ?? []), s.id]);
  }
  for (const [familyId, ids] of byFamily) await tx.source.updateMany({ where: { id: { in: ids } }, data: { familyId } });
  // Every member's page lists its copies; only a changed family changes the claims' origins.
  for (const id of members) w.sources.add(id);
  const quoting = await findByKeys(
    changed.map((s) => s.id),
    (ids) => tx.stance.findMany({ where: { sourceId: { in: ids } }, select: { claimId: true }, distinct: ["claimId"] }),
  );
  w.touchClaims(...new Set(quoting.map((s) => s.claimId)));
}

/**
 * Sources stored before copies were looked for (a database migrated from before decision 0023)
 * get their band keys, and their copies linked, 200 at a time. `npm start` runs it after migrating;
 * on an up-to-date database it finds nothing.
 */
export async function fingerprintMigratedSources(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.source.findMany({ where: { bands: { none: {} } }, select: { id: true, text: true }, take: 200, orderBy: { id: "asc" } });
    if (batch.length === 0) return done;
    await runWrite(db, { userId: null, role: "ADMIN" }, (w) => recordCopies(w, batch), { revisions: false, timeout: 120_000 });
    done += batch.length;
  }
}
