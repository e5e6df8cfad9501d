import "server-only";
import { redirect } from "next/navigation";
import { currentUser } from "./session";
import { hasRole, type CurrentUser, type Role } from "../roles";

/**
 * For pages that write: a visitor who is not signed in goes to sign in and comes back;
 * a signed-in user without the role gets null (the page says why). The writes themselves
 * check again on the server.
 */
export async function pageUser(needed: Role, path: string): Promise<{ user: CurrentUser; allowed: boolean }> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return { user, allowed: hasRole(user, needed) };
}
