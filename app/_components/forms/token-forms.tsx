"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createApiTokenAction, revokeApiTokenAction } from "@/app/_actions/tokens";
import { Field, invalidProps } from "./field";
import { WriteForm } from "./write-form";
import { useWrite } from "./use-write";

/** Makes a token and shows it once: it is stored only as a hash. */
export function NewTokenForm() {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [name, setName] = useState("");
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  return (
    <>
      <WriteForm
        problem={problem}
        onSubmit={() =>
          run(
            () => createApiTokenAction({ name }),
            (result) => {
              setMade({ name: result.name, token: result.token });
              setName("");
              router.refresh();
            },
          )
        }
      >
        <Field id="token-name" label="What the token is for" error={errors.name}>
          <input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. import script"
            {...invalidProps("token-name", errors.name)}
          />
        </Field>
        <button type="submit" disabled={pending}>
          Make a token
        </button>
      </WriteForm>
      {made ? (
        <section className="new-token" aria-labelledby="new-token-heading" role="status">
          <h3 id="new-token-heading">Your new token “{made.name}”</h3>
          <p>Copy it now: it is shown only this once, and Corroborate keeps only a hash of it.</p>
          <p>
            <code className="token" data-testid="new-token">
              {made.token}
            </code>
          </p>
        </section>
      ) : null}
    </>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const { problem, pending, run } = useWrite();
  return (
    <WriteForm
      className="form form-button"
      problem={problem}
      onSubmit={() =>
        run(
          () => revokeApiTokenAction({ id }),
          () => router.refresh(),
        )
      }
    >
      <button type="submit" className="danger" disabled={pending} aria-label={`Revoke the token ${name}`}>
        Revoke
      </button>
    </WriteForm>
  );
}
