import { createHash } from "node:crypto";

/**
 * The text of a new source as it is stored: the byte-order mark dropped, line endings as
 * "\n", and blank space at the very start and end trimmed. Nothing else changes, so every
 * word the source prints is there verbatim for quotes to point into.
 */
export function normalizeSourceText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** sha256 of the stored text, hex: the duplicate check for sources without a URL. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
