"use server";
import { APIError } from "better-auth/api";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { z } from "zod";
import { getAuth } from "@/lib/auth/session";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "@/lib/auth/sign-in-throttle";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/schemas/parse-input";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";

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

export async function signInAction(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = parsed(SignInSchema, { email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if ("fieldErrors" in input) return { fieldErrors: input.fieldErrors, email };
  const { data } = input;
  try {
    await assertSignInAllowed(db, data.email);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, email };
    throw error;
  }
  try {
    await getAuth().api.signInEmail({ body: data, headers: await headers() });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    await recordSignInFailure(db, data.email);
    return { message: "Wrong email or password.", email };
  }
  await clearSignInFailures(db, data.email);
  redirect(safeNext(form.get("next")));
}

export async function signUpAction(_state: AuthFormState, form: FormData): Promise<AuthFormState> {
  const input = parsed(SignUpSchema, { name: form.get("name"), email: form.get("email"), password: form.get("password") });
  const kept = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  if ("fieldErrors" in input) return { fieldErrors: input.fieldErrors, ...kept };
  try {
    await getAuth().api.signUpEmail({ body: input.data, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) {
      const exists = /exist/i.test(error.message);
      return exists ? { fieldErrors: { email: "An account with this email already exists; sign in instead." }, ...kept } : { message: error.message, ...kept };
    }
    throw error;
  }
  redirect(safeNext(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
}
