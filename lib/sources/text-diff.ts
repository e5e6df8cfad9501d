import { diffArrays } from "diff";

// Two texts of one source, compared word by word (decision 0025): what the source page shows as
// the differences between versions, and the map that carries an offset in the old text to the
// new one when stances are re-anchored. Framework-free.

/** A run of the compared texts: the same in both, only in the old, or only in the new. */
export type DiffPart = { kind: "same" | "removed" | "added"; text: string };

/**
 * The most edits (tokens added or removed) the comparison tries before it gives up: two texts that
 * differ more than this are not one article corrected, and comparing them costs quadratic time.
 */
const MAX_EDITS = 20_000;

/** Words, runs of blank space, and single other characters: each a token of the comparison. */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The texts' differences word by word, in reading order; null when they differ beyond comparison. */
export function diffTexts(before: string, after: string): DiffPart[] | null {
  const changes = diffArrays(tokenize(before), tokenize(after), { maxEditLength: MAX_EDITS });
  if (!changes) return null;
  const runs = changes.map((change) => ({ kind: change.added ? "added" : change.removed ? "removed" : "same", text: change.value.join("") }) as DiffPart);
  // Blank space alone between two changes joins them, so "largely" → "anything but" reads as one change.
  const parts: DiffPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    // Blank space both end with is the same in both.
    let common = 0;
    while (
      removed &&
      added &&
      common < Math.min(removed.length, added.length) &&
      /\s/.test(removed.at(-1 - common)!) &&
      removed.at(-1 - common) === added.at(-1 - common)
    )
      common++;
    if (removed.length > common) parts.push({ kind: "removed", text: removed.slice(0, removed.length - common) });
    if (added.length > common) parts.push({ kind: "added", text: added.slice(0, added.length - common) });
    if (common > 0) parts.push({ kind: "same", text: removed.slice(removed.length - common) });
    removed = added = "";
  };
  for (const [i, run] of runs.entries()) {
    if (run.kind === "removed") removed += run.text;
    else if (run.kind === "added") added += run.text;
    else if (/^\s+$/.test(run.text) && (removed || added) && runs[i + 1] && runs[i + 1]!.kind !== "same") {
      removed += run.text;
      added += run.text;
    } else {
      flush();
      if (run.text !== "") parts.push(run);
    }
  }
  flush();
  return parts.reduce<DiffPart[]>((joined, part) => {
    const last = joined.at(-1);
    if (last?.kind === part.kind) last.text += part.text;
    else joined.push({ ...part });
    return joined;
  }, []);
}

/** Carries offsets in the old text to the new one, along the runs the two texts share. */
export type PositionMap = (offset: number, side: "start" | "end") => number;

/**
 * The map of a comparison: an offset inside a shared run moves with it; one inside removed words
 * goes to where they were, before what replaced them (a start) or after it (an end).
 */
export function positionMap(parts: readonly DiffPart[]): PositionMap {
  // For each run: where it starts in the old text and in the new.
  const runs: { kind: DiffPart["kind"]; old: number; new: number; length: number }[] = [];
  let old = 0;
  let now = 0;
  for (const part of parts) {
    runs.push({ kind: part.kind, old, new: now, length: part.text.length });
    if (part.kind !== "added") old += part.text.length;
    if (part.kind !== "removed") now += part.text.length;
  }
  return (offset, side) => {
    for (const [i, run] of runs.entries()) {
      if (run.kind === "added") continue;
      const inside = side === "start" ? offset < run.old + run.length : offset <= run.old + run.length;
      if (offset < run.old || !inside) continue;
      if (run.kind === "same") return run.new + (offset - run.old);
      // Removed words: before what was added in their place, or after it.
      if (side === "start") return run.new;
      const next = runs[i + 1];
      return next?.kind === "added" ? next.new + next.length : run.new;
    }
    return now;
  };
}
