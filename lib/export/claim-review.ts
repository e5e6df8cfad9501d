// schema.org ClaimReview (https://schema.org/ClaimReview) for claims with a verdict, with the
// fields Google's fact-check markup requires (claimReviewed, reviewRating.alternateName, url)
// and recommends (author, datePublished, itemReviewed as a Claim with its appearances).
import type { Db } from "../database/create-client";
import { VERDICT_LABEL } from "../labels";
import { isoPartialDate } from "../format";

/** Verdicts on the five-point scale; the other two have no place on it and carry only their name. */
const RATING_VALUE: Record<string, number | undefined> = { TRUE: 5, MOSTLY_TRUE: 4, MIXED: 3, MISLEADING: 2, MOSTLY_FALSE: 2, FALSE: 1 };

export type ReviewedClaim = {
  slug: string;
  text: string;
  verdict: { rating: string; rationale: string; createdAt: Date; user: { name: string } | null };
  appearances: {
    id: string;
    title: string;
    url: string | null;
    publishedAt: Date | null;
    datePrecision: string | null;
    outlet: { name: string };
  }[];
};

export const PUBLISHER = { "@type": "Organization", name: "Corroborate" } as const;

/** One ClaimReview; `base` is the site's origin ("https://corroborate.example"). */
export function claimReview(claim: ReviewedClaim, base: string) {
  const { verdict } = claim;
  const value = RATING_VALUE[verdict.rating];
  const appearance = claim.appearances.map((source) => ({
    "@type": "CreativeWork",
    url: source.url ?? `${base}/sources/${encodeURIComponent(source.id)}`,
    headline: source.title,
    ...(source.publishedAt ? { datePublished: isoPartialDate(source.publishedAt, source.datePrecision) } : {}),
    publisher: { "@type": "Organization", name: source.outlet.name },
  }));
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `${base}/claims/${claim.slug}`,
    claimReviewed: claim.text,
    datePublished: verdict.createdAt.toISOString().slice(0, 10),
    author: verdict.user ? { "@type": "Person", name: verdict.user.name } : PUBLISHER,
    publisher: PUBLISHER,
    reviewBody: verdict.rationale,
    reviewRating: {
      "@type": "Rating",
      alternateName: VERDICT_LABEL[verdict.rating] ?? verdict.rating,
      ...(value === undefined ? {} : { ratingValue: value, bestRating: 5, worstRating: 1 }),
    },
    itemReviewed: {
      "@type": "Claim",
      text: claim.text,
      appearance,
      ...(appearance[0] ? { firstAppearance: appearance[0] } : {}),
    },
  };
}

const appearanceSelect = {
  id: true,
  title: true,
  url: true,
  publishedAt: true,
  datePrecision: true,
  outlet: { select: { name: true } },
} as const;

/** Every live claim with a verdict, as ClaimReviews; sources oldest first, so the first is the first appearance. */
export async function allClaimReviews(db: Db, base: string) {
  const claims = await db.claim.findMany({
    where: { retractedAt: null, verdict: { not: "UNREVIEWED" } },
    orderBy: { slug: "asc" },
    select: {
      slug: true,
      text: true,
      id: true,
      stances: { where: { retractedAt: null }, select: { source: { select: appearanceSelect } } },
    },
  });
  // The newest verdict of each claim, read on its own: a nested ordered select cannot be split
  // over more claims than SQLite's parameter limit.
  const verdicts = await db.verdict.findMany({
    where: { claim: { retractedAt: null } },
    orderBy: [{ claimId: "asc" }, { createdAt: "desc" }],
    select: { claimId: true, rating: true, rationale: true, createdAt: true, user: { select: { name: true } } },
  });
  const newest = new Map<string, (typeof verdicts)[number]>();
  for (const v of verdicts) if (!newest.has(v.claimId)) newest.set(v.claimId, v);
  return claims.flatMap((c) => {
    const verdict = newest.get(c.id);
    return verdict ? [claimReview({ slug: c.slug, text: c.text, verdict, appearances: uniqueSources(c.stances.map((s) => s.source)) }, base)] : [];
  });
}

/** Each source once, oldest first (undated last). */
export function uniqueSources<S extends { id: string; publishedAt: Date | null }>(sources: readonly S[]): S[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const time = (s: S) => s.publishedAt?.getTime() ?? Infinity;
  return [...byId.values()].sort((a, b) => time(a) - time(b) || a.id.localeCompare(b.id));
}
