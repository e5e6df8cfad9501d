import { z } from "zod";
import type { Db, Tx } from "../database/create-client";
import { AppError } from "../errors";
import { defineWrite } from "../write/context";

// A handle is the name others @mention a user by in a comment (lib/comments/markdown.ts):
// 2 to 30 lower-case letters, digits and hyphens, starting and ending with a letter or digit.
// Every account gets one when it is made, from its name ("Demo Analyst" → demo-analyst, then
// demo-analyst-2 …); its owner can change it in their settings.

export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9-]{0,28}[a-z0-9]$/;

export const HandleSchema = z
  .string({ error: "must be text" })
  .trim()
  .toLowerCase()
  .regex(HANDLE_PATTERN, "must be 2 to 30 letters, digits and hyphens, starting and ending with a letter or digit");

/** The handle a name suggests: its letters and digits, words joined by hyphens. */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24)
    .replace(/-+$/, "");
  return base.length >= 2 ? base : `user${base}`;
}

/** A free handle for a name: the name's own, or it with the lowest free number. */
export async function freeHandle(db: Db | Tx, name: string): Promise<string> {
  const base = handleFromName(name);
  const taken = new Set((await db.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((u) => u.handle));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Gives an account without a handle one from its name (at sign-up; the demo accounts). */
export async function assignHandle(db: Db, userId: string, name: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const handle = await freeHandle(db, name);
    const updated = await db.user.updateMany({ where: { id: userId, handle: null }, data: { handle } }).catch((error: unknown) => {
      if (attempt < 3) return null; // taken between the look and the write: look again
      throw error;
    });
    if (updated) return updated.count > 0 ? handle : (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { handle: true } })).handle!;
  }
}

/** The accounts these handles name (unknown handles are left out). */
export async function usersByHandle(db: Db | Tx, handles: readonly string[]): Promise<{ id: string; handle: string }[]> {
  if (handles.length === 0) return [];
  const users = await db.user.findMany({ where: { handle: { in: [...handles] } }, select: { id: true, handle: true } });
  return users.map((u) => ({ id: u.id, handle: u.handle! }));
}

/** The signed-in user changes their own handle. */
export const setHandle = defineWrite(
  {
    role: "READER",
    doing: "choose a handle",
    input: z.strictObject({ handle: HandleSchema }),
    duplicate: { message: "Someone else has this handle; choose another.", field: "handle" },
  },
  async (w, data) => {
    const user = await w.tx.user.findUniqueOrThrow({ where: { id: w.userId! }, select: { handle: true } });
    if (user.handle === data.handle) return { handle: data.handle, changed: false };
    const holder = await w.tx.user.findUnique({ where: { handle: data.handle }, select: { id: true } });
    if (holder) throw new AppError("CONFLICT", "Someone else has this handle; choose another.", "handle");
    await w.tx.user.update({ where: { id: w.userId! }, data: { handle: data.handle } });
    return { handle: data.handle, changed: true };
  },
);

/** The user's handle, or null when they have none yet. */
export async function handleOf(db: Db, userId: string): Promise<string | null> {
  return (await db.user.findUnique({ where: { id: userId }, select: { handle: true } }))?.handle ?? null;
}
