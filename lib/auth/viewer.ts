import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "../env";
import { ROLES, type CurrentUser, type Role } from "../roles";
import { currentUser } from "./session";

// Who a page is rendered for (decision 0021). A reader page is kept once per role, not per
// person: the server asks for its own page "as a researcher" with a header only it can sign, and
// the page renders what that role sees. What belongs to one person (their name, unread count,
// what they watch, their own assessment) is not in such a page; small client islands fetch it
// from /viewer. A request with a session renders for its user, as always.

/** The header the server's own request carries: the role, and its signature. */
export const RENDER_AS_HEADER = "x-corroborate-render-as";

// Signed with the session secret, which every server of a site shares (a server may ask another
// for the page, through CORROBORATE_INTERNAL_URL); without one, by a key of this process alone.
const processKey = randomBytes(32);
const signature = (role: Role) =>
  createHmac("sha256", env().BETTER_AUTH_SECRET ?? processKey)
    .update(`render-as ${role}`)
    .digest();

/** The header's value that renders a page for `role`. */
export const renderAsValue = (role: Role) => `${role}.${signature(role).toString("base64url")}`;

/** The role a request's render-as header names, when its signature is this site's; else null. */
export function renderAsRole(value: string | null): Role | null {
  if (!value) return null;
  const parts = value.split(".");
  const [role, given] = parts;
  if (parts.length !== 2 || !(ROLES as readonly string[]).includes(role ?? "")) return null;
  const expected = signature(role as Role);
  const sent = Buffer.from(given ?? "", "base64url");
  return sent.length === expected.length && timingSafeEqual(sent, expected) ? (role as Role) : null;
}

/**
 * Whom this page is for: a role and the signed-in user, or, when the server renders a page to
 * keep for a role, that role and no user. Pages decide what to show by `role`; what needs `user`
 * is rendered only when there is one, and otherwise comes by a client island.
 */
export type PageViewer = { role: Role | null; user: CurrentUser | null };

export const pageViewer = cache(async (): Promise<PageViewer> => {
  const asRole = renderAsRole((await headers()).get(RENDER_AS_HEADER));
  if (asRole) return { role: asRole, user: null };
  const user = await currentUser();
  return { role: user?.role ?? null, user };
});
