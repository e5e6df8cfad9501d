import { AppError } from "./errors";
import type { Role } from "../generated/sqlite/enums";

export type { Role };

/** An order of all the schema's roles: a role missing from the list is a compile error. */
const everyRole = <const T extends readonly Role[]>(roles: T & (Exclude<Role, T[number]> extends never ? unknown : never)) => roles;

/** The roles from least to most: each role can do everything the roles before it can. */
export const ROLES = everyRole(["READER", "RESEARCHER", "ANALYST", "ADMIN"]);

export const ROLE_LABEL: Record<Role, string> = {
  READER: "Reader",
  RESEARCHER: "Researcher",
  ANALYST: "Analyst",
  ADMIN: "Admin",
};

/** The signed-in user as lib/ sees it: enough to authorize and to sign a revision. */
export type CurrentUser = { id: string; name: string; email: string; role: Role };

/** "a researcher", "an analyst": a role as a noun in a sentence. */
export const aRole = (role: Role) => {
  const word = ROLE_LABEL[role].toLowerCase();
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
};

/** Whether a user (or a page's viewer, lib/auth/viewer.ts) has at least the role `needed`. */
export function hasRole(user: { role: Role | null } | null, needed: Role): boolean {
  return user !== null && user.role !== null && ROLES.indexOf(user.role) >= ROLES.indexOf(needed);
}

/**
 * The check every write makes first, on the server: signed in, and with at least the role
 * the write needs. `doing` completes "Sign in to ..." ("add a source").
 */
export function authorize(user: CurrentUser | null, needed: Role, doing: string): CurrentUser {
  if (!user) throw new AppError("UNAUTHENTICATED", `Sign in to ${doing}.`);
  if (!hasRole(user, needed)) {
    throw new AppError("FORBIDDEN", `Only ${aRole(needed)} or above can ${doing}; your account is ${aRole(user.role)}.`);
  }
  return user;
}
