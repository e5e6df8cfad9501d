import { createHash } from "node:crypto";
import type { Db } from "../database/create-client";
import { isUniqueViolation } from "../database/unique-violation";
import { AppError, notFound } from "../errors";
import { excerpt } from "../format";
import type { CurrentUser } from "../roles";
import { addClaim } from "../claims/write-claim";
import { STOP_WORDS, suggestClaims } from "../claims/suggest-claims";
import { parseInput } from "../schemas/parse-input";
import { CheckRequestSchema, DecideRequestSchema } from "../schemas/requests";
import { defineWrite, runWrite } from "../write/context";
import { commitVersion } from "../write/versioned";

// Reader requests (issue 14, decision 0019). Anyone may ask for a claim to be checked: signed in,
// or as a visitor limited by their address. A request that says what a stored claim says joins
// that claim's request; otherwise requests with the same words join. Each requester counts once
// per request however often they ask, and "most wanted" orders by how many distinct requesters
// asked, then by the newest ask. An analyst accepts one into the review queue (a new claim when it
// matched none) or declines it with a reason its requesters read.

/** Asks one address may send in an hour, and one account in a day. */
export const MAX_ASKS_PER_ADDRESS_HOUR = 10;
export const MAX_ASKS_PER_ACCOUNT_DAY = 30;
/** How alike a request's words and a claim's must be (Dice over their content words) to be the same claim. */
export const MATCH_THRESHOLD = 0.6;

export type Asker = { user: CurrentUser | null; address: string };

/** Words a request adds around a claim ("did …", "is it true that …") that say nothing of it. */
const ASKING_WORDS = new Set("did does do really true whether if claim claims check checked".split(" "));

/** The words that tell claims apart: lower-case, without accents, common words or asking words. */
function contentWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !ASKING_WORDS.has(w));
}

/**
 * A word's crude stem, so that "resumed" meets "resume" and "troops" meets "troop": a plural's s
 * dropped, then the first six letters.
 */
const stem = (word: string) => (word.length > 3 ? word.replace(/s$/, "") : word).slice(0, 6);

