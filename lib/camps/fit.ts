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

/**
 * Fits the outlets' places from their votes on claims. An outlet or claim with one vote only tells
 * nothing of sides and is left out. Outlets, claims and votes are numbered into typed arrays, and
 * each half-round sums what each regression needs in one pass over the votes: at benchmark size
 * (480,000 outlet–claim sides) a fit of Maps and arrays per claim took 19–26 s.
 */
export function fitCamps(votes: readonly Vote[]): CampFit {
  const count = (key: "outlet" | "claim") => {
    const n = new Map<string, number>();
    for (const v of votes) n.set(v[key], (n.get(v[key]) ?? 0) + 1);
    return n;
  };
  const [outletVotes, claimVotes] = [count("outlet"), count("claim")];
  const kept = votes.filter((v) => outletVotes.get(v.outlet)! >= 2 && claimVotes.get(v.claim)! >= 2);
  if (kept.length === 0) return { outlets: new Map(), explained: 0, ends: { low: 0, high: 0 } };
  const names = [...new Set(kept.map((v) => v.outlet))].sort();
  const claims = [...new Set(kept.map((v) => v.claim))].sort();
  const outletAt = new Map(names.map((o, i) => [o, i]));
  const claimAt = new Map(claims.map((c, i) => [c, i]));
  const n = kept.length;
  const vo = new Int32Array(n);
  const vc = new Int32Array(n);
  const vy = new Float64Array(n);
  let mu = 0;
  kept.forEach((v, i) => {
    vo[i] = outletAt.get(v.outlet)!;
    vc[i] = claimAt.get(v.claim)!;
    vy[i] = v.value;
    mu += v.value;
  });
  mu /= n;
  const io = new Float64Array(names.length);
  const fo = Float64Array.from(names, seeded);
  const ic = new Float64Array(claims.length);
  const fc = Float64Array.from(claims, (c) => seeded(`claim ${c}`));
  // One half-round: each row's (intercept, factor) from y − μ − the other side's intercept ≈ a + b·(the other side's factor).
  const solve = (
    rows: Int32Array,
    cols: Int32Array,
    otherIntercept: Float64Array,
    otherFactor: Float64Array,
    intercept: Float64Array,
    factor: Float64Array,
  ) => {
    const size = intercept.length;
    const [count, sx, sxx, sy, sxy] = [new Float64Array(size), new Float64Array(size), new Float64Array(size), new Float64Array(size), new Float64Array(size)];
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const x = otherFactor[cols[i]!]!;
      const y = vy[i]! - mu - otherIntercept[cols[i]!]!;
      count[r]! += 1;
      sx[r]! += x;
      sxx[r]! += x * x;
      sy[r]! += y;
      sxy[r]! += x * y;
    }
    for (let r = 0; r < size; r++) {
      const a = count[r]! + INTERCEPT_PENALTY;
      const d = sxx[r]! + FACTOR_PENALTY;
      const det = a * d - sx[r]! * sx[r]!;
      if (Math.abs(det) < 1e-12) {
        intercept[r] = 0;
        factor[r] = 0;
        continue;
      }
      intercept[r] = (sy[r]! * d - sx[r]! * sxy[r]!) / det;
      factor[r] = (a * sxy[r]! - sx[r]! * sy[r]!) / det;
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    solve(vc, vo, io, fo, ic, fc);
    solve(vo, vc, ic, fc, io, fo);
  }
  // How much of what the intercepts leave the axis explains.
  let left = 0,
    residual = 0;
  for (let i = 0; i < n; i++) {
    const base = vy[i]! - mu - io[vo[i]!]! - ic[vc[i]!]!;
    left += base * base;
    residual += (base - fo[vo[i]!]! * fc[vc[i]!]!) ** 2;
  }
  const explained = left === 0 ? 0 : Math.max(0, 1 - residual / left);
  // Scaled to [−1, 1], and turned so that the first outlet by id, of those off the middle, sits at the negative end: the same votes read the same way every time.
  let far = 0;
  for (const f of fo) far = Math.max(far, Math.abs(f));
  const anchor = names.findIndex((_, i) => Math.abs(fo[i]!) >= far / 2);
  const sign = anchor >= 0 && fo[anchor]! > 0 ? -1 : 1;
  const outlets = new Map(names.map((o, i) => [o, far === 0 ? 0 : round3((sign * fo[i]!) / far)]));
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
