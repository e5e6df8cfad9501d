import type { Db } from "../database/create-client";
import { AppError } from "../errors";

/** Failed sign-ins allowed for one email address within the window, before it must wait. */
export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;

const key = (email: string) => email.trim().toLowerCase();

/**
 * Refuses a sign-in attempt while the address has had too many recent failures. The
 * count lives in the database, so it holds across app servers and restarts.
 */
export async function assertSignInAllowed(db: Db, email: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const failures = await db.signInFailure.findMany({
    where: { email: key(email), createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return;
  // The window frees up when the oldest failure that still counts leaves it.
  const freeAt = failures[failures.length - MAX_FAILURES]!.createdAt.getTime() + WINDOW_MINUTES * 60_000;
  const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
  throw new AppError("FORBIDDEN", `Too many failed sign-ins for this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

/** Records a failed sign-in, and forgets failures old enough not to count. */
export async function recordSignInFailure(db: Db, email: string, now = new Date()): Promise<void> {
  await db.$transaction([
    db.signInFailure.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - WINDOW_MINUTES * 60_000) } } }),
    db.signInFailure.create({ data: { email: key(email), createdAt: now } }),
  ]);
}

/** A successful sign-in clears the address's failures. */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email: key(email) } });
}
