import type { Db } from "../database/create-client";
import { AppError, notFound } from "../errors";
import { env } from "../env";
import { authorize, type CurrentUser } from "../roles";
import { parseInput } from "../schemas/parse-input";
import { SourceRefetchSchema, SourceTextSchema, StanceReattachSchema } from "../schemas/writes";
import { defineWrite, runWrite, writerOf, type WriteContext } from "../write/context";
import { assertVersion, commitVersion } from "../write/versioned";
import { insertRows } from "../database/insert-rows";
import { currentSourceTexts } from "../database/row-locks";
import { recordCopies } from "../families/find-copies";
import type { TextOrigin } from "../../generated/sqlite/enums";
import { locateQuote } from "./anchor-quote";
import { fetchSourceDraft } from "./fetch-page";
import { reanchor, type Placement } from "./reanchor";
import { contentHash, normalizeSourceText } from "./source-text";
import { diffTexts, positionMap } from "./text-diff";
import { duplicateError, findDuplicateSource } from "./write-source";

// Sources that change (decision 0025). A source's text may be replaced by a corrected one
// (uploaded, fetched again from its address, or a file's); the text before is kept whole as a
// SourceVersion, and every stance on the source is re-anchored in the new text: the same words,
// or the passage that best matches them (lib/sources/reanchor.ts), or none, and then it is an
// orphan. Where a stance stood before is kept as a StanceAnchor, so each quote still verifies
// against the text it was taken from.

/** What a new text did to the source's stances. */
export type Reanchored = {
  /** The same words, found again (orphans found again included). */
  exact: number;
  /** The passage found with its wording changed. */
  changed: number;
  /** The words are gone from the new text: orphans now. */
  orphaned: number;
};

export type NewText = { changed: false; textVersion: number } | { changed: true; version: number; textVersion: number; stances: Reanchored };

type TextChange = { text: string; origin: TextOrigin; reason: string | null; fetchedAt?: Date };

/**
 * Replaces the source's text inside the caller's write, when it differs from the current one.
 * `expected` is the source's version the researcher started from (undefined: an import, which
 * holds the whole write).
 */
export async function replaceSourceText(w: WriteContext, sourceId: string, expected: number | undefined, change: TextChange): Promise<NewText> {
  const { tx } = w;
  const source = await tx.source.findUnique({
    where: { id: sourceId },
    select: { id: true, text: true, contentHash: true, textVersion: true, textOrigin: true, textAt: true, createdAt: true, version: true },
  });
  if (!source) throw notFound("The source");
  const target = { entityType: "SOURCE", noun: "source", id: source.id, expected: expected ?? source.version } as const;
  await assertVersion(tx, target, source);
  if (change.text.trim() === "") throw new AppError("INVALID", "text: must not be empty", "text");
  const hash = contentHash(change.text);
  if (hash === source.contentHash) return { changed: false, textVersion: source.textVersion };
  const duplicate = await findDuplicateSource(tx, { hash });
  if (duplicate) throw duplicateError(duplicate);

  const now = new Date();
  const next = source.textVersion + 1;
  await tx.sourceVersion.create({
    data: {
      sourceId: source.id,
      number: source.textVersion,
      text: source.text,
      contentHash: source.contentHash,
      origin: source.textOrigin,
      fetchedAt: source.textAt ?? source.createdAt,
      replacedAt: now,
      reason: change.reason,
    },
  });
  const version = await commitVersion(
    w,
    target,
    (where) =>
      tx.source.updateMany({
        where,
        data: {
          text: change.text,
          contentHash: hash,
          textVersion: next,
          textOrigin: change.origin,
          textAt: change.fetchedAt ?? now,
          version: { increment: 1 },
        },
      }),
    {
      action: "UPDATE",
      changes: {
        text: [`version ${source.textVersion}, ${source.text.length} characters`, `version ${next}, ${change.text.length} characters`],
        contentHash: [source.contentHash, hash],
      },
      reason: change.reason,
      sourceId: source.id,
    },
  );
  const stances = await reanchorStances(w, { id: source.id, text: source.text, version: source.textVersion }, { text: change.text, version: next }, now);

  // The new text's fingerprint replaces the old one's, and copies of it are looked for again.
  await tx.sourceBand.deleteMany({ where: { sourceId: source.id } });
  await recordCopies(w, [{ id: source.id, text: change.text }]);
  w.sources.add(source.id);
  w.notify({
    kind: "SOURCE",
    summary: `New text of the source (version ${next}): ${stances.exact} passages found again, ${stances.changed} changed, ${stances.orphaned} orphaned`,
    sourceId: source.id,
  });
  return { changed: true, version, textVersion: next, stances };
}

