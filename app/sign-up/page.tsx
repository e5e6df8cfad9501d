import type { Metadata } from "next";
import { signUpAction } from "../_actions/auth";
import { AuthForm } from "../_components/forms/auth-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Create an account</h1>
      <p>New accounts are readers. An admin can make you a researcher, so that you can add sources and tag them.</p>
      <AuthForm action={signUpAction} mode="sign-up" next={typeof next === "string" ? next : "/"} />
      <p>
        Already have an account? <a href="/sign-in">Sign in</a>.
      </p>
    </>
  );
}
