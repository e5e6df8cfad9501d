type Counts = { supports: number; qualifies: number; disputes: number };

/**
 * Sources per position as a bar, with the same numbers in words beside it: each
 * part also has its own pattern, so the bar reads without colour.
 */
export function AgreementBar({ supports, qualifies, disputes }: Counts) {
  const total = supports + qualifies + disputes;
  const parts = [
    { key: "supports", n: supports, words: `${supports} support${supports === 1 ? "s" : ""}` },
    { key: "qualifies", n: qualifies, words: `${qualifies} qualif${qualifies === 1 ? "ies" : "y"}` },
    { key: "disputes", n: disputes, words: `${disputes} dispute${disputes === 1 ? "s" : ""}` },
  ];
  return (
    <div className="agreement">
      <div className="agreement-bar" aria-hidden="true">
        {total === 0 ? <span className="seg seg-none" /> : null}
        {parts
          .filter((p) => p.n > 0)
          .map((p) => (
            <span key={p.key} className={`seg seg-${p.key}`} style={{ flexGrow: p.n }} />
          ))}
      </div>
      <span className="agreement-words">Sources: {parts.map((p) => p.words).join(" · ")}</span>
    </div>
  );
}
