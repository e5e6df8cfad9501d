import type { Position } from "../analysis/conflict";

// Where a claim's outlets sit on the camps' axis (decision 0024), for the claim page's picture. Pure.

export type PlacedOutlet = { id: string; name: string; place: number; side: "supports" | "disputes" | "both" };

type StanceAt = { position: Position; source: { outlet: { id: string; name: string; campPlace: number | null } } };

/** Each placed outlet that took a side on the claim, from one end of the axis to the other. */
export function outletsOnAxis(stances: readonly StanceAt[]): PlacedOutlet[] {
  const sides = new Map<string, { id: string; name: string; place: number; supports: boolean; disputes: boolean }>();
  for (const s of stances) {
    const { id, name, campPlace } = s.source.outlet;
    if (campPlace === null || s.position === "QUALIFIES") continue;
    const outlet = sides.get(id) ?? { id, name, place: campPlace, supports: false, disputes: false };
    if (s.position === "SUPPORTS") outlet.supports = true;
    else outlet.disputes = true;
    sides.set(id, outlet);
  }
  return [...sides.values()]
    .map(({ supports, disputes, ...o }) => ({
      ...o,
      side: supports && disputes ? ("both" as const) : supports ? ("supports" as const) : ("disputes" as const),
    }))
    .sort((a, b) => a.place - b.place || a.name.localeCompare(b.name));
}
