import type { Db } from "../database/create-client";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";

// Failed sign-ins slow down the client that failed, with a delay that doubles with every
// failure past the first few, up to the window; a browser that has signed in to the account
// before is judged by its own failures alone. Clients new to the account are also held back
// together once the account has drawn many failures from everywhere, which is what a guessing
// network looks like. The counts live in the database, so they hold across app servers and
// restarts. Trade-offs: docs/decisions/0013.

export const WINDOW_MINUTES = 15;
/** Failures from one client allowed before each next try waits. */
export const FREE_FAILURES = 4;
/** Failures on one account from clients it has not seen sign in, before all of them wait. */
export const UNTRUSTED_ACCOUNT_FAILURES = 50;

const WINDOW_MS = WINDOW_MINUTES * 60_000;
const key = (email: string) => email.trim().toLowerCase();

/** How long a client must wait after its n-th failure in the window: 0, then 2 s, 4 s, 8 s … 15 min. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES + 1) * 1_000, WINDOW_MS);
}

const wait = (ms: number) => {
  const seconds = Math.max(1, Math.ceil(ms / 1_000));
  return seconds < 120 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
};

export type SignInClient = { client: string; address: string; trustedCookie: string | null };

/** Whether this browser's cookie has signed in to this account before. */
async function isTrusted(db: Db, email: string, cookie: string | null): Promise<boolean> {
  if (!cookie) return false;
  return (await db.auditEvent.count({ where: { kind: "SIGN_IN", email: key(email), client: `c:${cookie}` } })) > 0;
}

/** Refuses a sign-in attempt while this client must wait; says how long. */
export async function assertSignInAllowed(db: Db, email: string, who: SignInClient, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const address = key(email);
  const mine = await db.signInFailure.findMany({
    where: { email: address, client: { in: [who.client, `t:${who.client}`] }, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const refuse = async (message: string) => {
    await recordAudit(db, { kind: "SIGN_IN_THROTTLED", email: address, address: who.address, client: who.client, detail: message });
    throw new AppError("FORBIDDEN", message);
  };
  const delay = delayAfter(mine.length);
  if (delay > 0) {
    const freeAt = mine[0]!.createdAt.getTime() + delay;
    if (freeAt > now.getTime()) await refuse(`Too many failed sign-ins from this browser. Try again in ${wait(freeAt - now.getTime())}.`);
  }
  if (await isTrusted(db, email, who.trustedCookie)) return;
  const untrusted = await db.signInFailure.findMany({
    where: { email: address, createdAt: { gt: since }, NOT: { client: { startsWith: "t:" } } },
    orderBy: { createdAt: "desc" },
    take: UNTRUSTED_ACCOUNT_FAILURES,
    select: { createdAt: true },
  });
  if (untrusted.length < UNTRUSTED_ACCOUNT_FAILURES) return;
  const freeAt = untrusted[untrusted.length - 1]!.createdAt.getTime() + WINDOW_MS;
  await refuse(
    `Too many failed sign-ins for this account from new places. Sign in from a browser you have used before, or try again in ${wait(freeAt - now.getTime())}.`,
  );
}

/** Records a failed sign-in, and forgets failures old enough not to count. */
export async function recordSignInFailure(db: Db, email: string, who: SignInClient, now = new Date()): Promise<void> {
  const trusted = await isTrusted(db, email, who.trustedCookie);
  await db.$transaction([
    db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MS) } } }),
    // A trusted browser's failures are marked, so they never hold back new clients.
    db.signInFailure.create({ data: { email: key(email), client: trusted ? `t:${who.client}` : who.client, createdAt: now } }),
    db.auditEvent.create({ data: { kind: "SIGN_IN_FAILED", email: key(email), address: who.address, client: who.client, createdAt: now } }),
  ]);
}

/** A successful sign-in clears this client's failures and marks its cookie as known to the account. */
export async function recordSignIn(db: Db, { email, userId }: { email: string; userId: string }, who: SignInClient & { cookie: string }): Promise<void> {
  await db.$transaction([
    db.signInFailure.deleteMany({ where: { email: key(email), client: { in: [who.client, `t:${who.client}`] } } }),
    db.auditEvent.create({ data: { kind: "SIGN_IN", userId, email: key(email), address: who.address, client: `c:${who.cookie}` } }),
  ]);
}
