import type { Db } from "../database/create-client";
import { notFound } from "../errors";

/** Stances that count: neither they nor their claim retracted. */
const liveStance = { retractedAt: null, claim: { retractedAt: null } };

/** Quotes shown on an actor's page; the count of all of them is shown too. */
export const ACTOR_STANCE_LIMIT = 200;

/** What a speaker is quoted as saying, across sources, oldest source first. */
export async function getActorWithStances(db: Db, { slug }: { slug: string }) {
  const actor = await db.actor.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      description: true,
      version: true,
      stances: {
        where: liveStance,
        take: ACTOR_STANCE_LIMIT,
        orderBy: [{ source: { publishedAt: "asc" } }, { sourceId: "asc" }, { start: "asc" }],
        select: {
          id: true,
          position: true,
          mode: true,
          quote: true,
          credibility: true,
          claim: { select: { slug: true, text: true, status: true } },
          source: {
            select: { id: true, title: true, publishedAt: true, datePrecision: true, reliability: true, outlet: { select: { name: true, reliability: true } } },
          },
        },
      },
    },
  });
  if (!actor) throw notFound(`The speaker "${slug}"`);
  // Counted apart: Prisma's nested _count with the claim filter counted every speaker's stances
  // (about 1 s on 500,000 stances); this reads one speaker's through its index.
  return { ...actor, _count: { stances: await db.stance.count({ where: { speakerId: actor.id, ...liveStance } }) } };
}

export async function listActors(db: Db) {
  const actors = await db.actor.findMany({ orderBy: { name: "asc" }, take: 500, select: { id: true, slug: true, name: true, kind: true, description: true } });
  const counts = await db.stance.groupBy({ by: ["speakerId"], where: { speakerId: { in: actors.map((a) => a.id) }, ...liveStance }, _count: { _all: true } });
  const stances = new Map(counts.map((c) => [c.speakerId, c._count._all]));
  return actors.map(({ id, ...actor }) => ({ ...actor, _count: { stances: stances.get(id) ?? 0 } }));
}

/** One speaker by id, as the read API gives it (with the version a PATCH names). */
export async function getActor(db: Db, { id }: { id: string }) {
  const actor = await db.actor.findUnique({
    where: { id },
    select: { id: true, slug: true, name: true, kind: true, description: true, version: true },
  });
  if (!actor) throw notFound(`The speaker "${id}"`);
  return { ...actor, _count: { stances: await db.stance.count({ where: { speakerId: actor.id, ...liveStance } }) } };
}

export type ActorRead = Awaited<ReturnType<typeof getActor>>;

/** What the speaker's edit form starts from. */
export function getActorForEdit(db: Db, slug: string) {
  return db.actor.findUnique({ where: { slug }, select: { id: true, slug: true, version: true, name: true, kind: true, description: true } });
}

/** A speaker's id and name, or null: enough for a page's title. */
export function getActorHeading(db: Db, slug: string) {
  return db.actor.findUnique({ where: { slug }, select: { id: true, name: true } });
}
