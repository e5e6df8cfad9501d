import type { z } from "zod";
import { AppError, notFound, unknownReference } from "../errors";
import { diffFields } from "../revisions/record";
import { assertVersion, commitVersion } from "../write/versioned";
import { ActorUpdateSchema, NewActorSchema } from "../schemas/writes";
import { newSlugs } from "../slug";
import { findByKeys } from "../database/in-chunks";
import { takenValues } from "../database/find-by-tuples";
import { insertRows } from "../database/insert-rows";
import { parseInput } from "../schemas/parse-input";
import { checkEach, only, refused, thenEach, written, type Outcome } from "../write/outcome";
import { authorizeWriter, defineWrite, type WriteContext } from "../write/context";

type SpeakerChoice = { id: string } | { new: z.output<typeof NewActorSchema> } | null;

/**
 * The speaker (null: the source's own voice). A new speaker is created, unless
 * an actor of exactly that name exists, which is reused rather than doubled.
 */
export async function resolveSpeaker(w: WriteContext, choice: SpeakerChoice, field = "speaker"): Promise<{ id: string; name: string } | null> {
  const { tx } = w;
  if (choice === null) return null;
  if ("id" in choice) {
    const actor = await tx.actor.findUnique({ where: { id: choice.id }, select: { id: true, name: true } });
    if (!actor) throw unknownReference(field, "The chosen speaker");
    return actor;
  }
  const sameName = await tx.actor.findFirst({ where: { name: choice.new.name }, select: { id: true, name: true } });
  if (sameName) return sameName;
  return addActor(w, choice.new);
}

type NewActor = z.output<typeof NewActorSchema>;
export type AddedActor = { id: string; slug: string; name: string; version: number };

/** A new speaker; `slug` is the import's own key, otherwise one is made from the name. */
export async function addActor(w: WriteContext, data: NewActor): Promise<AddedActor> {
  return only(await addActors(w, [data]));
}

/**
 * New speakers, many at once (an import) or one: each gets its slug (newSlugs), its row and its
 * revision; the rows go in as one statement.
 */
export async function addActors(w: WriteContext, items: readonly NewActor[]): Promise<Outcome<AddedActor>[]> {
  const slugs = await newSlugs(items, (candidates) => takenValues(w, "Actor", "slug", candidates), "A speaker");
  const outcomes: Outcome<AddedActor>[] = [];
  const ready = items.flatMap(({ slug: _, ...fields }, at) => {
    const slug = slugs[at]!;
    if (slug instanceof AppError) return ((outcomes[at] = refused(slug)), []);
    return [{ at, slug, fields }];
  });
  const rows = await insertRows(
    w,
    "Actor",
    ready.map(({ slug, fields }) => ({
      slug,
      name: fields.name,
      kind: fields.kind,
      description: fields.description ?? null,
      unnamed: fields.unnamed ?? false,
    })),
  );
  await w.reviseCreated("ACTOR", rows, (i) => ({ fields: { slug: ready[i]!.slug, ...ready[i]!.fields } }));
  for (const [i, { at, slug, fields }] of ready.entries()) {
    w.actors.add(rows[i]!.id);
    outcomes[at] = written({ id: rows[i]!.id, slug, name: fields.name, version: 1 });
  }
  if (ready.length > 0) w.touchCounts();
  return outcomes;
}

/** A speaker of exactly that name is a CONFLICT naming the existing one (or the item before it), so a client can use its id. */
async function refuseTakenNames(w: WriteContext, items: readonly NewActor[]): Promise<(AppError | null)[]> {
  const stored = new Map(
    (
      await findByKeys(
        items.map((i) => i.name),
        (names) => w.tx.actor.findMany({ where: { name: { in: names } }, select: { id: true, slug: true, name: true } }),
      )
    ).map((a) => [a.name, a]),
  );
  const seen = new Set<string>();
  return items.map(({ name }) => {
    const existing = stored.get(name);
    if (existing) return new AppError("CONFLICT", `A speaker named "${name}" already exists.`, "name", { existing: { id: existing.id, slug: existing.slug } });
    if (seen.has(name)) return new AppError("CONFLICT", `A speaker named "${name}" is added twice.`, "name");
    seen.add(name);
    return null;
  });
}

/**
 * Adds a speaker on its own (the write API; the tagging panel adds them with a stance, where a
 * speaker of exactly that name is reused). A speaker of exactly that name is a CONFLICT naming
 * the existing one, so a client can use its id.
 */
export const createActor = defineWrite(
  {
    role: "RESEARCHER",
    doing: "add speakers",
    input: NewActorSchema,
    duplicate: { message: "A speaker of that name was added at the same moment.", field: "name" },
  },
  async (w, data) => {
    const speaker = only(await addNamedActors(w, [data]));
    return w.tx.actor.findUniqueOrThrow({
      where: { id: speaker.id },
      select: { id: true, slug: true, name: true, kind: true, description: true, version: true },
    });
  },
);

/** Many speakers inside an open write (an import): createActor's role check, schema and rules, item by item. */
export async function createActors(w: WriteContext, inputs: readonly unknown[]): Promise<Outcome<AddedActor>[]> {
  authorizeWriter(w.writer, "RESEARCHER", "add speakers");
  return thenEach(
    checkEach(inputs, (input) => parseInput(NewActorSchema, input)),
    (items) => addNamedActors(w, items),
  );
}

/** addActors, refusing a name already stored. */
async function addNamedActors(w: WriteContext, items: readonly NewActor[]): Promise<Outcome<AddedActor>[]> {
  const taken = await refuseTakenNames(w, items);
  return thenEach(
    items.map((data, at) => (taken[at] ? refused<NewActor>(taken[at]) : written(data))),
    (free) => addActors(w, free),
  );
}
/** Edits a speaker's name, kind or description (and, from an import, whether it is unnamed); refused if someone saved in between. */
export const updateActor = defineWrite({ role: "RESEARCHER", doing: "edit speakers", input: ActorUpdateSchema }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "ACTOR", noun: "speaker", id: data.id, expected: data.version } as const;
  const current = await tx.actor.findUnique({ where: { id: data.id } });
  if (!current) throw notFound("The speaker");
  await assertVersion(tx, target, current);
  const wanted = { name: data.name, kind: data.kind, description: data.description, ...(data.unnamed === undefined ? {} : { unnamed: data.unnamed }) };
  const changes = diffFields(current, wanted);
  if (Object.keys(changes).length === 0) return { slug: current.slug, version: current.version, changed: false };
  const version = await commitVersion(w, target, (where) => tx.actor.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
    action: "UPDATE",
    changes,
    reason: data.reason,
  });
  w.actors.add(current.id);
  // Its name labels the origins of the claims quoting it, and whether it is unnamed decides them.
  if (changes.name || changes.unnamed) await w.touchClaimsQuoting({ speakerId: current.id });
  return { slug: current.slug, version, changed: true };
});
