import type { Db, Tx } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { diffFields } from "../revisions/record";
import { assertVersion, commitVersion } from "../write/versioned";
import { SourceCreateSchema, SourceUpdateSchema, type NewOutletSchema } from "../schemas/writes";
import { defineWrite, type WriteContext } from "../write/context";
import { addOutlet } from "../outlets/write-outlet";
import { contentHash, normalizeSourceText } from "./source-text";
import { findByKeys } from "../database/in-chunks";
import { findByTuples } from "../database/find-by-tuples";
import { insertRows } from "../database/insert-rows";
import { recordCopies } from "../families/find-copies";
import { checkEach, joinEach, only, refused, thenEach, written, type Outcome } from "../write/outcome";
import type { z } from "zod";

export type DuplicateSource = { id: string; title: string; matchedOn: "url" | "text" };

/** The stored source with this URL or this exact text, if there is one. */
export async function findDuplicateSource(
  db: Db | Tx,
  { url, text, hash }: { url?: string | null; text?: string; hash?: string },
): Promise<DuplicateSource | null> {
  if (url) {
    const byUrl = await db.source.findUnique({ where: { url }, select: { id: true, title: true } });
    if (byUrl) return { ...byUrl, matchedOn: "url" };
  }
  // A text as a user gives it is tidied as it will be stored; `hash` is of a text stored exactly (an import's).
  const textHash = hash ?? (text !== undefined ? contentHash(normalizeSourceText(text)) : undefined);
  if (textHash) {
    const byText = await db.source.findUnique({ where: { contentHash: textHash }, select: { id: true, title: true } });
    if (byText) return { ...byText, matchedOn: "text" };
  }
  return null;
}

export function duplicateError(duplicate: DuplicateSource): AppError {
  const what = duplicate.matchedOn === "url" ? "This address" : "This text";
  return new AppError("CONFLICT", `${what} is already in Corroborate, as "${duplicate.title}".`, duplicate.matchedOn, { duplicate });
}

type SourceMetadataInput = z.output<typeof SourceUpdateSchema>;

/** A source's metadata columns from a parsed form; the outlet already resolved. */
function metadataColumns(data: Omit<SourceMetadataInput, "id" | "version" | "reason">, outletId: string) {
  return {
    title: data.title,
    outletId,
    url: data.url ?? null,
    publishedAt: data.published?.date ?? null,
    datePrecision: data.published?.precision ?? null,
    kind: data.kind,
    language: data.language,
    metadataNote: data.metadataNote,
  };
}

type NewSource = Omit<z.output<typeof SourceCreateSchema>, "text"> & { id?: string };
export type AddedSource = { id: string; title: string; version: number };

/**
 * A new source inside the caller's write. `text` is stored as given: the form and the API tidy it
 * first (normalizeSourceText), an import stores a file's text exactly, so its offsets stay true.
 * `id` is the import's own key; otherwise one is made.
 */
export async function addSource(w: WriteContext, data: NewSource, text: string): Promise<AddedSource> {
  return only(await addSources(w, [{ data, text }]));
}

/**
 * New sources, many at once (an import) or one: a text or address already stored, or given twice,
 * is refused (as is an id already taken); each gets its row, its authors and its revision.
 */
