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
} as const;
