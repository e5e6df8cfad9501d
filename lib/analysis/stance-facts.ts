import type { Position, StanceFact } from "./conflict";
import { effectiveReliability, stanceWeight, type Reliability } from "./grading";
import { originOf } from "./origins";

/** What a stance row must carry for its fact: select it with `stanceFactSelect`. */
export type StanceFactRow = {
  position: Position;
  credibility: number | null;
  speaker: { id: string; name: string; unnamed: boolean } | null;
  source: {
    id: string;
    publishedAt: Date | null;
    reliability: Reliability | null;
    familyId?: string | null;
    outlet: { id: string; name: string; reliability: Reliability | null };
  };
};

export const stanceFactSelect = {
  position: true,
  credibility: true,
  speaker: { select: { id: true, name: true, unnamed: true } },
  source: {
    select: { id: true, publishedAt: true, reliability: true, familyId: true, outlet: { select: { id: true, name: true, reliability: true } } },
  },
} as const;

/** A stance as the claim summary counts it: its side, source, origin and grading weight. */
export function stanceFact(row: StanceFactRow): StanceFact & { publishedAt: Date | null } {
  return {
    position: row.position,
    sourceId: row.source.id,
    origin: originOf({ outlet: row.source.outlet, speaker: row.speaker, familyId: row.source.familyId }).key,
    weight: stanceWeight(effectiveReliability(row.source, row.source.outlet), row.credibility),
    publishedAt: row.source.publishedAt,
  };
}
