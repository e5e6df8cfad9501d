import type { Db, Tx } from "../database/create-client";
import { isUniqueViolation } from "../database/unique-violation";
import { AppError, notFound, unknownReference } from "../errors";
import { authorize, type CurrentUser } from "../auth/roles";
import { createdFields, diffFields, recordRevision } from "../revisions/record";
import { assertVersion, commitVersion } from "../revisions/versioned";
import { parseInput } from "../schemas/parse-input";
import { SourceCreateSchema, SourceUpdateSchema, type NewOutletSchema } from "../schemas/writes";
import { slugify, uniqueSlug } from "../slug";
import { refreshCorpusCounts } from "../stats/refresh-corpus-counts";
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

/** Adds a source: its text stored verbatim (normalised line endings), never a second copy of one already stored. */
export async function createSource(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "add sources");
  const data = parseInput(SourceCreateSchema, input);
  const text = normalizeSourceText(data.text);
  const url = data.url ?? null;
  try {
    return await db.$transaction(async (tx) => {
      const duplicate = await findDuplicateSource(tx, { url, text });
      if (duplicate) throw duplicateError(duplicate);
      const outlet = await resolveOutlet(tx, data.outlet);
      const fields = metadataColumns(data, outlet.id);
      const source = await tx.source.create({
        data: { ...fields, text, contentHash: contentHash(text), authors: { create: data.authors.map((name, position) => ({ name, position })) } },
        select: { id: true, title: true, version: true },
      });
      await recordRevision(tx, {
        entityType: "SOURCE",
        entityId: source.id,
        version: source.version,
        action: "CREATE",
        changes: createdFields({ ...withoutOutletId(fields), outlet: outlet.name, authors: data.authors.join(", "), characters: text.length }),
        sourceId: source.id,
        userId: actor.id,
      });
      await refreshCorpusCounts(tx);
      return source;
    });
  } catch (error) {
    // Two people adding the same article at once: the database's unique keys decide.
    if (isUniqueViolation(error)) {
      const duplicate = await findDuplicateSource(db, { url, text });
      if (duplicate) throw duplicateError(duplicate);
    }
    throw error;
  }
}

/** Edits a source's metadata (never its text: stances point into it). Refused if someone saved in between. */
export async function updateSource(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "edit sources");
  const data = parseInput(SourceUpdateSchema, input);
  const target = { entityType: "SOURCE", noun: "source", id: data.id, expected: data.version } as const;
  try {
    return await db.$transaction(async (tx) => {
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
      const outlet = await resolveOutlet(tx, data.outlet);
      const wanted = metadataColumns(data, outlet.id);
      const changes = diffFields(
        { ...withoutOutletId(source), outlet: source.outlet.name, authors: source.authors.map((a) => a.name).join(", ") },
        { ...withoutOutletId(wanted), outlet: outlet.name, authors: data.authors.join(", ") },
      );
      if (Object.keys(changes).length === 0) return { id: source.id, version: source.version, changed: false };
      const version = await commitVersion(tx, target, (where) => tx.source.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
        action: "UPDATE",
        changes,
        reason: data.reason,
        sourceId: source.id,
        userId: actor.id,
      });
      if (changes.authors) {
        await tx.sourceAuthor.deleteMany({ where: { sourceId: source.id } });
        await tx.sourceAuthor.createMany({ data: data.authors.map((name, position) => ({ sourceId: source.id, name, position })) });
      }
      return { id: source.id, version, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Another source already has this address.", "url");
    throw error;
  }
}

/** Revisions name the outlet, not its internal id. */
const withoutOutletId = <T extends { outletId: string }>({ outletId: _, ...rest }: T) => rest;

type OutletChoice = { id: string } | { new: z.output<typeof NewOutletSchema> };

/** The chosen outlet; a new outlet is created, or the existing one of the same name reused. */
export async function resolveOutlet(tx: Tx, choice: OutletChoice): Promise<{ id: string; name: string }> {
  const select = { id: true, name: true } as const;
  if ("id" in choice) {
    const outlet = await tx.outlet.findUnique({ where: { id: choice.id }, select });
    if (!outlet) throw unknownReference("outlet", "The chosen outlet");
    return outlet;
  }
  const sameName = await tx.outlet.findUnique({ where: { name: choice.new.name }, select });
  if (sameName) return sameName;
  const slug = await uniqueSlug(slugify(choice.new.name), async (s) => (await tx.outlet.count({ where: { slug: s } })) > 0);
  return tx.outlet.create({ data: { ...choice.new, slug }, select });
}
