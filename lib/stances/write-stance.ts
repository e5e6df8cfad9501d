import type { z } from "zod";
import { AppError, notFound, unknownReference } from "../errors";
import { resolveSpeaker } from "../actors/write-actor";
import { addClaim } from "../claims/write-claim";
import { diffFields } from "../revisions/record";
import { assertVersion, commitVersion, retraction } from "../write/versioned";
import { RestoreSchema, RetractSchema, StanceCreateSchema, StanceUpdateSchema } from "../schemas/writes";
import { locateQuote } from "../sources/anchor-quote";
import { authorizeWriter, defineWrite, type WriteContext } from "../write/context";
import { parseInput } from "../schemas/parse-input";
import { insertRows } from "../database/insert-rows";
import { POSITION_LABEL } from "../labels";
import { excerpt } from "../format";
import { checkEach, only, thenEach, type Outcome } from "../write/outcome";
import { findByTuples } from "../database/find-by-tuples";
import { findByKeys } from "../database/in-chunks";
import { currentSourceTexts } from "../database/row-locks";

type StanceInput = z.output<typeof StanceCreateSchema>;
/** A source's current text and its number (Source.textVersion). */
export type SourceText = { text: string; version: number };
export type Linked = { id: string; claimId: string; claimSlug: string; start: number; end: number };
/** What the caller (an import) has already read in this transaction, so that it is not read again. */
export type Known = {
  /** Source texts, by source id, with their version numbers (a stance is anchored in one). */
  texts?: ReadonlyMap<string, SourceText>;
  /** Claims and speakers as stored, by id. */
  claims?: ReadonlyMap<string, { id: string; slug: string; retractedAt: Date | null }>;
  speakers?: ReadonlyMap<string, { id: string; name: string }>;
  /**
   * The stance stored on a claim for a passage (null: none), from the caller's reading of all the
   * stances of that claim, kept current as it writes; undefined for a claim it has not read.
   */
  linked?: (claimId: string, sourceId: string, start: number, end: number) => { retractedAt: Date | null } | null | undefined;
};
export type LinkOutcome = Outcome<Linked>;

const passageKey = (claimId: string, sourceId: string, start: number, end: number) => `${claimId}|${sourceId}|${start}|${end}`;

/**
 * Links passages of sources to claims, one or many at once (the form and the API link one, an
 * import many): each quote is checked against its source's stored text (the offsets given are
 * only a hint), and a new claim or speaker named on the way is created in the same transaction.
 * What the items refer to is looked up in batches and the stances are inserted in batches;
 * each item gets its own answer, and a refused item writes nothing.
 */
