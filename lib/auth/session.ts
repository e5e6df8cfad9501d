import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { db } from "../db";
import { env } from "../env";
import { createAuth, type Auth } from "./auth";
import { ROLES, type CurrentUser, type Role } from "../roles";

const globals = globalThis as unknown as { corroborateAuth?: Auth };

/** The app's better-auth instance, made on first use (not at build time, when no secret is set). */
export function getAuth(): Auth {
  return (globals.corroborateAuth ??= createAuth(db, { databaseUrl: env().DATABASE_URL, secret: env().BETTER_AUTH_SECRET }));
}

/** The signed-in user for this request, or null. Read once per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const requestHeaders = await headers(); // first: at build time this ends the render before any auth is made
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, name, email, role } = session.user as typeof session.user & { role: string };
  return { id, name, email, role: (ROLES as readonly string[]).includes(role) ? (role as Role) : "READER" };
});
