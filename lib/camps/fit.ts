// Agreement across camps (decision 0024): which outlets usually take opposite sides, learned from
// the stances alone. Each outlet's stance on a claim (+1 supports, −1 disputes) is fitted as
//   y ≈ μ + i_outlet + i_claim + f_outlet · f_claim
// by alternating ridge regressions, the intercepts regularised more than the factors, as
// bridging-based ranking does: what every outlet says of a claim goes to its intercept, and the
// one-dimensional factor is left to explain who disagrees with whom. f_outlet is the outlet's
// place on that axis. Pure.

export type Vote = { outlet: string; claim: string; value: 1 | -1 };
export type CampFit = {
  /** Each outlet's place on the axis, scaled so that the farthest outlet is at −1 or 1. */
  outlets: Map<string, number>;
  /** How much of the stances the axis explains beyond the intercepts: 0 none, 1 all. */
  explained: number;
  /** How many outlets sit at each end (at or past END). */
  ends: { low: number; high: number };
};

const INTERCEPT_PENALTY = 0.5;
const FACTOR_PENALTY = 0.1;
const ROUNDS = 60;

/** A deterministic start: the same votes give the same fit, whatever order they come in. */
function seeded(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return ((h >>> 0) / 0xffffffff - 0.5) * 0.2;
}

/** Solves the 2×2 ridge regression y ≈ a + b·x over the rows, with penalties pa on a and pb on b. */
function ridge2(rows: readonly { x: number; y: number }[], pa: number, pb: number): [number, number] {
  let n = pa,
    sx = 0,
    sxx = pb,
    sy = 0,
    sxy = 0;
  for (const { x, y } of rows) {
    n += 1;
    sx += x;
    sxx += x * x;
    sy += y;
    sxy += x * y;
  }
  const det = n * sxx - sx * sx;
  if (Math.abs(det) < 1e-12) return [0, 0];
  return [(sy * sxx - sx * sxy) / det, (n * sxy - sx * sy) / det];
}

/** Fits the outlets' places from their votes on claims. An outlet or claim with one vote only tells nothing of sides and is left out. */
export function fitCamps(votes: readonly Vote[]): CampFit {
  const count = (key: "outlet" | "claim") => {
    const n = new Map<string, number>();
    for (const v of votes) n.set(v[key], (n.get(v[key]) ?? 0) + 1);
    return n;
  };
  const [outletVotes, claimVotes] = [count("outlet"), count("claim")];
  const kept = votes.filter((v) => outletVotes.get(v.outlet)! >= 2 && claimVotes.get(v.claim)! >= 2);
  if (kept.length === 0) return { outlets: new Map(), explained: 0, ends: { low: 0, high: 0 } };
  const mu = kept.reduce((s, v) => s + v.value, 0) / kept.length;
  const byOutlet = new Map<string, Vote[]>();
  const byClaim = new Map<string, Vote[]>();
  for (const v of kept) {
    byOutlet.set(v.outlet, [...(byOutlet.get(v.outlet) ?? []), v]);
    byClaim.set(v.claim, [...(byClaim.get(v.claim) ?? []), v]);
  }
  const io = new Map([...byOutlet.keys()].map((o) => [o, 0]));
  const fo = new Map([...byOutlet.keys()].map((o) => [o, seeded(o)]));
  const ic = new Map([...byClaim.keys()].map((c) => [c, 0]));
  const fc = new Map([...byClaim.keys()].map((c) => [c, seeded(`claim ${c}`)]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [claim, vs] of byClaim) {
      const [i, f] = ridge2(
        vs.map((v) => ({ x: fo.get(v.outlet)!, y: v.value - mu - io.get(v.outlet)! })),
        INTERCEPT_PENALTY,
        FACTOR_PENALTY,
      );
      ic.set(claim, i);
      fc.set(claim, f);
    }
    for (const [outlet, vs] of byOutlet) {
      const [i, f] = ridge2(
        vs.map((v) => ({ x: fc.get(v.claim)!, y: v.value - mu - ic.get(v.claim)! })),
        INTERCEPT_PENALTY,
        FACTOR_PENALTY,
      );
      io.set(outlet, i);
      fo.set(outlet, f);
    }
  }
  // How much of what the intercepts leave the axis explains.
  let left = 0,
    residual = 0;
  for (const v of kept) {
    const base = v.value - mu - io.get(v.outlet)! - ic.get(v.claim)!;
    left += base * base;
    residual += (base - fo.get(v.outlet)! * fc.get(v.claim)!) ** 2;
  }
  const explained = left === 0 ? 0 : Math.max(0, 1 - residual / left);
  // Scaled to [−1, 1], and turned so that the first outlet by id, of those off the middle, sits at the negative end: the same votes read the same way every time.
  const far = Math.max(...fo.values(), ...[...fo.values()].map((f) => -f));
  const names = [...fo.keys()].sort();
  const anchor = names.find((o) => Math.abs(fo.get(o)!) >= far / 2);
  const sign = anchor !== undefined && fo.get(anchor)! > 0 ? -1 : 1;
  const outlets = new Map(names.map((o) => [o, far === 0 ? 0 : round3((sign * fo.get(o)!) / far)]));
  const places = [...outlets.values()];
  return { outlets, explained: round3(explained), ends: { low: places.filter((p) => p <= -END).length, high: places.filter((p) => p >= END).length } };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** From how far off the middle an outlet counts as at one end of the axis. */
export const END = 0.4;
/** Below this share explained, the axis is noise: no claim is marked. */
export const MIN_EXPLAINED = 0.2;
/** Fewer outlets than this at either end are not a camp: no claim is marked. */
export const MIN_CAMP = 2;

export type Agreement = "ACROSS" | "ONE_SIDE";

/** One outlet's side on a claim, with its place on the axis. */
export type PlacedVote = { place: number; value: 1 | -1 };

/**
 * A claim's mark from the outlets that took a side on it: "across" when, at each end of the axis,
 * outlets support it and most of that end's outlets that took a side support it; "one side" when
 * that holds at one end only and the claim divides the camps (an outlet at the other end disputes
 * it) or several outlets at its end support it; none otherwise, or when the axis explains too
 * little or either end has fewer than MIN_CAMP outlets. One outlet's odd vote does not make a
 * camp's claim "across", and a claim one outlet alone supports is not a camp's.
 */
export function agreementOf(votes: readonly PlacedVote[], fit: Pick<CampFit, "explained" | "ends">): Agreement | null {
  if (fit.explained < MIN_EXPLAINED || fit.ends.low < MIN_CAMP || fit.ends.high < MIN_CAMP) return null;
  const end = (atEnd: (place: number) => boolean) => {
    const there = votes.filter((v) => atEnd(v.place));
    const support = there.filter((v) => v.value === 1).length;
    return { supports: support > 0 && support * 2 > there.length, supporters: support, disputes: there.some((v) => v.value === -1) };
  };
  const [low, high] = [end((p) => p <= -END), end((p) => p >= END)];
  if (low.supports && high.supports) return "ACROSS";
  const [backing, other] = low.supports ? [low, high] : [high, low];
  return backing.supports && (other.disputes || backing.supporters >= 2) ? "ONE_SIDE" : null;
}
