import { TextSchema, SlugSchema } from "../schemas/common";
import { z } from "zod";
import { defineWrite } from "../write/context";

export const TopicSaveSchema = z.strictObject({ slug: SlugSchema, name: TextSchema(200) });

/** Adds a topic by its slug, or renames the stored one (topics come from the seed and imports). */
export const saveTopic = defineWrite({ role: "RESEARCHER", doing: "add topics", input: TopicSaveSchema }, async (w, data) => {
  const { tx } = w;
  const stored = await tx.topic.findUnique({ where: { slug: data.slug } });
  if (!stored) return { id: (await tx.topic.create({ data: { slug: data.slug, name: data.name }, select: { id: true } })).id, outcome: "created" as const };
  if (stored.name === data.name) return { id: stored.id, outcome: "unchanged" as const };
  await tx.topic.update({ where: { id: stored.id }, data: { name: data.name } });
  // Its name shows on its claims' pages and in the lists.
  w.topics.add(stored.id);
  w.showClaims(...(await tx.claim.findMany({ where: { topicId: stored.id }, select: { id: true } })).map((c) => c.id));
  return { id: stored.id, outcome: "updated" as const };
});
