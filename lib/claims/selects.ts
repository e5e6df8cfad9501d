// Field sets shared by several queries, so a list row, a claim page and a source page
// show the same facts about a claim or a stance.

/** A claim as a list row shows it. */
export const claimRowSelect = {
  id: true,
  slug: true,
  text: true,
  status: true,
  supportsCount: true,
  disputesCount: true,
  qualifiesCount: true,
  sourceCount: true,
  topic: { select: { slug: true, name: true } },
} as const;

/** A stance's own fields, wherever it is shown. */
export const stanceFieldsSelect = {
  id: true,
  position: true,
  mode: true,
  quote: true,
  start: true,
  end: true,
  note: true,
  version: true,
  retractedAt: true,
  retractedReason: true,
  /** Sources that change (decision 0025): the text version the quote is in, whether it is an orphan, and its passage's changes. */
  anchoredVersion: true,
  orphanedAt: true,
  anchors: {
    where: { outcome: { not: "EXACT" } },
    orderBy: { movedAt: "asc" },
    select: { version: true, quote: true, nextVersion: true, nextQuote: true, movedAt: true, outcome: true },
  },
} as const;
