import { CREDIBILITY_SCALE, RELIABILITY_SCALE, effectiveReliability, stanceWeight, type Reliability } from "../analysis/grading";
import { originOf } from "../analysis/origins";
import { findByKeys } from "../database/in-chunks";
import { findByTuples } from "../database/find-by-tuples";
import { updateRows } from "../database/update-rows";
import type { WriteContext } from "./context";

// A grade (an outlet's or a source's reliability) changes the weight of the stances quoting it and
// nothing else a claim stores: counts, status, origins and dates stay. A claim's side weight is
// the sum, over the origins on that side, of each origin's heaviest stance (sideWeights,
// lib/analysis/conflict.ts), so only the origins that hold a reweighed stance can change it. This
// reads those origins' stances, before and after, and moves each side weight by the difference,
// instead of recomputing the claims from all their stances: an outlet of the benchmark corpus is
// quoted by about 2,200 claims holding 130,000 stances, which took 1.5 s to read and sum (p50, this
// machine); the origins that hold its stances are a few thousand.

/**
 * The difference is exact only if every stance weight is a whole number of thousandths (weights are
 * stored to three decimals): so each weight is counted in thousandths. With scales whose products
 * are not (none today), a grade reweighs by recomputing the claims in full.
 */
const THOUSANDTHS = RELIABILITY_SCALE.every((r) => CREDIBILITY_SCALE.every((c) => Number.isInteger(Math.round(r.weight * c.weight * 1e6) / 1e3)));
const thousandths = (weight: number) => Math.round(weight * 1000);

export type GradeChange = { outletId: string; was: Reliability | null } | { sourceId: string; was: Reliability | null };

/**
 * After the grade is written: moves the stored weights of the claims quoting the graded outlet or
 * source by what the grade changed. Call it in the write that changes the grade.
 */
export async function reweighClaims(w: WriteContext, change: GradeChange): Promise<void> {
  const { tx } = w;
  // The stances whose weight the grade changes: on the graded source, or on the outlet's sources that have no grade of their own.
  const reweighed = await tx.stance.findMany({
    where: { retractedAt: null, ...("outletId" in change ? { source: { outletId: change.outletId, reliability: null } } : { sourceId: change.sourceId }) },
    select: STANCE,
  });
  if (reweighed.length === 0) return;
  if (!THOUSANDTHS) return void w.touchClaims(...reweighed.map((s) => s.claimId));

  // The origins they belong to, on their claims and sides, and every stance of those: a named
  // speaker's on that claim (any outlet), an outlet's own voice on that claim (any of its sources),
  // a family's (any of its copies).
  const facts = await new Facts(w).add(reweighed);
  const groups = new Set(reweighed.map((s) => facts.group(s)));
  const pairs = reweighed.flatMap((s) => (facts.origin(s).kind === "speaker" ? [{ claimId: s.claimId, speakerId: s.speakerId! }] : []));
  const byOutlet = reweighed.flatMap((s) => (facts.origin(s).kind === "publisher" ? [{ claimId: s.claimId, outletId: facts.outletOf(s) }] : []));
  // Copies of one article are one origin whichever outlets carried them (decision 0023).
  const families = new Set(reweighed.flatMap((s) => (facts.origin(s).kind === "copies" ? [facts.source(s).familyId!] : [])));
  const members = [
    ...(await stancesOfSpeakers(w, pairs)),
    // The graded outlet's stances, or those of the graded source's outlet: a few thousand, read
    // by source (claimId first would read every stance of each claim).
    ...(
      await Promise.all(
        [...new Set(byOutlet.map((p) => p.outletId))].map((outletId) =>
          tx.stance.findMany({ where: { retractedAt: null, source: { outletId } }, select: STANCE }),
        ),
      )
    ).flat(),
    ...(await Promise.all([...families].map((familyId) => tx.stance.findMany({ where: { retractedAt: null, source: { familyId } }, select: STANCE })))).flat(),
  ];
  await facts.add(members);

  const changedIds = new Set(reweighed.map((s) => s.id));
  const before = (s: StanceRow) => {
    if (!changedIds.has(s.id)) return facts.weight(s);
    const source = facts.source(s);
    const was =
      "outletId" in change ? effectiveReliability(source, { reliability: change.was }) : effectiveReliability({ reliability: change.was }, source.outlet);
    return thousandths(stanceWeight(was, s.credibility));
  };
  const heaviest = new Map<string, { claimId: string; position: string; before: number; now: number }>();
  const seen = new Set<string>();
  for (const s of members) {
    const key = facts.group(s);
    if (!groups.has(key) || seen.has(s.id)) continue;
    seen.add(s.id);
    const group = heaviest.get(key) ?? { claimId: s.claimId, position: s.position, before: -1, now: -1 };
    group.before = Math.max(group.before, before(s));
    group.now = Math.max(group.now, facts.weight(s));
    heaviest.set(key, group);
  }
  const moves = new Map<string, { SUPPORTS: number; DISPUTES: number }>();
  for (const { claimId, position, before, now } of heaviest.values()) {
    if (position === "QUALIFIES" || before === now) continue;
    const move = moves.get(claimId) ?? { SUPPORTS: 0, DISPUTES: 0 };
    move[position as "SUPPORTS" | "DISPUTES"] += now - before;
    moves.set(claimId, move);
  }
  if (moves.size === 0) return;

  await w.lockSummaries([...moves.keys()]);
  const stored = await findByKeys(moves.keys(), (ids) =>
    tx.claim.findMany({ where: { id: { in: ids } }, select: { id: true, supportWeight: true, disputeWeight: true } }),
  );
  const updatedAt = new Date();
  await updateRows(
    w,
    "Claim",
    stored.map((claim) => {
      const move = moves.get(claim.id)!;
      const support = (thousandths(claim.supportWeight) + move.SUPPORTS) / 1000;
      const dispute = (thousandths(claim.disputeWeight) + move.DISPUTES) / 1000;
      return { id: claim.id, supportWeight: support, disputeWeight: dispute, conflictWeight: Math.min(support, dispute), updatedAt };
    }),
  );
  for (const id of moves.keys()) w.reweighed.add(id);
}

