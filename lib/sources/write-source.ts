import type { Db, Tx } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { createdFields, diffFields } from "../revisions/record";
import { assertVersion, commitVersion } from "../write/versioned";
import { SourceCreateSchema, SourceUpdateSchema, type NewOutletSchema } from "../schemas/writes";
import { defineWrite, type WriteContext } from "../write/context";
import { addOutlet } from "../outlets/write-outlet";
import { contentHash, normalizeSourceText } from "./source-text";
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

/**
 * A new source inside the caller's write. `text` is stored as given: the form and the API tidy it
 * first (normalizeSourceText), an import stores a file's text exactly, so its offsets stay true.
 * `id` is the import's own key; otherwise the database makes one.
 */
export async function addSource(w: WriteContext, data: Omit<z.output<typeof SourceCreateSchema>, "text"> & { id?: string }, text: string) {
  const { tx } = w;
  if (text.trim() === "") throw new AppError("INVALID", "text: must not be empty", "text");
  const hash = contentHash(text);
  const url = data.url ?? null;
  const duplicate = await findDuplicateSource(tx, { url, hash });
  if (duplicate) throw duplicateError(duplicate);
  if (data.id && (await tx.source.count({ where: { id: data.id } })) > 0)
    throw new AppError("CONFLICT", `A source with the id "${data.id}" already exists.`, "id");
  const outlet = await resolveOutlet(w, data.outlet);
  const fields = metadataColumns(data, outlet.id);
  const source = await tx.source.create({
    data: {
      ...(data.id ? { id: data.id } : {}),
      ...fields,
      text,
      contentHash: hash,
      authors: { create: data.authors.map((name, position) => ({ name, position })) },
    },
    select: { id: true, title: true, version: true },
  });
  await w.revise({
    entityType: "SOURCE",
    entityId: source.id,
    version: source.version,
    action: "CREATE",
    changes: createdFields({ ...withoutOutletId(fields), outlet: outlet.name, authors: data.authors.join(", "), characters: text.length }),
    sourceId: source.id,
  });
  w.sources.add(source.id);
  w.touchCounts();
  return source;
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
    return { id: source.id, version, changed: true };
  },
);

/** Revisions name the outlet, not its internal id. */
const withoutOutletId = <T extends { outletId: string }>({ outletId: _, ...rest }: T) => rest;

type OutletChoice = { id: string } | { new: z.output<typeof NewOutletSchema> };

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
