import type { Db } from "../database/create-client";
import type { Prisma } from "../../generated/sqlite/client";
import { commentHtml } from "./markdown";
import { revisionsSince } from "../revisions/history";

// The discussion shown on a claim's page (comments on the claim and on its stances) and on a
// source's page (on the source and its stances): threads oldest first, each with its replies. A
// retracted or hidden comment keeps its place in the thread, without its words.

const select = {
  id: true,
  parentId: true,
  claimId: true,
  sourceId: true,
  stance: { select: { id: true, quote: true } },
  user: { select: { name: true } },
  body: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  retractedAt: true,
  hiddenAt: true,
  hiddenReason: true,
} satisfies Prisma.CommentSelect;

type Row = Prisma.CommentGetPayload<{ select: typeof select }>;

export type CommentView = {
  id: string;
  parentId: string | null;
  /** What it is on: the claim or source of the page, or one of its stances (with its quote). */
  on: { kind: "claim" | "source"; id: string } | { kind: "stance"; id: string; quote: string };
  author: string | null;
  createdAt: Date;
  edited: boolean;
  version: number;
  state: "live" | "retracted" | "hidden";
  /** The Markdown and its HTML, only while the comment is live. */
  body: string | null;
  html: string | null;
  hiddenReason: string | null;
  replies: CommentView[];
};

function view(row: Row): CommentView {
  const state = row.hiddenAt ? "hidden" : row.retractedAt ? "retracted" : "live";
  return {
    id: row.id,
    parentId: row.parentId,
    on: row.stance
      ? { kind: "stance", id: row.stance.id, quote: row.stance.quote }
      : row.claimId
        ? { kind: "claim", id: row.claimId }
        : { kind: "source", id: row.sourceId! },
    author: row.user?.name ?? null,
    createdAt: row.createdAt,
    edited: row.version > 1 && state === "live",
    version: row.version,
    state,
    body: state === "live" ? row.body : null,
    html: state === "live" ? commentHtml(row.body) : null,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    replies: [],
  };
}

function threads(rows: Row[]): CommentView[] {
  const top: CommentView[] = [];
  const byId = new Map<string, CommentView>();
  for (const row of rows) {
    const comment = view(row);
    byId.set(comment.id, comment);
    const parent = comment.parentId ? byId.get(comment.parentId) : undefined;
    if (parent) parent.replies.push(comment);
    else top.push(comment);
  }
  return top;
}

/** A claim's discussion: on the claim and on its stances. */
export async function claimDiscussion(db: Db, claimId: string): Promise<CommentView[]> {
  const rows = await db.comment.findMany({ where: { OR: [{ claimId }, { stance: { claimId } }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
  return threads(rows);
}

/** A source's discussion: on the source and on its stances. */
export async function sourceDiscussion(db: Db, sourceId: string): Promise<CommentView[]> {
  const rows = await db.comment.findMany({ where: { OR: [{ sourceId }, { stance: { sourceId } }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select });
  return threads(rows);
}

/** One comment with its history, for its own page. */
export async function getComment(db: Db, id: string) {
  return db.comment.findUnique({
    where: { id },
    select: {
      ...select,
      userId: true,
      claim: { select: { slug: true, text: true } },
      source: { select: { id: true, title: true } },
      stance: { select: { id: true, quote: true, claim: { select: { slug: true, text: true } }, source: { select: { id: true, title: true } } } },
    },
  });
}

/** A comment's changes, oldest first: who, when, what. */
export function commentHistory(db: Db, id: string) {
  return revisionsSince(db, "COMMENT", id, 0);
}
