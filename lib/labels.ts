// Words shown to readers for stored enum values.
import type { Position } from "./analysis/conflict";
import type { AuditKind } from "../generated/sqlite/client";

export const POSITION_LABEL: Record<Position, string> = { SUPPORTS: "Supports", QUALIFIES: "Qualifies", DISPUTES: "Disputes" };
/** A letter for each position, so highlights and references read without colour. */
export const POSITION_LETTER: Record<Position, string> = { SUPPORTS: "S", QUALIFIES: "Q", DISPUTES: "D" };
export const POSITION_COLUMN: Record<Position, string> = { SUPPORTS: "Supporting", QUALIFIES: "Qualifying", DISPUTES: "Disputing" };

export const MODE_LABEL: Record<string, string> = {
  AS_FACT: "as fact",
  REPORTED_ALLEGATION: "as a reported claim",
  SPECULATION: "as speculation",
  QUOTED_DENIAL: "as a quoted denial",
  ASSESSMENT: "as the author's assessment",
};

export const OUTLET_KIND_LABEL: Record<string, string> = {
  PUBLIC_BROADCASTER: "Public broadcaster",
  STATE_NEWS_AGENCY: "State news agency",
  NEWSPAPER: "Newspaper",
  NEWS_WEBSITE: "News website",
  MAGAZINE: "Magazine",
  THINK_TANK: "Think tank",
  BLOG: "Blog",
};

export const ACTOR_KIND_LABEL: Record<string, string> = {
  PERSON: "Person",
  ORGANISATION: "Organisation",
  GOVERNMENT: "Government",
  GROUP: "Group",
};

export const SOURCE_KIND_LABEL: Record<string, string> = {
  NEWS_REPORT: "News report",
  ANALYSIS: "Analysis",
  OPINION: "Opinion",
  PRESS_RELEASE: "Press release",
  BLOG_POST: "Blog post",
};

export const RELATION_LABEL: Record<string, { from: string; to: string }> = {
  CONTRADICTS: { from: "Contradicts", to: "Contradicted by" },
  VARIANT_OF: { from: "Variant of", to: "Has variant" },
  NARROWER_THAN: { from: "Narrower than", to: "Broader than" },
  SAME_AS: { from: "Same as", to: "Same as" },
};

export const VERDICT_LABEL: Record<string, string> = {
  UNREVIEWED: "Unreviewed",
  TRUE: "True",
  MOSTLY_TRUE: "Mostly true",
  MIXED: "Mixed",
  MISLEADING: "Misleading",
  MOSTLY_FALSE: "Mostly false",
  FALSE: "False",
  CONFLICTING_EVIDENCE: "Conflicting evidence",
  NOT_ENOUGH_EVIDENCE: "Not enough evidence",
};

export const CONFIDENCE_LABEL: Record<"LOW" | "MEDIUM" | "HIGH", string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

export const QUANTITY_KIND_LABEL: Record<string, string> = { NUMBER: "A number", DATE: "A date" };

export const AUDIT_KIND_LABEL: Record<AuditKind, string> = {
  SIGN_IN: "Signed in",
  SIGN_IN_FAILED: "Sign-in failed",
  SIGN_IN_THROTTLED: "Sign-in held back (too many failures)",
  SIGN_UP: "Signed up",
  SIGN_UP_THROTTLED: "Sign-up held back (too many)",
  ROLE_CHANGED: "Role changed",
  TOKEN_CREATED: "API token made",
  TOKEN_REVOKED: "API token revoked",
  TOKEN_NEW_ADDRESS: "API token used from a new address",
  TOKEN_RATE_LIMITED: "API token over its rate limit",
};

/** How a source's text came (decision 0025). */
export const TEXT_ORIGIN_LABEL: Record<string, string> = {
  ADDED: "the text the source was added with",
  FETCHED: "fetched again from its address",
  UPLOADED: "a corrected text, uploaded",
  IMPORTED: "a new text from an import",
};
