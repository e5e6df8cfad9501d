import { tag } from "../write/cache-tags";

// The tags of each reader page: what its cached view is kept by (lib/cache/cached-view.ts) and
// what its plain HTML for visitors is kept by (lib/reader/reader-html.ts). One list, so the two
// are expired by the same writes.

export const pageTags = {
  home: [tag.counts, tag.claims],
  claimList: [tag.claims],
  /** A claim's page; a slug that names no claim yet waits for a claim to be added. */
  claim: (id: string | null) => [id ? tag.claim(id) : tag.claims],
  sourceList: [tag.sources, tag.outlets],
  /** A source's page, for a visitor; a researcher's also lists the speakers and claims to tag with. */
  source: (source: { id: string; outletId: string } | null, canTag = false) => [
    ...(source ? [tag.source(source.id), tag.outlet(source.outletId)] : [tag.sources]),
    ...(canTag ? [tag.actors, tag.claims] : []),
  ],
  actorList: [tag.actors],
  actor: (id: string | null) => [id ? tag.actor(id) : tag.actors],
  outletList: [tag.outlets, tag.sources],
  matrix: (topicId: string | null) => [topicId ? tag.topic(topicId) : tag.claims],
  statuses: [] as string[],
} as const;
