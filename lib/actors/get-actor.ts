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
      _count: { select: { stances: { where: liveStance } } },
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
  return actor;
}

export function listActors(db: Db) {
  return db.actor.findMany({
    orderBy: { name: "asc" },
    take: 500,
    select: { slug: true, name: true, kind: true, description: true, _count: { select: { stances: { where: liveStance } } } },
  });
}

/** One speaker by id, as the read API gives it (with the version a PATCH names). */
export async function getActor(db: Db, { id }: { id: string }) {
  const actor = await db.actor.findUnique({
    where: { id },
    select: { id: true, slug: true, name: true, kind: true, description: true, version: true, _count: { select: { stances: { where: liveStance } } } },
  });
  if (!actor) throw notFound(`The speaker "${id}"`);
  return actor;
}

export type ActorRead = Awaited<ReturnType<typeof getActor>>;

/** What the speaker's edit form starts from. */
export function getActorForEdit(db: Db, slug: string) {
  return db.actor.findUnique({ where: { slug }, select: { id: true, slug: true, version: true, name: true, kind: true, description: true } });
}