type StoredStance = {
  id: string;
  claimId: string;
  speakerId: string | null;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  anchoredVersion: number;
  orphanedAt: Date | null;
  version: number;
};

/** Places every stance of the source in its new text and writes where each went (decision 0025). */
async function reanchorStances(
  w: WriteContext,
  before: { id: string; text: string; version: number },
  after: { text: string; version: number },
  now: Date,
): Promise<Reanchored> {
  const { tx } = w;
  const stances: StoredStance[] = await tx.stance.findMany({
    where: { sourceId: before.id },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    select: {
      id: true,
      claimId: true,
      speakerId: true,
      quote: true,
      start: true,
      end: true,
      prefix: true,
      suffix: true,
      anchoredVersion: true,
      orphanedAt: true,
      version: true,
    },
  });
  const counts: Reanchored = { exact: 0, changed: 0, orphaned: 0 };
  if (stances.length === 0) return counts;
  const parts = diffTexts(before.text, after.text);
  const map = parts ? positionMap(parts) : null;
  // Orphans from older texts are looked for too, without the comparison (it is of the text before).
  const olderLengths = new Map(
    (
      await tx.sourceVersion.findMany({
        where: { sourceId: before.id, number: { in: [...new Set(stances.filter((s) => s.anchoredVersion !== before.version).map((s) => s.anchoredVersion))] } },
        select: { number: true, text: true },
      })
    ).map((v) => [v.number, v.text.length]),
  );
  /** One claim's stance per passage: a second placed on the same words is an orphan. */
  const taken = new Set<string>();
  const anchors: {
    stanceId: string;
    version: number;
    quote: string;
    start: number;
    end: number;
    outcome: "EXACT" | "CHANGED";
    nextVersion: number;
    nextQuote: string;
    movedAt: Date;
  }[] = [];
  for (const stance of stances) {
    const current = stance.anchoredVersion === before.version;
    let placement: Placement = reanchor(
      after.text,
      stance,
      current ? map : null,
      current ? before.text.length : (olderLengths.get(stance.anchoredVersion) ?? before.text.length),
    );
    if (placement.kind !== "orphan") {
      const key = `${stance.claimId}|${placement.start}|${placement.end}`;
      if (taken.has(key)) placement = { kind: "orphan" };
      else taken.add(key);
    }
    if (placement.kind === "orphan") {
      if (stance.orphanedAt) continue; // an orphan still
      counts.orphaned++;
      await tx.stance.update({ where: { id: stance.id }, data: { orphanedAt: now, version: { increment: 1 } } });
      await w.revise({
        entityType: "STANCE",
        entityId: stance.id,
        version: stance.version + 1,
        action: "UPDATE",
        changes: { orphaned: [null, `The source's version ${after.version} no longer has these words.`] },
        claimId: stance.claimId,
        sourceId: before.id,
      });
      continue;
    }
    const quote = placement.kind === "changed" ? placement.quote : stance.quote;
    const changedWords = quote !== stance.quote;
    if (changedWords) counts.changed++;
    else counts.exact++;
    anchors.push({
      stanceId: stance.id,
      version: stance.anchoredVersion,
      quote: stance.quote,
      start: stance.start,
      end: stance.end,
      outcome: changedWords ? "CHANGED" : "EXACT",
      nextVersion: after.version,
      nextQuote: quote,
      movedAt: now,
    });
    const bump = changedWords || stance.orphanedAt !== null;
    await tx.stance.update({
      where: { id: stance.id },
      data: {
        quote,
        start: placement.start,
        end: placement.end,
        prefix: placement.prefix,
        suffix: placement.suffix,
        anchoredVersion: after.version,
        orphanedAt: null,
        ...(bump ? { version: { increment: 1 } } : {}),
      },
    });
    if (bump)
      await w.revise({
        entityType: "STANCE",
        entityId: stance.id,
        version: stance.version + 1,
        action: "UPDATE",
        changes: { quote: [stance.quote, quote], ...(stance.orphanedAt ? { orphaned: ["orphaned", null] } : {}) },
        claimId: stance.claimId,
        sourceId: before.id,
      });
  }
  await insertRows(w, "StanceAnchor", anchors);
  // Their pages show the quotes, and a quantity claim reads its figures from them.
  w.touchClaims(...new Set(stances.map((s) => s.claimId)));
  for (const s of stances) if (s.speakerId) w.actors.add(s.speakerId);
  return counts;
}

