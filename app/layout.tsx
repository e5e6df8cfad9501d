import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { UNREAD_CAP, unreadCount } from "@/lib/activity/list-activity";
import { hasRole, ROLE_LABEL } from "@/lib/roles";
import { signOutAction } from "./_actions/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Corroborate", template: "%s · Corroborate" },
  description: "Claims and their sources: where contested news agrees, and where it conflicts.",
};

// Every page reads the session for its header, so none is prerendered as a whole: each renders per
// request around what it caches ("use cache" views, decision 0017).
export const instant = false;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  const unread = user ? await unreadCount(db, user.id) : 0;
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          <nav aria-label="Main" className="site-nav">
            <Link href="/" className="brand">
              Corroborate
            </Link>
            <ul>
              <li>
                <Link href="/claims">Claims</Link>
              </li>
              <li>
                <Link href="/sources">Sources</Link>
              </li>
              <li>
                <Link href="/actors">Speakers</Link>
              </li>
              <li>
                <Link href="/outlets">Outlets</Link>
              </li>
              <li>
                <Link href="/search">Search</Link>
              </li>
              <li>
                <Link href="/requests">Requests</Link>
              </li>
              <li>
                <Link href="/about/statuses">About the statuses</Link>
              </li>
              {hasRole(user, "RESEARCHER") ? (
                <li>
                  <Link href="/sources/new">Add a source</Link>
                </li>
              ) : null}
              {hasRole(user, "RESEARCHER") ? (
                <li>
                  <Link href="/import">Import</Link>
                </li>
              ) : null}
              {hasRole(user, "ANALYST") ? (
                <li>
                  <Link href="/review">Review queue</Link>
                </li>
              ) : null}
              {hasRole(user, "ADMIN") ? (
                <li>
                  <Link href="/admin/users">Users</Link>
                </li>
              ) : null}
              {hasRole(user, "ADMIN") ? (
                <li>
                  <Link href="/admin/audit">Audit log</Link>
                </li>
              ) : null}
            </ul>
            <div className="account">
              {user ? (
                <form action={signOutAction}>
                  <span className="signed-in">
                    {user.name} <span className="muted">({ROLE_LABEL[user.role]})</span>
                  </span>{" "}
                  <Link href="/activity" aria-label={unread > 0 ? `Activity, ${unread > UNREAD_CAP ? `more than ${UNREAD_CAP}` : unread} unread` : "Activity"}>
                    Activity{unread > 0 ? <span className="unread-count">{unread > UNREAD_CAP ? `${UNREAD_CAP}+` : unread}</span> : null}
                  </Link>{" "}
                  <Link href="/settings">Settings</Link>{" "}
                  <button type="submit" className="link-button">
                    Sign out
                  </button>
                </form>
              ) : (
                <Link href="/sign-in">Sign in</Link>
              )}
            </div>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>Every quote shown here is verbatim from its source and linked to the passage it comes from.</p>
        </footer>
      </body>
    </html>
  );
}
