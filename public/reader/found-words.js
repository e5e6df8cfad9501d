// A search result's link to a source ends in #at-START-END, offsets into the source's text: this
// marks those words (a CSS highlight, which leaves the reader's own selection for tagging alone)
// and scrolls to them. A plain script, so that a visitor's page needs no framework (decision 0020).
{
  /**
   * The point `offset` characters into the source's text, found through the pieces' data-start
   * (HighlightedText). An end that falls between two pieces ends the first, before any reference
   * mark between them.
   */
  const pointAt = (pieces, offset, end) => {
    for (let i = pieces.length - 1; i >= 0; i--) {
      const piece = pieces[i];
      const start = Number(piece.dataset.start);
      if ((end ? start < offset : start <= offset) && piece.firstChild)
        return { node: piece.firstChild, offset: Math.min(offset - start, piece.textContent?.length ?? 0) };
    }
    return null;
  };

  const show = () => {
    const match = /^#at-(\d+)-(\d+)$/.exec(window.location.hash);
    if (!match || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const pieces = [...document.querySelectorAll(".source-text [data-start]")];
    const from = pointAt(pieces, Number(match[1]), false);
    const to = pointAt(pieces, Number(match[2]), true);
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    CSS.highlights.set("found", new Highlight(range));
    range.startContainer.parentElement?.scrollIntoView({ block: "center" });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
  window.addEventListener("hashchange", show);
}
