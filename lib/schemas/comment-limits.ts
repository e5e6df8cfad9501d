/** A comment's Markdown: at most this many characters (the form and the schema both hold to it). */
export const MAX_COMMENT_CHARS = 5_000;
