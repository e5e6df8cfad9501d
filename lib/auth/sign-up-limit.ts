import type { Db } from "../database/create-client";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import type { SignInClient } from "./sign-in-throttle";

// Sign-ups per client (its cookie, else its address) per hour. They are few for a person and
// many for a script that probes which addresses have accounts (decision 0013).
export const MAX_SIGN_UPS = 5;
export const SIGN_UP_WINDOW_MINUTES = 60;

export async function assertSignUpAllowed(db: Db, who: SignInClient, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - SIGN_UP_WINDOW_MINUTES * 60_000);
  const tries = await db.clientAttempt.findMany({
    where: { action: "SIGN_UP", client: who.client, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (tries.length < MAX_SIGN_UPS) return;
  const freeAt = tries[tries.length - MAX_SIGN_UPS]!.createdAt.getTime() + SIGN_UP_WINDOW_MINUTES * 60_000;
  const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
  await recordAudit(db, { kind: "SIGN_UP_THROTTLED", address: who.address, client: who.client });
  throw new AppError("FORBIDDEN", `Too many sign-ups from here. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

/** Counts a sign-up attempt, made or refused, and forgets those out of the window. */
export async function recordSignUp(db: Db, who: SignInClient, now = new Date()): Promise<void> {
  await db.$transaction([
    db.clientAttempt.deleteMany({ where: { action: "SIGN_UP", createdAt: { lt: new Date(now.getTime() - SIGN_UP_WINDOW_MINUTES * 60_000) } } }),
    db.clientAttempt.create({ data: { action: "SIGN_UP", client: who.client, createdAt: now } }),
  ]);
}
