import type { Db } from "../database/create-client";
import type { CurrentUser, Role } from "../roles";
import type { Confidence, VerdictRating } from "../../generated/sqlite/enums";
import type { Spread } from "../analysis/assessment-spread";
import { unreadCount } from "../activity/list-activity";
import { isWatching } from "../activity/watch";
import { claimAssessments } from "../review/assessments";
import { hasRole } from "../roles";
import { readerPageRecord } from "../reader/reader-pages";

// What on a reader page belongs to the signed-in user alone (decision 0021): their account line,
// what they watch there, and an analyst's own assessment. A page kept for a role leaves these
// out; the page's islands fetch them from /viewer, and a page rendered for its user has them at
// once. One function decides them for both.

export type AccountLine = { name: string; role: Role; unread: number };
export type Watching = { watching: boolean };
export type YourAssessmentView = {
  mine: { rating: VerdictRating; confidence: Confidence } | null;
  published: boolean;
  spread: Spread | null;
  count: number;
  hiddenBecause: string | null;
};
export type ClaimForYou = { claim: Watching; topic: (Watching & { id: string; name: string }) | null; assessment: YourAssessmentView | null };
export type ForYou = { account: AccountLine; claim: ClaimForYou | null; source: Watching | null };

export async function accountLine(db: Db, user: CurrentUser): Promise<AccountLine> {
  return { name: user.name, role: user.role, unread: await unreadCount(db, user.id) };
}

/** The user's part of a claim's page: whether they watch it and its topic, and, for an analyst, their assessment. */
export async function claimForYou(db: Db, user: CurrentUser, claimIs: { id: string } | { slug: string }): Promise<ClaimForYou | null> {
  const claim = await db.claim.findUnique({ where: claimIs, select: { id: true, topic: { select: { id: true, name: true } } } });
  if (!claim) return null;
  const [watchingClaim, watchingTopic, assessments] = await Promise.all([
    isWatching(db, user.id, { claimId: claim.id }),
    isWatching(db, user.id, { topicId: claim.topic.id }),
    hasRole(user, "ANALYST") ? claimAssessments(db, claim.id, user.id) : null,
  ]);
  return {
    claim: { watching: watchingClaim },
    topic: { ...claim.topic, watching: watchingTopic },
    assessment: assessments && {
      mine: assessments.mine && { rating: assessments.mine.rating, confidence: assessments.mine.confidence },
      published: assessments.published,
      spread: assessments.spread,
      count: assessments.count,
      hiddenBecause: assessments.hiddenBecause,
    },
  };
}

/** The user's part of the reader page at `path`: always their account line, and what the page has of theirs. */
export async function forYou(db: Db, user: CurrentUser, path: string): Promise<ForYou> {
  const record = readerPageRecord(path);
  const [account, claim, source] = await Promise.all([
    accountLine(db, user),
    record?.kind === "claim" ? claimForYou(db, user, { slug: record.key }) : null,
    record?.kind === "source" ? isWatching(db, user.id, { sourceId: record.key }).then((watching) => ({ watching })) : null,
  ]);
  return { account, claim, source };
}
