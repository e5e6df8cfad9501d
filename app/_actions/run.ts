import "server-only";
import { revalidatePath } from "next/cache";
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

/** After a write, every page may show it: drop the client's cached pages. */
export function changed<T>(result: T): T {
  revalidatePath("/", "layout");
  return result;
}
