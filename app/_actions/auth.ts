"use server";
import { redirect } from "next/navigation";
import { cookies, headers } from "next/headers";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { getAuth } from "@/lib/auth/session";
import { assertSignInAllowed, recordSignIn, recordSignInFailure, type SignInClient } from "@/lib/auth/sign-in-throttle";
import { assertSignUpAllowed, recordSignUp } from "@/lib/auth/sign-up-limit";
import { CLIENT_COOKIE, clientAddress, clientCookie, clientKey } from "@/lib/auth/client-key";
import { isHttps } from "@/lib/security/headers";
import { db } from "@/lib/db";
import { assignHandle } from "@/lib/users/handles";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/schemas/parse-input";
import { isAuthRefusal, MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";

const SIGN_UP_REFUSED = "No account was made with these details. If you already have an account, sign in instead.";

export type AuthFormState = { message?: string; fieldErrors?: Record<string, string>; email?: string; name?: string } | undefined;

const Email = z.email("must be an email address").max(200);
const SignInSchema = z.object({ email: Email, password: z.string().min(1, "must not be empty").max(128) });
const SignUpSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  email: Email,
  password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(128, "must be at most 128 characters"),
});

/** Only paths inside this site are followed after signing in. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/** The form's fields as parseInput reports them: each message under its field. */
function parsed<S extends z.ZodType>(schema: S, input: unknown): { data: z.infer<S> } | { fieldErrors: Record<string, string> } {
  try {
    return { data: parseInput(schema, input) };
  } catch (error) {
    if (error instanceof AppError) return { fieldErrors: (error.details as { fieldErrors: Record<string, string> }).fieldErrors };
    throw error;
  }
}

/** The requesting client, as the throttles count it (lib/auth/client-key.ts). */
async function requestClient(): Promise<SignInClient> {
  const address = clientAddress(await headers());
  const cookie = clientCookie((await cookies()).get(CLIENT_COOKIE)?.value);
  return { address, client: clientKey(address, cookie), trustedCookie: cookie };
}

export async function signInAction(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = parsed(SignInSchema, { email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if ("fieldErrors" in input) return { fieldErrors: input.fieldErrors, email };
  const { data } = input;
  const who = await requestClient();
  try {
    await assertSignInAllowed(db, data.email, who);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, email };
    throw error;
  }
  let userId: string;
  try {
    userId = (await getAuth().api.signInEmail({ body: data, headers: await headers() })).user.id;
  } catch (error) {
    if (!isAuthRefusal(error)) throw error;
    await recordSignInFailure(db, data.email, who);
    return { message: "Wrong email or password.", email };
  }
  // This browser is now known to the account: strangers' failures will not hold it back.
  const cookie = who.trustedCookie ?? randomBytes(24).toString("base64url");
  const requestHeaders = await headers();
  (await cookies()).set(CLIENT_COOKIE, cookie, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60 * 24 * 400,
    secure: isHttps(new URL("http://local"), requestHeaders),
  });
  await recordSignIn(db, { email: data.email, userId }, { ...who, cookie });
  redirect(safeNext(form.get("next")));
}

export async function signUpAction(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = parsed(SignUpSchema, { name: form.get("name"), email: form.get("email"), password: form.get("password") });
  const kept = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  if ("fieldErrors" in input) return { fieldErrors: input.fieldErrors, ...kept };
  const who = await requestClient();
  try {
    await assertSignUpAllowed(db, who);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, ...kept };
    throw error;
  }
  await recordSignUp(db, who);
  try {
    const { user } = await getAuth().api.signUpEmail({ body: input.data, headers: await headers() });
    await assignHandle(db, user.id, user.name);
    await recordAudit(db, { kind: "SIGN_UP", userId: user.id, email: input.data.email.toLowerCase(), address: who.address, client: who.client });
  } catch (error) {
    // Taken or not, the answer is the same words (decision 0013): without mail, the app cannot
    // tell the owner privately, so it tells nobody which addresses have accounts.
    if (isAuthRefusal(error)) return { message: SIGN_UP_REFUSED, ...kept };
    throw error;
  }
  redirect(safeNext(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
}
