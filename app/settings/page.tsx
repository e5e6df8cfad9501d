import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { ROLE_LABEL } from "@/lib/roles";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { NewTokenForm, RevokeTokenButton } from "../_components/forms/token-forms";
import { HandleForm } from "../_components/forms/activity-forms";
import { handleOf } from "@/lib/users/handles";

export const metadata: Metadata = { title: "Settings" };

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "never");

export default async function SettingsPage() {
  const { user } = await pageUser("READER", "/settings");
  const [tokens, handle] = await Promise.all([listApiTokens(db, user.id), handleOf(db, user.id)]);
  return (
    <>
      <h1>Settings</h1>
      <p>
        Signed in as {user.email}, {ROLE_LABEL[user.role].toLowerCase()}.
      </p>
      <section aria-labelledby="handle-heading">
        <h2 id="handle-heading">Handle</h2>
        <p>
          {handle ? (
            <>
              Others mention you in comments as @{handle}; you see their mentions on <a href="/activity">your activity page</a>.
            </>
          ) : (
            "You have no handle yet: choose one so that others can mention you."
          )}
        </p>
        <HandleForm handle={handle} />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p>
          A token lets a program use the <a href="/api-docs">write API</a> as you, with your role: a reader&apos;s token can read but not write. Send it as{" "}
          <code>Authorization: Bearer cor_…</code>. Revoke a token you no longer use.
        </p>
        <NewTokenForm />
        {tokens.length === 0 ? (
          <p className="muted">You have no tokens.</p>
        ) : (
          <table className="tokens">
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Starts with</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{day(t.createdAt)}</td>
                  <td>{day(t.lastUsedAt)}</td>
                  <td>{t.revokedAt ? `Revoked ${day(t.revokedAt)}` : <RevokeTokenButton id={t.id} name={t.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
