// Independent origins: who a claim's information first comes from. Several publishers
// repeating one speaker ("the U.S., Ukraine and South Korea say…") are one origin, not
// several confirmations. Pure.

export type OriginInput = {
  outlet: { id: string; name: string };
  speaker: { id: string; name: string; unnamed: boolean } | null;
  /** The source's document family (copies of one article, decision 0023), if it has copies. */
  familyId?: string | null;
};

export type Origin = { key: string; label: string; kind: "speaker" | "publisher" | "copies" };

/**
 * A named speaker is the origin of what is quoted from them, whoever publishes it. The
 * source's own voice, and unnamed speakers ("analysts say"), originate with the publisher
 * (the outlet): unnamed experts in two outlets cannot be shown to be the same people, so
 * they are never merged into one origin, and one outlet's articles are one origin. A source
 * with copies (the same article published again, decision 0023) speaks with its copies' voice:
 * the family is one origin, whichever outlets carried it.
 */
export function originOf({ outlet, speaker, familyId }: OriginInput): Origin {
  if (speaker && !speaker.unnamed) return { key: `speaker:${speaker.id}`, label: speaker.name, kind: "speaker" };
  if (familyId) return { key: `family:${familyId}`, label: "One article, published more than once", kind: "copies" };
  return { key: `outlet:${outlet.id}`, label: `${outlet.name} (its own reporting)`, kind: "publisher" };
}

export type OriginGroup<S> = Origin & {
  /** Outlet names that carried this origin's words, in first-seen order. */
  publishers: string[];
  stances: S[];
};

/** The stances grouped by origin, in the order their first stance comes. */
export function groupByOrigin<S extends OriginInput>(stances: readonly S[]): OriginGroup<S>[] {
  const groups = new Map<string, OriginGroup<S>>();
  for (const stance of stances) {
    const origin = originOf(stance);
    const group = groups.get(origin.key) ?? { ...origin, publishers: [], stances: [] };
    if (!group.publishers.includes(stance.outlet.name)) group.publishers.push(stance.outlet.name);
    group.stances.push(stance);
    groups.set(origin.key, group);
  }
  return [...groups.values()];
}
