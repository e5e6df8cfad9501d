import { connectionOf, type Db, type TxConnection } from "../database/create-client";
import { updateRows } from "../database/update-rows";
import { findByTuples } from "../database/find-by-tuples";
import { changedFields } from "../database/sync-rows";
import { rankKey, summarizeClaim, type Position } from "../analysis/conflict";
import type { Reliability } from "../analysis/grading";
import { stanceFact } from "../analysis/stance-facts";
import { byPublicationThenOffset, storedAnalysisOf, type AnalysedStance } from "../analysis/claim-analysis";

/**
 * Recomputes what a claim stores about its live (unretracted) stances (status, counts, score, first
 * appearance, rank key, weights, origins, and the analysis the claim page reads: the origins listed
 * and a quantity claim's intervals) and writes it only where it changed. Call it inside the
 * transaction that changed the stances, so the summary is never stale. Says which claims' status
 * changed: the pages quoting them show it.
 */
export async function refreshClaimSummaries(target: TxConnection, claimIds: readonly string[]): Promise<{ statusChanged: string[] }> {
  const { tx } = target;
  const claims = await tx.claim.findMany({
    where: { id: { in: [...claimIds] } },
    select: {
      id: true,
      slug: true,
      status: true,
      supportsCount: true,
      disputesCount: true,
      qualifiesCount: true,
      sourceCount: true,
      stanceCount: true,
      conflictScore: true,
      firstSeenAt: true,
      supportWeight: true,
      disputeWeight: true,
      conflictWeight: true,
      originCount: true,
      lastEvidenceAt: true,
      rankKey: true,
      quantityKind: true,
      analysis: true,
    },
  });
  const stances = await liveStances(
    target,
    claimIds,
    claims.filter((c) => c.quantityKind !== null).map((c) => c.id),
  );
  const changed = claims.map(({ id, slug, quantityKind, ...stored }) => {
    const live = (stances.get(id) ?? []).sort(byPublicationThenOffset);
    const summary = summarizeClaim(live.map(stanceFact));
    const analysis = JSON.stringify(storedAnalysisOf(live, quantityKind));
    return { id, ...changedFields(stored, { ...summary, rankKey: rankKey(summary.conflictScore, slug), analysis }), updatedAt: new Date() };
  });
  await updateRows(
    target,
    "Claim",
    changed.filter((c) => Object.keys(c).length > 2),
  );
  return { statusChanged: changed.filter((c) => "status" in c).map((c) => c.id) };
}

/**
 * The live stances of these claims as the summary reads them, by claim. Flat rows and one
 * lookup per table, not a nested select: grading an outlet refreshes thousands of claims at
 * once, and Prisma's nested select took 4.7 s where this took 1.4 s (136,513 stances over
 * 2,210 claims, measured on the benchmark corpus). The stances and their sources are read by key
 * (findByTuples), which on SQLite goes to the driver: an import refreshes 5,000 claims holding
 * 100,000 stances at its end. The quotes are read only for quantity claims, whose intervals come
 * from their words.
 */
async function liveStances(target: TxConnection, claimIds: readonly string[], quantityClaimIds: readonly string[]): Promise<Map<string, AnalysedStance[]>> {
  const { tx } = target;
  type Row = {
    id: string;
    claimId: string;
    position: Position;
    credibility: number | bigint | null;
    speakerId: string | null;
    sourceId: string;
    start: number | bigint;
    intervalManual: boolean | number | bigint;
    intervalLow: number | null;
    intervalHigh: number | null;
  };
  const rows = await findByTuples<Row>(
    target,
    "Stance",
    ["claimId"],
    [...new Set(claimIds)].map((id) => [id]),
    {
      select: ["id", "claimId", "position", "credibility", "speakerId", "sourceId", "start", "intervalManual", "intervalLow", "intervalHigh"],
      where: `t."retractedAt" IS NULL`,
    },
  );
  const quotes = new Map(
    (
      await findByTuples<{ id: string; quote: string }>(
        target,
        "Stance",
        ["claimId"],
        quantityClaimIds.map((id) => [id]),
        { select: ["id", "quote"], where: `t."retractedAt" IS NULL` },
      )
    ).map((q) => [q.id, q.quote]),
  );
  const ids = (pick: (r: (typeof rows)[number]) => string | null) => [...new Set(rows.map(pick).filter((id) => id !== null))];
  const sources = (
    await findByTuples<{ id: string; publishedAt: Date | string | null; reliability: Reliability | null; outletId: string; familyId: string | null }>(
      target,
      "Source",
      ["id"],
      ids((r) => r.sourceId).map((id) => [id]),
      { select: ["id", "publishedAt", "reliability", "outletId", "familyId"] },
    )
  ).map((s) => ({ ...s, publishedAt: s.publishedAt === null ? null : new Date(s.publishedAt) }));
  const [outlets, speakers] = await Promise.all([
    tx.outlet.findMany({ where: { id: { in: [...new Set(sources.map((s) => s.outletId))] } }, select: { id: true, name: true, reliability: true } }),
    tx.actor.findMany({ where: { id: { in: ids((r) => r.speakerId) } }, select: { id: true, name: true, unnamed: true } }),
  ]);
  const outletById = new Map(outlets.map((o) => [o.id, o]));
  const sourceById = new Map(sources.map(({ outletId, ...s }) => [s.id, { ...s, outlet: outletById.get(outletId)! }]));
  const speakerById = new Map(speakers.map((a) => [a.id, a]));
  const byClaim = new Map<string, AnalysedStance[]>();
  for (const r of rows) {
    const stances = byClaim.get(r.claimId) ?? [];
    stances.push({
      id: r.id,
      start: Number(r.start),
      position: r.position,
      credibility: r.credibility === null ? null : Number(r.credibility),
      speaker: r.speakerId ? speakerById.get(r.speakerId)! : null,
      source: sourceById.get(r.sourceId)!,
      quote: quotes.get(r.id) ?? "",
      intervalManual: Boolean(Number(r.intervalManual)),
      intervalLow: r.intervalLow,
      intervalHigh: r.intervalHigh,
    });
    byClaim.set(r.claimId, stances);
  }
  return byClaim;
}

/**
 * Claims whose stored summary predates the weights and origins, or the stored analysis (a
 * database migrated from before them: live stances but no origin counted, or no analysis) get it
 * computed, 500 at a time. `npm start` runs it after migrating; on an up-to-date database it
 * finds nothing.
 */
export async function summarizeMigratedClaims(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = await db.claim.findMany({
      where: { stanceCount: { gt: 0 }, OR: [{ originCount: 0 }, { analysis: null }] },
      select: { id: true },
      take: 500,
    });
    if (batch.length === 0) return done;
    await db.$transaction(
      (tx) =>
        refreshClaimSummaries(
          connectionOf(db, tx),
          batch.map((c) => c.id),
        ),
      { timeout: 120_000 },
    );
    done += batch.length;
  }
}
