import type { Metadata } from "next";
import { signInAction } from "../_actions/auth";
import { AuthForm } from "../_components/forms/auth-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next } = await searchParams;
  const target = typeof next === "string" ? next : "/";
  return (
    <>
      <h1>Sign in</h1>
      <p>Reading needs no account. Researchers sign in to add sources and link passages to claims.</p>
      <AuthForm action={signInAction} mode="sign-in" next={target} />
      <p>
        No account yet? <a href={`/sign-up?next=${encodeURIComponent(target)}`}>Create one</a>.
      </p>
    </>
  );
}
