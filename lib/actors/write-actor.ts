import type { Db, Tx } from "../database/create-client";
import { AppError, notFound, unknownReference } from "../errors";
import { authorize, type CurrentUser } from "../auth/roles";
import { createdFields, diffFields, recordRevision } from "../revisions/record";
import { assertVersion, commitVersion } from "../revisions/versioned";
import { parseInput } from "../schemas/parse-input";
import { ActorUpdateSchema, NewActorSchema } from "../schemas/writes";
import { slugify, uniqueSlug } from "../slug";
import type { z } from "zod";

type SpeakerChoice = { id: string } | { new: z.output<typeof NewActorSchema> } | null;

/**
 * The speaker (null: the source's own voice). A new speaker is created, unless
 * an actor of exactly that name exists, which is reused rather than doubled.
 */
export async function resolveSpeaker(tx: Tx, choice: SpeakerChoice, userId: string, field = "speaker"): Promise<{ id: string; name: string } | null> {
  if (choice === null) return null;
  if ("id" in choice) {
    const actor = await tx.actor.findUnique({ where: { id: choice.id }, select: { id: true, name: true } });
    if (!actor) throw unknownReference(field, "The chosen speaker");
    return actor;
  }
  const sameName = await tx.actor.findFirst({ where: { name: choice.new.name }, select: { id: true, name: true } });
  if (sameName) return sameName;
  const slug = await uniqueSlug(slugify(choice.new.name), async (s) => (await tx.actor.count({ where: { slug: s } })) > 0);
  const actor = await tx.actor.create({ data: { ...choice.new, slug }, select: { id: true, name: true, version: true } });
  await recordRevision(tx, {
    entityType: "ACTOR",
    entityId: actor.id,
    version: actor.version,
    action: "CREATE",
    changes: createdFields({ slug, ...choice.new }),
    userId,
  });
  return actor;
}

/**
 * Adds a speaker on its own (the write API; the tagging panel adds them with a stance, where a
 * speaker of exactly that name is reused). A speaker of exactly that name is a CONFLICT naming
 * the existing one, so a client can use its id.
 */
export async function createActor(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "add speakers");
  const data = parseInput(NewActorSchema, input);
  return db.$transaction(async (tx) => {
    const existing = await tx.actor.findFirst({ where: { name: data.name }, select: { id: true, slug: true } });
    if (existing) throw new AppError("CONFLICT", `A speaker named "${data.name}" already exists.`, "name", { existing });
    const speaker = (await resolveSpeaker(tx, { new: data }, actor.id))!;
    return tx.actor.findUniqueOrThrow({ where: { id: speaker.id }, select: { id: true, slug: true, name: true, kind: true, description: true, version: true } });
  });
}

/** Edits a speaker's name, kind or description; refused if someone saved in between. */
export async function updateActor(db: Db, user: CurrentUser | null, input: unknown) {
  const actor = authorize(user, "RESEARCHER", "edit speakers");
  const data = parseInput(ActorUpdateSchema, input);
  const target = { entityType: "ACTOR", noun: "speaker", id: data.id, expected: data.version } as const;
  return db.$transaction(async (tx) => {
    const current = await tx.actor.findUnique({ where: { id: data.id } });
    if (!current) throw notFound("The speaker");
    await assertVersion(tx, target, current);
    const wanted = { name: data.name, kind: data.kind, description: data.description };
    const changes = diffFields(current, wanted);
    if (Object.keys(changes).length === 0) return { slug: current.slug, version: current.version, changed: false };
    const version = await commitVersion(tx, target, (where) => tx.actor.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
      action: "UPDATE",
      changes,
      reason: data.reason,
      userId: actor.id,
    });
    return { slug: current.slug, version, changed: true };
  });
}
