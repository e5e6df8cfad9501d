import type { Db } from "./database/create-client";

// The options the forms' pickers offer, by name. The speaker picker lists at most 2,000 (a larger
// corpus needs a search there).

export const SPEAKER_CHOICES_LIMIT = 2_000;

export function listSpeakerChoices(db: Db) {
  return db.actor.findMany({ orderBy: { name: "asc" }, take: SPEAKER_CHOICES_LIMIT, select: { id: true, name: true } });
}

export function listTopicChoices(db: Db) {
  return db.topic.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export function listOutletChoices(db: Db) {
  return db.outlet.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