export async function addSources(w: WriteContext, items: readonly { data: NewSource; text: string }[]): Promise<Outcome<AddedSource>[]> {
  const hashed = checkEach(items, ({ data, text }) => {
    if (text.trim() === "") throw new AppError("INVALID", "text: must not be empty", "text");
    return { data, text, hash: contentHash(text), url: data.url ?? null };
  });
  const good = hashed.flatMap((o) => (o.ok ? [o.value] : []));
  // By each unique index, a seek a key: an import checks thousands.
  type Found = { id: string; title: string; url: string | null; contentHash: string };
  const by = (column: "url" | "contentHash" | "id", keys: string[]) =>
    findByTuples<Found>(
      w,
      "Source",
      [column],
      keys.map((key) => [key]),
      { select: ["id", "title", "url", "contentHash"] },
    );
  const byUrl = await by(
    "url",
    good.flatMap((g) => (g.url ? [g.url] : [])),
  );
  const byText = await by(
    "contentHash",
    good.map((g) => g.hash),
  );
  const byId = await by(
    "id",
    good.flatMap((g) => (g.data.id ? [g.data.id] : [])),
  );
  // What is stored, and what the items before have claimed: an item with the same address, text or id is refused.
  type Claimed = { id: string; title: string; stored: boolean };
  const urls = new Map<string, Claimed>(byUrl.map((s) => [s.url!, { id: s.id, title: s.title, stored: true }]));
  const texts = new Map<string, Claimed>(byText.map((s) => [s.contentHash, { id: s.id, title: s.title, stored: true }]));
  const ids = new Map<string, Claimed>(byId.map((s) => [s.id, { id: s.id, title: "", stored: true }]));
  const unique = hashed.map((outcome) => {
    if (!outcome.ok) return outcome;
    const item = outcome.value;
    const matchedOn = item.url && urls.has(item.url) ? "url" : "text";
    const same = matchedOn === "url" ? urls.get(item.url!) : texts.get(item.hash);
    if (same?.stored) return refused<typeof item>(duplicateError({ id: same.id, title: same.title, matchedOn }));
    if (same)
      return refused<typeof item>(
        new AppError("CONFLICT", `This ${matchedOn === "url" ? "address" : "text"} is given twice; the first is "${same.title}".`, matchedOn),
      );
    const sameId = item.data.id ? ids.get(item.data.id) : undefined;
    if (sameId)
      return refused<typeof item>(
        new AppError("CONFLICT", `A source with the id "${item.data.id}" ${sameId.stored ? "already exists" : "is given twice"}.`, "id"),
      );
    const claimed: Claimed = { id: item.data.id ?? "", title: item.data.title, stored: false };
    if (item.url) urls.set(item.url, claimed);
    texts.set(item.hash, claimed);
    if (item.data.id) ids.set(item.data.id, claimed);
    return outcome;
  });
  return thenEach(unique, async (ready) => {
    const outlets = await resolveOutlets(
      w,
      ready.map((r) => r.data.outlet),
    );
    return thenEach(
      joinEach(ready, outlets, (r, outlet) => ({ ...r, outlet })),
      async (placed) => {
        const rows = await insertRows(
          w,
          "Source",
          placed.map((p) => ({ ...(p.data.id ? { id: p.data.id } : {}), ...metadataColumns(p.data, p.outlet.id), text: p.text, contentHash: p.hash })),
        );
        await insertRows(
          w,
          "SourceAuthor",
          placed.flatMap((p, i) => p.data.authors.map((name, position) => ({ sourceId: rows[i]!.id, name, position }))),
        );
        await w.reviseCreated("SOURCE", rows, (i) => {
          const p = placed[i]!;
          const fields = {
            ...withoutOutletId(metadataColumns(p.data, p.outlet.id)),
            outlet: p.outlet.name,
            authors: p.data.authors.join(", "),
            characters: p.text.length,
          };
          return { fields, sourceId: rows[i]!.id };
        });
        for (const row of rows) w.sources.add(row.id);
        // Copies of one article are one family, and one origin (decision 0023).
        await recordCopies(
          w,
          rows.map((row, i) => ({ id: row.id, text: placed[i]!.text })),
        );
        if (rows.length > 0) w.touchCounts();
        return rows.map((row) => written({ id: row.id, title: row.title, version: 1 }));
      },
    );
  });
}

/** Adds a source: its text stored verbatim (normalized line endings), never a second copy of one already stored. */
export const createSource = defineWrite(
  {
    role: "RESEARCHER",
    doing: "add sources",
    input: SourceCreateSchema,
    duplicate: { message: "Someone has just added a source with this address or text.", field: "text" },
  },
  (w, data) => addSource(w, data, normalizeSourceText(data.text)),
);