/** A corrected text uploaded by a researcher (the form, the API): a new version of the source. */
export const addSourceText = defineWrite({ role: "RESEARCHER", doing: "give sources a new text", input: SourceTextSchema, timeout: 30_000 }, (w, data) =>
  replaceSourceText(w, data.id, data.version, { text: normalizeSourceText(data.text), origin: "UPLOADED", reason: data.reason }),
);

/**
 * Fetches the source's address again and, when the page's text differs, makes it the source's new
 * version. The page is fetched before the write opens, so no transaction waits on the network.
 */
export async function refetchSource(db: Db, user: CurrentUser | null, input: unknown): Promise<NewText> {
  const account = authorize(user, "RESEARCHER", "fetch sources again");
  const data = parseInput(SourceRefetchSchema, input);
  const source = await db.source.findUnique({ where: { id: data.id }, select: { url: true } });
  if (!source) throw notFound("The source");
  if (!source.url || !/^https?:\/\//.test(source.url))
    throw new AppError("INVALID", "This source has no web address to fetch again: upload its corrected text instead.", "url");
  const fetchedAt = new Date();
  const draft = await fetchSourceDraft(source.url, { allowHosts: env().CORROBORATE_FETCH_ALLOW_HOSTS });
  const text = normalizeSourceText(draft.text);
  return runWrite(db, writerOf(account), (w) => replaceSourceText(w, data.id, data.version, { text, origin: "FETCHED", reason: data.reason, fetchedAt }), {
    timeout: 30_000,
    rerunnable: true,
  });
}

/**
 * Places an orphaned stance in its source's current text, on the words the researcher chose
 * there; where it stood before is kept (StanceAnchor, outcome REATTACHED).
 */
export const reattachStance = defineWrite(
  {
    role: "RESEARCHER",
    doing: "re-attach stances",
    input: StanceReattachSchema,
    duplicate: { message: "This passage is already linked to this claim.", field: "quote" },
  },
  async (w, data) => {
    const { tx } = w;
    const target = { entityType: "STANCE", noun: "stance", id: data.id, expected: data.version } as const;
    const found = await tx.stance.findUnique({ where: { id: data.id }, include: { claim: { select: { slug: true } } } });
    if (!found) throw notFound("The stance");
    // Its source's current text, read once (on PostgreSQL under a share lock, so a new text waits for this write).
    const [source] = await currentSourceTexts(w, [found.sourceId]);
    const stance = { ...found, source: source! };
    await assertVersion(tx, target, stance);
    if (!stance.orphanedAt) throw new AppError("CONFLICT", "This stance is not an orphan: its words are in the source's current text.");
    const hint = data.start !== undefined && data.end !== undefined ? { start: data.start, end: data.end } : undefined;
    const anchor = locateQuote(stance.source.text, data.quote, hint);
    const quote = stance.source.text.slice(anchor.start, anchor.end);
    const same = await tx.stance.findFirst({
      where: { claimId: stance.claimId, sourceId: stance.sourceId, anchoredVersion: stance.source.textVersion, start: anchor.start, end: anchor.end },
      select: { id: true },
    });
    if (same) throw new AppError("CONFLICT", "This passage is already linked to this claim.", "quote");
    const version = await commitVersion(
      w,
      target,
      (where) =>
        tx.stance.updateMany({
          where,
          data: { quote, ...anchor, anchoredVersion: stance.source.textVersion, orphanedAt: null, version: { increment: 1 } },
        }),
      {
        action: "UPDATE",
        changes: { quote: [stance.quote, quote], orphaned: ["orphaned", null] },
        reason: data.reason,
        claimId: stance.claimId,
        sourceId: stance.sourceId,
      },
    );
    await tx.stanceAnchor.create({
      data: {
        stanceId: stance.id,
        version: stance.anchoredVersion,
        quote: stance.quote,
        start: stance.start,
        end: stance.end,
        outcome: "REATTACHED",
        nextVersion: stance.source.textVersion,
        nextQuote: quote,
        movedAt: new Date(),
      },
    });
    w.touchClaims(stance.claimId);
    w.sources.add(stance.sourceId);
    if (stance.speakerId) w.actors.add(stance.speakerId);
    return { claimSlug: stance.claim.slug, version };
  },
);
