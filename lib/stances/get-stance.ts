import type { Db } from "../database/create-client";
import { notFound } from "../errors";
import { stanceFieldsSelect } from "../claims/selects";

/** One stance by id, retracted or not, as the read API gives it (with the version a PATCH names). */
export async function getStance(db: Db, { id }: { id: string }) {
  const stance = await db.stance.findUnique({
    where: { id },
    select: {
      ...stanceFieldsSelect,
      credibility: true,
      speaker: { select: { slug: true, name: true } },
      claim: { select: { slug: true, text: true } },
      source: { select: { id: true, title: true, outlet: { select: { name: true } } } },
    },
  });
  if (!stance) throw notFound(`The stance "${id}"`);
  return stance;
}

export type StanceRead = Awaited<ReturnType<typeof getStance>>;

/** What the stance's edit form starts from. */
export function getStanceForEdit(db: Db, id: string) {
  return db.stance.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      position: true,
      mode: true,
      speakerId: true,
      note: true,
      quote: true,
      retractedAt: true,
      claim: { select: { slug: true, text: true } },
      source: { select: { id: true, title: true } },
    },
  });
}
