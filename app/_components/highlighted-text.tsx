import type { Position } from "@/lib/analysis/conflict";
import { highlightSegments } from "@/lib/sources/highlight-segments";
import { POSITION_LABEL, POSITION_LETTER } from "@/lib/labels";

export type Excerpt = { id: string; number: number; start: number; end: number; position: Position; claim: { slug: string; text: string } };

/**
 * A source's full text with every excerpt highlighted. Overlapping excerpts split the
 * text into segments; each excerpt gets an anchor where it starts (the target of the
 * claim page's "read the passage" link) and a lettered reference where it ends, so the
 * stance reads without colour: S supports, Q qualifies, D disputes. Each piece of the
 * text carries `data-start`, its offset in the source, so that a selection can be turned
 * back into offsets (tagging-panel.tsx); references and anchors carry none.
 */
export function HighlightedText({ text, excerpts }: { text: string; excerpts: Excerpt[] }) {
  return (
    <div className="source-text">
      {highlightSegments(text, excerpts).map((segment) => {
        const positions = [...new Set(segment.covering.map((m) => m.position))];
        const style = positions.length === 1 ? positions[0]!.toLowerCase() : "mixed";
        return (
          <span key={segment.start}>
            {segment.opening.map((m) => (
              <span key={m.id} id={`stance-${m.id}`} className="anchor" />
            ))}
            {segment.covering.length > 0 ? (
              <mark className={`hl hl-${style}`} data-start={segment.start} data-stances={segment.covering.map((m) => m.id).join(" ")}>
                {segment.text}
              </mark>
            ) : (
              <span data-start={segment.start}>{segment.text}</span>
            )}
            {segment.closing.map((m) => (
              <sup key={m.id} className={`ref ref-${m.position.toLowerCase()}`}>
                <a href={`/claims/${m.claim.slug}`} aria-label={`Excerpt ${m.number}, ${POSITION_LABEL[m.position].toLowerCase()}: ${m.claim.text}`}>
                  [{POSITION_LETTER[m.position]}
                  {m.number}]
                </a>
              </sup>
            ))}
          </span>
        );
      })}
    </div>
  );
}
