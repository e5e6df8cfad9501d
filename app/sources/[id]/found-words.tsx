"use client";
import { useEffect } from "react";

/**
 * The point `offset` characters into the source's text, found through the pieces' data-start
 * (HighlightedText). An end that falls between two pieces ends the first, before any reference
 * mark between them.
 */
function pointAt(pieces: HTMLElement[], offset: number, end = false): { node: Node; offset: number } | null {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i]!;
    const start = Number(piece.dataset.start);
    if ((end ? start < offset : start <= offset) && piece.firstChild)
      return { node: piece.firstChild, offset: Math.min(offset - start, piece.textContent?.length ?? 0) };
  }
  return null;
}

/**
 * A search result's link to a source ends in #at-START-END, offsets into its text: this marks
 * those words (a CSS highlight, which leaves the reader's own selection for tagging alone) and
 * scrolls to them. Renders nothing.
 */
export function FoundWords() {
  useEffect(() => {
    const show = () => {
      const match = /^#at-(\d+)-(\d+)$/.exec(window.location.hash);
      if (!match || typeof CSS === "undefined" || !("highlights" in CSS)) return;
      const pieces = [...document.querySelectorAll<HTMLElement>(".source-text [data-start]")];
      const from = pointAt(pieces, Number(match[1]));
      const to = pointAt(pieces, Number(match[2]), true);
      if (!from || !to) return;
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      CSS.highlights.set("found", new Highlight(range));
      range.startContainer.parentElement?.scrollIntoView({ block: "center" });
    };
    show();
    window.addEventListener("hashchange", show);
    return () => window.removeEventListener("hashchange", show);
  }, []);
  return null;
}
