"use client";
import { useActionState } from "react";
import type { AuthFormState } from "@/app/_actions/auth";
import { Field, invalidProps } from "./field";

type Props = {
  action: (state: AuthFormState, form: FormData) => Promise<AuthFormState>;
  mode: "sign-in" | "sign-up";
  next: string;
};

/** Sign in or sign up: email and password (and a name to sign up), with errors beside the fields. */
export function AuthForm({ action, mode, next }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="form narrow" noValidate>
      <input type="hidden" name="next" value={next} />
      {state?.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {mode === "sign-up" ? (
        <Field id="name" label="Name" error={errors.name}>
          <input id="name" name="name" autoComplete="name" defaultValue={state?.name} required {...invalidProps("name", errors.name)} />
        </Field>
      ) : null}
      <Field id="email" label="Email" error={errors.email}>
        <input id="email" name="email" type="email" autoComplete="email" defaultValue={state?.email} required {...invalidProps("email", errors.email)} />
      </Field>
      <Field id="password" label="Password" error={errors.password} hint={mode === "sign-up" ? "At least 10 characters." : undefined}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          required
          {...invalidProps("password", errors.password)}
        />
      </Field>
      <button type="submit" disabled={pending}>
        {mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
    </form>
  );
}
