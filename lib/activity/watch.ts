import { z } from "zod";
import type { Db } from "../database/create-client";
import { notFound } from "../errors";
import { Id } from "../schemas/writes";
import { defineWrite, type WriteContext } from "../write/context";

// Watching (issue 14): a signed-in user follows a claim, a source or a topic; what happens to it
// then shows on their activity page (lib/write/deliver-activity.ts). One watch per thing per user.

export const WatchSchema = z
  .strictObject({ claimId: Id.optional(), sourceId: Id.optional(), topicId: Id.optional(), watch: z.boolean({ error: "must be true or false" }) })
  .refine((w) => [w.claimId, w.sourceId, w.topicId].filter((id) => id !== undefined).length === 1, {
    message: "say what to watch: one of claimId, sourceId or topicId",
    path: ["claimId"],
  });

export type WatchTarget = { claimId: string } | { sourceId: string } | { topicId: string };

const targetKey = (t: { claimId?: string; sourceId?: string; topicId?: string }) =>
  t.claimId ? `claim:${t.claimId}` : t.sourceId ? `source:${t.sourceId}` : `topic:${t.topicId}`;

async function assertExists(w: WriteContext, t: { claimId?: string; sourceId?: string; topicId?: string }): Promise<void> {
  const found = t.claimId
    ? await w.tx.claim.findUnique({ where: { id: t.claimId }, select: { id: true } })
    : t.sourceId
      ? await w.tx.source.findUnique({ where: { id: t.sourceId }, select: { id: true } })
      : await w.tx.topic.findUnique({ where: { id: t.topicId! }, select: { id: true } });
  if (!found) throw notFound(t.claimId ? "The claim" : t.sourceId ? "The source" : "The topic");
}

/** Starts or stops watching a claim, a source or a topic; doing what is already done changes nothing. */
export const setWatch = defineWrite({ role: "READER", doing: "watch claims, sources and topics", input: WatchSchema }, async (w, data) => {
  const key = { userId: w.userId!, target: targetKey(data) };
  if (!data.watch) {
    const { count } = await w.tx.watch.deleteMany({ where: key });
    return { watching: false, changed: count > 0 };
  }
  await assertExists(w, data);
  const existing = await w.tx.watch.findUnique({ where: { userId_target: key }, select: { id: true } });
  if (existing) return { watching: true, changed: false };
  await w.tx.watch.create({ data: { ...key, claimId: data.claimId ?? null, sourceId: data.sourceId ?? null, topicId: data.topicId ?? null } });
  return { watching: true, changed: true };
});

/** Whether the user watches it. */
export async function isWatching(db: Db, userId: string, target: WatchTarget): Promise<boolean> {
  return (await db.watch.findUnique({ where: { userId_target: { userId, target: targetKey(target) } }, select: { id: true } })) !== null;
}

/** What the user watches, newest first, for their activity page. */
export async function listWatches(db: Db, userId: string) {
  const rows = await db.watch.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      claim: { select: { id: true, slug: true, text: true } },
      source: { select: { id: true, title: true } },
      topic: { select: { id: true, slug: true, name: true } },
    },
  });
  return rows.map((r) =>
    r.claim
      ? { kind: "claim" as const, id: r.claim.id, name: r.claim.text, href: `/claims/${r.claim.slug}` }
      : r.source
        ? { kind: "source" as const, id: r.source.id, name: r.source.title, href: `/sources/${r.source.id}` }
        : { kind: "topic" as const, id: r.topic!.id, name: r.topic!.name, href: `/claims?topic=${r.topic!.slug}` },
  );
}