/** The live stances of these speakers on these claims, by pair: a seek each on the (speakerId, claimId) index. */
async function stancesOfSpeakers(w: WriteContext, pairs: readonly { claimId: string; speakerId: string }[]): Promise<StanceRow[]> {
  const unique = [...new Map(pairs.map((p) => [`${p.claimId} ${p.speakerId}`, [p.speakerId, p.claimId]])).values()];
  const rows = await findByTuples<StanceRow>(w, "Stance", ["speakerId", "claimId"], unique, {
    select: ["id", "claimId", "position", "credibility", "speakerId", "sourceId"],
    where: `t."retractedAt" IS NULL`,
  });
  return rows.map((row) => ({ ...row, position: String(row.position), credibility: row.credibility === null ? null : Number(row.credibility) }));
}

const STANCE = { id: true, claimId: true, position: true, credibility: true, speakerId: true, sourceId: true } as const;
type StanceRow = { id: string; claimId: string; position: string; credibility: number | null; speakerId: string | null; sourceId: string };

/** What a stance's origin and weight are read from (its source, outlet and speaker), looked up in batches. */
class Facts {
  private readonly sources = new Map<
    string,
    { reliability: Reliability | null; familyId: string | null; outlet: { id: string; name: string; reliability: Reliability | null } }
  >();
  private readonly speakers = new Map<string, { id: string; name: string; unnamed: boolean }>();
  constructor(private readonly w: WriteContext) {}

  async add(stances: readonly StanceRow[]): Promise<this> {
    const { tx } = this.w;
    const sources = await findByKeys(
      stances.map((s) => s.sourceId).filter((id) => !this.sources.has(id)),
      (ids) =>
        tx.source.findMany({
          where: { id: { in: ids } },
          select: { id: true, reliability: true, familyId: true, outlet: { select: { id: true, name: true, reliability: true } } },
        }),
    );
    for (const { id, ...source } of sources) this.sources.set(id, source);
    const speakers = await findByKeys(
      stances.flatMap((s) => (s.speakerId && !this.speakers.has(s.speakerId) ? [s.speakerId] : [])),
      (ids) => tx.actor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, unnamed: true } }),
    );
    for (const speaker of speakers) this.speakers.set(speaker.id, speaker);
    return this;
  }

  source(s: StanceRow) {
    return this.sources.get(s.sourceId)!;
  }

  outletOf(s: StanceRow) {
    return this.source(s).outlet.id;
  }

  origin(s: StanceRow) {
    const source = this.source(s);
    return originOf({ outlet: source.outlet, speaker: s.speakerId ? this.speakers.get(s.speakerId)! : null, familyId: source.familyId });
  }

  /** The stance's origin on its claim and side: the unit whose heaviest stance counts. */
  group(s: StanceRow) {
    return `${s.claimId}|${s.position}|${this.origin(s).key}`;
  }

  /** Its weight as graded now, in thousandths. */
  weight(s: StanceRow) {
    const source = this.source(s);
    return thousandths(stanceWeight(effectiveReliability(source, source.outlet), s.credibility));
  }
}
