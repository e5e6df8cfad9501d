import type { ActivityKind } from "../../generated/sqlite/enums";
import type { Tx } from "../database/create-client";
import { findByKeys } from "../database/in-chunks";

// What changed, delivered to whoever watches it (issue 14, decision 0019). A write says what
// happened (WriteContext.notify); when it settles, each event becomes one row per watcher of its
// claim, its source or its claim's topic, plus anyone it names (a mention), never the writer.
// Writing a row per reader keeps every read one index range ([userId, createdAt]), however large
// the table grows; a write pays one query for the watchers of everything it touched.

export type ActivityEvent = {
  kind: ActivityKind;
  /** What happened, in words: kept as it was when it happened. */
  summary: string;
  claimId?: string | null;
  sourceId?: string | null;
  /** Where the line links when it is about a comment or a request. */
  href?: string | null;
  /** Accounts told whether or not they watch anything here (the mentioned, a request's askers). */
  to?: readonly string[];
  /** false: only `to` are told (a mention, an answer to a request), though it names a claim or source to link. */
  watched?: boolean;
};

/** How many lines one write leaves on one reader's page; the rest are summed up in one more. */
export const MAX_LINES_PER_WRITE = 20;

type Row = { userId: string; kind: ActivityKind; summary: string; claimId: string | null; sourceId: string | null; href: string | null; byId: string | null };

export async function deliverActivity(tx: Tx, events: readonly ActivityEvent[], byId: string | null): Promise<number> {
  if (events.length === 0) return 0;
  // Nobody watches anything yet and nobody is named: nothing to look up (an import into a new database).
  if (!events.some((e) => e.to?.length) && !(await tx.watch.findFirst({ select: { id: true } }))) return 0;
  const claimIds = unique(events.map((e) => e.claimId));
  const sourceIds = unique(events.map((e) => e.sourceId));
  const topicOf = new Map<string, string>();
  for (const c of await findByKeys(claimIds, (ids) => tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, topicId: true } }))) {
    topicOf.set(c.id, c.topicId);
  }
  // The watches of everything touched, by their keys ("claim:<id>" …): one indexed lookup for them all.
  const targets = [
    ...claimIds.map((id) => `claim:${id}`),
    ...sourceIds.map((id) => `source:${id}`),
    ...unique([...topicOf.values()]).map((id) => `topic:${id}`),
  ];
  const watches = await findByKeys(targets, (keys) => tx.watch.findMany({ where: { target: { in: keys } }, select: { userId: true, target: true } }));
  const watchers = new Map<string, string[]>();
  for (const w of watches) {
    const users = watchers.get(w.target);
    if (users) users.push(w.userId);
    else watchers.set(w.target, [w.userId]);
  }

  const perUser = new Map<string, Row[]>();
  const now = Date.now();
  for (const event of events) {
    const recipients = new Set<string>(event.to ?? []);
    const targets = [
      event.claimId ? `claim:${event.claimId}` : null,
      event.sourceId ? `source:${event.sourceId}` : null,
      event.claimId && topicOf.has(event.claimId) ? `topic:${topicOf.get(event.claimId)}` : null,
    ];
    if (event.watched !== false) for (const target of targets) for (const userId of (target && watchers.get(target)) || []) recipients.add(userId);
    if (byId) recipients.delete(byId);
    for (const userId of recipients) {
      const row: Row = {
        userId,
        kind: event.kind,
        summary: event.summary,
        claimId: event.claimId ?? null,
        sourceId: event.sourceId ?? null,
        href: event.href ?? null,
        byId,
      };
      const lines = perUser.get(userId);
      if (lines) lines.push(row);
      else perUser.set(userId, [row]);
    }
  }
  const rows: (Row & { createdAt: Date })[] = [];
  for (const lines of perUser.values()) {
    const kept = lines.length > MAX_LINES_PER_WRITE ? lines.slice(0, MAX_LINES_PER_WRITE - 1) : lines;
    if (kept.length < lines.length) {
      const rest = lines.length - kept.length;
      kept.push({ ...lines[kept.length]!, summary: `…and ${rest} more changes in the same write.`, href: null });
    }
    // One millisecond apart, so that the page's order is the order they happened in; the newest
    // at `now`, never later: a reader who opens their page at once has seen them all (marking
    // what was seen stops at the present).
    kept.forEach((row, i) => rows.push({ ...row, createdAt: new Date(now - (kept.length - 1 - i)) }));
  }
  for (let i = 0; i < rows.length; i += 500) await tx.activity.createMany({ data: rows.slice(i, i + 500) });
  return rows.length;
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string"))];
}
