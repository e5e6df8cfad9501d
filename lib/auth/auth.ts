import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { isPostgresUrl, type Db } from "../database/create-client";

export const MIN_PASSWORD_LENGTH = 10;

/**
 * better-auth over Corroborate's own Prisma client: email and password accounts, sessions
 * in the database (so any app server can read any session), scrypt password hashes.
 * Sign-ups are readers; only an admin grants more (lib/users/set-role.ts).
 */
export function createAuth(db: Db, { databaseUrl, secret }: { databaseUrl: string; secret?: string }) {
  return betterAuth({
    appName: "Corroborate",
    secret,
    database: prismaAdapter(db, { provider: isPostgresUrl(databaseUrl) ? "postgresql" : "sqlite", transaction: true }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128, autoSignIn: true },
    user: { additionalFields: { role: { type: "string", defaultValue: "READER", input: false } } },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    // Signing in and up goes through the app's forms, which throttle failed sign-ins
    // (lib/auth/sign-in-throttle.ts); better-auth's own HTTP doors for both stay shut so
    // that the throttle cannot be walked around.
    disabledPaths: ["/sign-in/email", "/sign-up/email"],
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Whether better-auth refused the request (a wrong password, an address taken). Known by the
 * error's name, not `instanceof APIError`: route handlers and pages are bundled apart, each with
 * its own copy of better-auth's classes, and share one instance (lib/auth/session.ts); an error
 * from the instance a route handler made is not an instance of the page bundle's class.
 */
export const isAuthRefusal = (error: unknown): boolean => error instanceof Error && error.name === "APIError";
