import type { DiffPart } from "@/lib/sources/text-diff";

/** Unchanged text longer than this is shortened to its two ends. */
const KEEP = 160;

/**
 * Two texts' differences word by word (decision 0025): removed words struck through, added words
 * marked, and long unchanged stretches shortened to the words around each change.
 */
export function TextDiffView({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <div className="text-diff">
      {parts.map((part, i) => {
        if (part.kind === "removed")
          return (
            <del key={i} aria-label={`removed: ${part.text}`}>
              {part.text}
            </del>
          );
        if (part.kind === "added")
          return (
            <ins key={i} aria-label={`added: ${part.text}`}>
              {part.text}
            </ins>
          );
        const first = i === 0;
        const last = i === parts.length - 1;
        const limit = (first || last ? 1 : 2) * KEEP;
        if (part.text.length <= limit + 40) return <span key={i}>{part.text}</span>;
        // Cut at blank space, so no word is shown in half.
        const headEnd = part.text.slice(KEEP).search(/\s/);
        const head = first ? "" : part.text.slice(0, headEnd === -1 ? KEEP : KEEP + headEnd);
        const tailStart = part.text.length - KEEP + Math.max(0, part.text.slice(-KEEP).search(/\s/));
        const tail = last ? "" : part.text.slice(tailStart);
        const skipped = part.text.length - head.length - tail.length;
        return (
          <span key={i}>
            {head}
            <span className="diff-skipped">[… {skipped.toLocaleString("en-US")} characters unchanged …]</span>
            {tail}
          </span>
        );
      })}
    </div>
  );
}