/** Edits a source's metadata (never its text: stances point into it). Refused if someone saved in between. */
export const updateSource = defineWrite(
  { role: "RESEARCHER", doing: "edit sources", input: SourceUpdateSchema, duplicate: { message: "Another source already has this address.", field: "url" } },
  async (w, data) => {
    const { tx } = w;
    const target = { entityType: "SOURCE", noun: "source", id: data.id, expected: data.version } as const;
    const source = await tx.source.findUnique({
      where: { id: data.id },
      include: { authors: { orderBy: { position: "asc" } }, outlet: { select: { name: true } } },
    });
    if (!source) throw notFound("The source");
    await assertVersion(tx, target, source);
    if (data.url && data.url !== source.url) {
      const duplicate = await findDuplicateSource(tx, { url: data.url });
      if (duplicate) throw duplicateError(duplicate);
    }
    const outlet = await resolveOutlet(w, data.outlet);
    const wanted = metadataColumns(data, outlet.id);
    const changes = diffFields(
      { ...withoutOutletId(source), outlet: source.outlet.name, authors: source.authors.map((a) => a.name).join(", ") },
      { ...withoutOutletId(wanted), outlet: outlet.name, authors: data.authors.join(", ") },
    );
    if (Object.keys(changes).length === 0) return { id: source.id, version: source.version, changed: false };
    const version = await commitVersion(w, target, (where) => tx.source.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
      action: "UPDATE",
      changes,
      reason: data.reason,
      sourceId: source.id,
    });
    if (changes.authors) {
      await tx.sourceAuthor.deleteMany({ where: { sourceId: source.id } });
      await tx.sourceAuthor.createMany({ data: data.authors.map((name, position) => ({ sourceId: source.id, name, position })) });
    }
    w.sources.add(source.id);
    w.notify({ kind: "SOURCE", summary: `Source details changed: ${Object.keys(changes).join(", ")}`, sourceId: source.id });
    // The claims quoting it show its details, and count its date and outlet (first seen, origins).
    await w.touchClaimsQuoting({ sourceId: source.id });
    return { id: source.id, version, changed: true };
  },
);

/** Revisions name the outlet, not its internal id. */
const withoutOutletId = <T extends { outletId: string }>({ outletId: _, ...rest }: T) => rest;

type OutletChoice = { id: string } | { new: z.output<typeof NewOutletSchema> };

/** The chosen outlets, many at once: those chosen by id looked up together, the rest one by one (resolveOutlet). */
async function resolveOutlets(w: WriteContext, choices: readonly OutletChoice[]): Promise<Outcome<{ id: string; name: string }>[]> {
  const byId = new Map(
    (
      await findByKeys(
        choices.flatMap((c) => ("id" in c ? [c.id] : [])),
        (ids) => w.tx.outlet.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
      )
    ).map((o) => [o.id, o]),
  );
  const outcomes: Outcome<{ id: string; name: string }>[] = [];
  for (const choice of choices) {
    if ("id" in choice) {
      const outlet = byId.get(choice.id);
      outcomes.push(outlet ? written(outlet) : refused(unknownReference("outlet", "The chosen outlet")));
    } else {
      try {
        outcomes.push(written(await resolveOutlet(w, choice)));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcomes.push(refused(error));
      }
    }
  }
  return outcomes;
}

/** The chosen outlet; a new outlet is created, or the existing one of the same name reused. */
export async function resolveOutlet(w: WriteContext, choice: OutletChoice): Promise<{ id: string; name: string }> {
  const { tx } = w;
  const select = { id: true, name: true } as const;
  if ("id" in choice) {
    const outlet = await tx.outlet.findUnique({ where: { id: choice.id }, select });
    if (!outlet) throw unknownReference("outlet", "The chosen outlet");
    return outlet;
  }
  const sameName = await tx.outlet.findUnique({ where: { name: choice.new.name }, select });
  if (sameName) return sameName;
  return addOutlet(w, choice.new);
}