/** Dice's coefficient of two texts' stemmed content words: 1 when they are the same words, 0 when they share none. */
export function wordOverlap(a: string, b: string): number {
  const x = new Set(contentWords(a).map(stem));
  const y = new Set(contentWords(b).map(stem));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/**
 * The stored claim a request says, if any: the full-text index's candidates (lib/claims/suggest-claims.ts),
 * the one sharing most of its words, when it shares enough (MATCH_THRESHOLD).
 */
export async function matchingClaim(db: Db, text: string): Promise<{ id: string; slug: string; text: string; score: number } | null> {
  const candidates = await suggestClaims(db, { q: [...new Set(contentWords(text))].join(" ").slice(0, 500), limit: 8 });
  let best: { id: string; slug: string; text: string; score: number } | null = null;
  for (const c of candidates) {
    const score = wordOverlap(text, c.text);
    if (score >= MATCH_THRESHOLD && (!best || score > best.score)) best = { id: c.id, slug: c.slug, text: c.text, score };
  }
  return best;
}

const hashed = (value: string) => createHash("sha256").update(value).digest("hex");
const folded = (text: string) => [...new Set(contentWords(text).map(stem))].sort().join(" ") || text.trim().toLowerCase();

/** Refuses an ask past the per-address or per-account limit. */
async function assertWithinLimits(db: Db, asker: Asker, address: string, now: Date): Promise<void> {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  if ((await db.checkAsk.count({ where: { address, createdAt: { gt: hourAgo } } })) >= MAX_ASKS_PER_ADDRESS_HOUR) {
    throw new AppError("RATE_LIMITED", `At most ${MAX_ASKS_PER_ADDRESS_HOUR} requests an hour come from one address. Try again later.`);
  }
  if (asker.user) {
    const dayAgo = new Date(now.getTime() - 86_400_000);
    if ((await db.checkAsk.count({ where: { userId: asker.user.id, createdAt: { gt: dayAgo } } })) >= MAX_ASKS_PER_ACCOUNT_DAY) {
      throw new AppError("RATE_LIMITED", `At most ${MAX_ASKS_PER_ACCOUNT_DAY} requests a day come from one account. Try again tomorrow.`);
    }
  }
}

/**
 * Asks for a claim to be checked. Returns the request it joined and whether this ask counted (an
 * asker who already asked for the same is counted once).
 */
export async function askToCheck(db: Db, asker: Asker, input: unknown, now = new Date()) {
  const data = parseInput(CheckRequestSchema, input);
  const address = hashed(`corroborate-request:${asker.address}`).slice(0, 32);
  await assertWithinLimits(db, asker, address, now);
  const match = await matchingClaim(db, data.text);
  const matchKey = match ? `claim:${match.id}` : `text:${hashed(folded(data.text))}`;
  const askerKey = asker.user ? `u:${asker.user.id}` : `a:${address}`;
  const writer = { userId: asker.user?.id ?? null, role: asker.user?.role ?? ("READER" as const) };
  const write = () =>
    runWrite(
      db,
      writer,
      async (w) => {
        const { tx } = w;
        const request =
          (await tx.checkRequest.findUnique({ where: { matchKey }, select: { id: true, status: true } })) ??
          (await tx.checkRequest.create({
            data: { matchKey, text: data.text, claimId: match?.id ?? null, lastAskedAt: now },
            select: { id: true, status: true },
          }));
        const already = await tx.checkAsk.findUnique({ where: { requestId_askerKey: { requestId: request.id, askerKey } }, select: { id: true } });
        if (already) return { id: request.id, status: request.status, counted: false, claim: match };
        await tx.checkAsk.create({
          data: {
            requestId: request.id,
            askerKey,
            userId: asker.user?.id ?? null,
            address,
            text: data.text,
            url: data.url ?? null,
            why: data.why,
            createdAt: now,
          },
        });
        await tx.checkRequest.update({ where: { id: request.id }, data: { askerCount: { increment: 1 }, lastAskedAt: now } });
        return { id: request.id, status: request.status, counted: true, claim: match };
      },
      { rerunnable: true },
    );
  try {
    return await write();
  } catch (error) {
    // Two first asks for the same thing at once: the second joins the request the first made.
    if (isUniqueViolation(error)) return write();
    throw error;
  }
}

/** An analyst accepts a request into the review queue or declines it, saying why; its requesters are told. */
export const decideRequest = defineWrite({ role: "ANALYST", doing: "decide on requests", input: DecideRequestSchema }, async (w, data) => {
  const { tx } = w;
  const request = await tx.checkRequest.findUnique({
    where: { id: data.id },
    select: { id: true, text: true, status: true, version: true, claimId: true, asks: { select: { userId: true } } },
  });
  if (!request) throw notFound("The request");
  if (request.status !== "OPEN") throw new AppError("CONFLICT", `This request was already ${request.status === "ACCEPTED" ? "accepted" : "declined"}.`);
  let claimId = request.claimId;
  if (data.decision === "ACCEPT" && !claimId) {
    if (!data.topic) throw new AppError("INVALID", "topic: choose the topic of the new claim", "topic");
    if (!data.claimText) throw new AppError("INVALID", "claimText: give the claim's wording (at most 500 characters)", "claimText");
    claimId = (await addClaim(w, { text: data.claimText, topic: data.topic }, "")).id;
  }
  const decidedAt = new Date();
  const status = data.decision === "ACCEPT" ? "ACCEPTED" : "DECLINED";
  const version = await commitVersion(
    w,
    { entityType: "REQUEST", noun: "request", id: request.id, expected: data.version },
    (where) =>
      tx.checkRequest.updateMany({
        where,
        data: {
          status,
          reason: data.reason ?? null,
          decidedAt,
          decidedById: w.userId,
          claimId,
          // A new claim is what later requests for it match.
          ...(claimId && claimId !== request.claimId ? { matchKey: `claim:${claimId}` } : {}),
          version: { increment: 1 },
        },
      }),
    { action: "UPDATE", changes: { status: [request.status, status], reason: [null, data.reason ?? null] }, reason: data.reason ?? undefined },
  );
  if (status === "ACCEPTED" && claimId) {
    await tx.claim.updateMany({ where: { id: claimId, requestedAt: null }, data: { requestedAt: decidedAt } });
    w.showClaims(claimId);
  }
  const askers = [...new Set(request.asks.map((a) => a.userId).filter((id): id is string => id !== null))];
  w.notify({
    kind: "REQUEST",
    summary: `Your request “${excerpt(request.text, 100)}” was ${status === "ACCEPTED" ? "accepted for checking" : "declined"}${data.reason ? `: ${data.reason}` : "."}`,
    claimId: status === "ACCEPTED" ? claimId : null,
    href: `/requests/${request.id}`,
    to: askers,
    watched: false,
  });
  return { id: request.id, version, status, claimId };
});
