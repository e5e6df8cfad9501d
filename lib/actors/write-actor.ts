import type { z } from "zod";
import { AppError, notFound, unknownReference } from "../errors";
import { createdFields, diffFields } from "../revisions/record";
import { assertVersion, commitVersion } from "../write/versioned";
import { ActorUpdateSchema, NewActorSchema } from "../schemas/writes";
import { newSlug } from "../slug";
import { defineWrite, type WriteContext } from "../write/context";

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

/** A new speaker; `slug` is the import's own key, otherwise one is made from the name. */
export async function addActor(w: WriteContext, data: z.output<typeof NewActorSchema>) {
  const { tx } = w;
  const { slug: given, ...fields } = data;
  const slug = await newSlug(given, fields.name, async (s) => (await tx.actor.count({ where: { slug: s } })) > 0, "A speaker");
  const actor = await tx.actor.create({ data: { ...fields, slug }, select: { id: true, name: true, version: true } });
  await w.revise({ entityType: "ACTOR", entityId: actor.id, version: actor.version, action: "CREATE", changes: createdFields({ slug, ...fields }) });
  w.actors.add(actor.id);
  w.touchCounts();
  return actor;
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
    const existing = await w.tx.actor.findFirst({ where: { name: data.name }, select: { id: true, slug: true } });
    if (existing) throw new AppError("CONFLICT", `A speaker named "${data.name}" already exists.`, "name", { existing });
    const speaker = await addActor(w, data);
    return w.tx.actor.findUniqueOrThrow({
      where: { id: speaker.id },
      select: { id: true, slug: true, name: true, kind: true, description: true, version: true },
    });
  },
);

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
  return { slug: current.slug, version, changed: true };
});
