import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tag } from "../write/cache-tags";

// What every cached reader view ("use cache", decision 0017) calls: kept until a write names one
// of its tags (lib/write/cache-tags.ts), or any page (`corpus`); and for a day at most, so that a
// change made behind the app's back (a database edited by hand) shows within a day.

/**
 * How long a view is kept without a write: a day. A browser never reuses one without asking
 * (stale 0), so a reader who navigates sees a change as soon as the server does.
 */
const VIEW_LIFE = { stale: 0, revalidate: 86_400, expire: 86_400 };

/** In a "use cache" view: keeps it until a write changes what it shows. */
export function keepUntilChanged(...tags: string[]): void {
  cacheLife(VIEW_LIFE);
  cacheTag(tag.corpus, ...tags);
}

/** What a cached view may differ by besides its own arguments: what the reader may do, and the site's address for the links it embeds. */
export type Viewer = { canEdit: boolean; isAnalyst: boolean; canComment: boolean; origin: string };
