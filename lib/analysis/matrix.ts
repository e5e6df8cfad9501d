// The evidence matrix of a topic: claims × sources, each cell what the source says of the
// claim. As in analysis of competing hypotheses (Heuer), evidence that fits every claim
// alike separates none of them; the sources that bear differently on claims marked as
// contradicting each other are the diagnostic ones. Pure.
import type { Position } from "./conflict";

export type MatrixStance = { claimId: string; sourceId: string; position: Position; credibility: number | null };
export type Cell = { positions: Position[]; /** the best (lowest) credibility assessed, null when none is */ credibility: number | null };

/** +1 supports, −1 disputes, 0 qualifies only, both sides, or says nothing. */
export function netSide(cell: Cell | undefined): -1 | 0 | 1 {
  if (!cell) return 0;
  const supports = cell.positions.includes("SUPPORTS");
  const disputes = cell.positions.includes("DISPUTES");
  return supports === disputes ? 0 : supports ? 1 : -1;
}

/** A symbol for each cell, so the matrix reads without colour. */
export function cellSymbol(cell: Cell): string {
  const has = (p: Position) => cell.positions.includes(p);
  if (has("SUPPORTS") && has("DISPUTES")) return "±";
  if (has("SUPPORTS")) return "+";
  if (has("DISPUTES")) return "−";
  return "~";
}

export const cellKey = (claimId: string, sourceId: string) => `${claimId} ${sourceId}`;

export function buildCells(stances: readonly MatrixStance[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const s of stances) {
    const key = cellKey(s.claimId, s.sourceId);
    const cell = cells.get(key) ?? { positions: [], credibility: null };
    if (!cell.positions.includes(s.position)) cell.positions.push(s.position);
    if (s.credibility !== null && (cell.credibility === null || s.credibility < cell.credibility)) cell.credibility = s.credibility;
    cells.set(key, cell);
  }
  return cells;
}

/**
 * How well a source separates the competing claims: summed over each pair of claims marked
 * as contradicting, the difference between its net sides on the two (2 when it supports
 * one and disputes the other, 1 when it takes a side on one only, 0 when it bears on both
 * alike). A source with the topic's highest score above zero is the most diagnostic.
 */
export function diagnosticity(cells: Map<string, Cell>, sourceId: string, competing: readonly [string, string][]): number {
  let score = 0;
  for (const [a, b] of competing) score += Math.abs(netSide(cells.get(cellKey(a, sourceId))) - netSide(cells.get(cellKey(b, sourceId))));
  return score;
}