export async function linkPassages(w: WriteContext, items: readonly StanceInput[], known: Known = {}): Promise<LinkOutcome[]> {
  const { tx } = w;
  const defined = (ids: (string | undefined)[]) => ids.filter((id): id is string => id !== undefined);
  const sources = new Map<string, { id: string } & SourceText>();
  for (const { sourceId: id } of items) {
    const current = known.texts?.get(id);
    if (current !== undefined) sources.set(id, { id, ...current });
  }
  const unread = items.map((i) => i.sourceId).filter((id) => !sources.has(id));
  // On PostgreSQL under a share lock, so a new text of the source waits for this write (lib/database/row-locks.ts).
  for (const source of await currentSourceTexts(w, unread)) sources.set(source.id, { id: source.id, text: source.text, version: source.textVersion });
  const claims = new Map<string, { id: string; slug: string; retractedAt: Date | null }>();
  const speakers = new Map<string, { id: string; name: string }>();
  for (const { claim, speaker } of items) {
    const knownClaim = "id" in claim ? known.claims?.get(claim.id) : undefined;
    if (knownClaim) claims.set(knownClaim.id, knownClaim);
    const knownSpeaker = speaker && "id" in speaker ? known.speakers?.get(speaker.id) : undefined;
    if (knownSpeaker) speakers.set(knownSpeaker.id, knownSpeaker);
  }
  for (const claim of await findByKeys(
    defined(items.map((i) => ("id" in i.claim && !claims.has(i.claim.id) ? i.claim.id : undefined))),
    (refs) => tx.claim.findMany({ where: { OR: [{ id: { in: refs } }, { slug: { in: refs } }] }, select: { id: true, slug: true, retractedAt: true } }),
    2,
  ))
    claims.set(claim.id, claim).set(claim.slug, claim);
  for (const actor of await findByKeys(
    defined(items.map((i) => (i.speaker && "id" in i.speaker && !speakers.has(i.speaker.id) ? i.speaker.id : undefined))),
    (ids) => tx.actor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  ))
    speakers.set(actor.id, actor);

  type Ready = {
    at: number;
    data: StanceInput;
    sourceId: string;
    /** The source's text version the offsets point into. */
    textVersion: number;
    claim: { id: string; slug: string };
    speaker: { id: string; name: string } | null;
    anchor: ReturnType<typeof locateQuote>;
  };
  const outcomes: LinkOutcome[] = [];
  const ready: Ready[] = [];
  for (const [at, data] of items.entries()) {
    try {
      const source = sources.get(data.sourceId);
      if (!source) throw unknownReference("sourceId", "The source");
      const hint = data.start !== undefined && data.end !== undefined ? { start: data.start, end: data.end } : undefined;
      const anchor = locateQuote(source.text, data.quote, hint);
      const claim = "id" in data.claim ? liveClaim(claims.get(data.claim.id)) : await addClaim(w, data.claim.new);
      const speaker = data.speaker === null ? null : "id" in data.speaker ? speakers.get(data.speaker.id) : await resolveSpeaker(w, data.speaker);
      if (speaker === undefined) throw unknownReference("speaker", "The chosen speaker");
      ready.push({ at, data, sourceId: source.id, textVersion: source.version, claim, speaker, anchor });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes[at] = { ok: false, error };
    }
  }

  // A passage already linked to the claim, or linked twice in these items, is refused.
  const stored = new Map<string, { retractedAt: Date | null }>();
  const unknown: Ready[] = [];
  for (const r of ready) {
    const same = known.linked?.(r.claim.id, r.sourceId, r.anchor.start, r.anchor.end);
    if (same === undefined) unknown.push(r);
    else if (same) stored.set(passageKey(r.claim.id, r.sourceId, r.anchor.start, r.anchor.end), same);
  }
  // Only stances in the source's current text: an orphan keeps its offsets in an earlier one.
  const linked = await findByTuples<{ claimId: string; sourceId: string; start: number; end: number; retractedAt: Date | null }>(
    w,
    "Stance",
    ["claimId", "sourceId", "anchoredVersion", "start", "end"],
    unknown.map((r) => [r.claim.id, r.sourceId, r.textVersion, r.anchor.start, r.anchor.end]),
    { select: ["claimId", "sourceId", "start", "end", "retractedAt"] },
  );
  for (const row of linked) stored.set(passageKey(row.claimId, row.sourceId, Number(row.start), Number(row.end)), row);
  const toInsert: Ready[] = [];
  for (const r of ready) {
    const key = passageKey(r.claim.id, r.sourceId, r.anchor.start, r.anchor.end);
    const same = stored.get(key);
    if (same) {
      const message = same.retractedAt
        ? "This passage was linked to this claim and retracted; restore that stance instead."
        : "This passage is already linked to this claim.";
      outcomes[r.at] = { ok: false, error: new AppError("CONFLICT", message, "quote") };
      continue;
    }
    stored.set(key, { retractedAt: null });
    toInsert.push(r);
  }

  /** What the stance says, as stored and as its revision records it. */
  const fieldsOf = (r: Ready) => ({
    position: r.data.position,
    mode: r.data.mode,
    quote: r.data.quote,
    start: r.anchor.start,
    end: r.anchor.end,
    note: r.data.note,
  });
  // PostgreSQL: a new stance's foreign key takes a share lock on its claim's row, and the summary
  // refresh then updates that row; two writers linking to one claim would each wait for the
  // other's share lock. Taking the summaries' locks first (in id order) puts them in line instead.
  await w.lockSummaries(toInsert.map((r) => r.claim.id));
  const rows = await insertRows(
    w,
    "Stance",
    toInsert.map((r) =>
      Object.assign(fieldsOf(r), {
        speakerId: r.speaker?.id ?? null,
        claimId: r.claim.id,
        sourceId: r.sourceId,
        anchoredVersion: r.textVersion,
        prefix: r.anchor.prefix,
        suffix: r.anchor.suffix,
      }),
    ),
  );
  await w.reviseCreated("STANCE", rows, (i) => {
    const r = toInsert[i]!;
    return { fields: Object.assign(fieldsOf(r), { speaker: r.speaker?.name ?? null }), claimId: r.claim.id, sourceId: r.sourceId };
  });
  for (const [i, r] of toInsert.entries()) {
    w.touchClaims(r.claim.id);
    w.sources.add(r.sourceId);
    if (r.speaker) w.actors.add(r.speaker.id);
    w.notify({
      kind: "STANCE",
      summary: `New stance — ${POSITION_LABEL[r.data.position].toLowerCase()}: “${excerpt(r.data.quote)}”`,
      claimId: r.claim.id,
      sourceId: r.sourceId,
    });
    outcomes[r.at] = { ok: true, value: { id: rows[i]!.id, claimId: r.claim.id, claimSlug: r.claim.slug, start: r.anchor.start, end: r.anchor.end } };
  }
  return outcomes;
}

