// Precision and recall of the duplicate matcher over labelled pairs: the committed set
// (bench/duplicates/) and analysts' own merges and "distinct" marks. Pure.

export type LabelledPair = { a: string; b: string; same: boolean };
export type Scored = { score: number; same: boolean };
export type Quality = { threshold: number; precision: number; recall: number; proposed: number; found: number; same: number };

/** At each threshold: of the pairs scoring at or above it, the share that are the same claim (precision), and the share of same pairs among them (recall). */
export function qualityAt(scored: readonly Scored[], thresholds: readonly number[]): Quality[] {
  const same = scored.filter((s) => s.same).length;
  return thresholds.map((threshold) => {
    const proposed = scored.filter((s) => s.score >= threshold);
    const found = proposed.filter((s) => s.same).length;
    return {
      threshold,
      precision: proposed.length === 0 ? 1 : round(found / proposed.length),
      recall: same === 0 ? 0 : round(found / same),
      proposed: proposed.length,
      found,
      same,
    };
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The committed set's text: one pair a line, the two wordings split by "|". */
export function parsePairs(text: string, same: boolean): LabelledPair[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const parts = line.split("|");
      if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim()) throw new Error(`Line ${i + 1} is not two wordings split by "|": ${line}`);
      return { a: parts[0]!.trim(), b: parts[1]!.trim(), same };
    });
}
