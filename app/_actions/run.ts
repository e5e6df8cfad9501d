import "server-only";
import { refresh } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/roles";
import { actionError, type ActionResult } from "@/lib/http/action-result";

/**
 * The body of every server action: the signed-in user (or null) goes to a lib/ function,
 * which authorizes and validates; its errors come back as the form's messages.
 */
export async function runAction<T>(write: (user: CurrentUser | null) => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await write(await currentUser()) };
  } catch (error) {
    return actionError(error);
  }
}

/**
 * After a write: the page the form is on is rendered again in the action's answer. The write has
 * already expired the cached views it changed (lib/cache/invalidate-pages.ts).
 */
export function changed<T>(result: T): T {
  refresh();
  return result;
}