function liveClaim(claim: { id: string; slug: string; retractedAt: Date | null } | undefined) {
  if (!claim) throw unknownReference("claim", "The chosen claim");
  if (claim.retractedAt) throw new AppError("INVALID", "The chosen claim is retracted; restore it before linking passages to it.", "claim");
  return claim;
}

/** Links one passage to a claim (the tagging panel, the API): linkPassages with one item. */
export const createStance = defineWrite(
  {
    role: "RESEARCHER",
    doing: "link passages to claims",
    input: StanceCreateSchema,
    duplicate: { message: "Someone has just linked this passage to this claim.", field: "quote" },
  },
  async (w, data) => {
    const { claimId: _, ...linked } = only(await linkPassages(w, [data]));
    return linked;
  },
);

/** Links many passages inside an open write (an import): the same role check and schema as createStance, item by item. */
export async function createStances(w: WriteContext, inputs: readonly unknown[], known?: Known): Promise<LinkOutcome[]> {
  authorizeWriter(w.writer, "RESEARCHER", "link passages to claims");
  return thenEach(
    checkEach(inputs, (input) => parseInput(StanceCreateSchema, input)),
    (items) => linkPassages(w, items, known),
  );
}

/** Changes how a stance reads its passage (position, mode, speaker, note); the passage itself stays. */
export const updateStance = defineWrite({ role: "RESEARCHER", doing: "edit stances", input: StanceUpdateSchema }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
  const stance = await tx.stance.findUnique({
    where: { id: data.id },
    include: { claim: { select: { slug: true } }, speaker: { select: { name: true } } },
  });
  if (!stance) throw notFound("The stance");
  await assertVersion(tx, target, stance);
  const speaker = await resolveSpeaker(w, data.speaker);
  const wanted = { position: data.position, mode: data.mode, note: data.note };
  const changes = diffFields({ ...stance, speaker: stance.speaker?.name ?? null }, { ...wanted, speaker: speaker?.name ?? null });
  if (Object.keys(changes).length === 0 && stance.speakerId === (speaker?.id ?? null)) {
    return { claimSlug: stance.claim.slug, version: stance.version, changed: false };
  }
  const version = await commitVersion(
    w,
    target,
    (where) => tx.stance.updateMany({ where, data: { ...wanted, speakerId: speaker?.id ?? null, version: { increment: 1 } } }),
    { action: "UPDATE", changes, reason: data.reason, claimId: stance.claimId, sourceId: stance.sourceId },
  );
  w.touchClaims(stance.claimId);
  w.sources.add(stance.sourceId);
  for (const id of [stance.speakerId, speaker?.id]) if (id) w.actors.add(id);
  return { claimSlug: stance.claim.slug, version, changed: true };
});

/** A retracted stance counts for nothing and shows only as retracted; restoreStance undoes it. */
export const retractStance = defineWrite({ role: "RESEARCHER", doing: "retract stances", input: RetractSchema }, (w, data) =>
  setStanceRetraction(w, data, true),
);

export const restoreStance = defineWrite({ role: "RESEARCHER", doing: "restore stances", input: RestoreSchema }, (w, data) =>
  setStanceRetraction(w, data, false),
);

async function setStanceRetraction(w: WriteContext, data: { id: string; version: number; reason: string | null }, retract: boolean) {
  const { tx } = w;
  const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
  const stance = await tx.stance.findUnique({ where: { id: data.id }, include: { claim: { select: { slug: true } } } });
  if (!stance) throw notFound("The stance");
  await assertVersion(tx, target, stance);
  const change = retraction(stance, retract, data.reason, "stance");
  const version = await commitVersion(w, target, (where) => tx.stance.updateMany({ where, data: { ...change.data, version: { increment: 1 } } }), {
    action: change.action,
    changes: change.changes,
    reason: data.reason,
    claimId: stance.claimId,
    sourceId: stance.sourceId,
  });
  w.touchClaims(stance.claimId);
  w.sources.add(stance.sourceId);
  if (stance.speakerId) w.actors.add(stance.speakerId);
  return { claimSlug: stance.claim.slug, version };
}
