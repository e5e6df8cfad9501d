import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { pageViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { accountLine } from "@/lib/users/for-you";
import { hasRole } from "@/lib/roles";
import { signOutAction } from "./_actions/auth";
import { AccountLine } from "./_components/for-you/account-line";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Corroborate", template: "%s · Corroborate" },
  description: "Claims and their sources: where contested news agrees, and where it conflicts.",
};

// Every page reads the session for its header, so none is prerendered as a whole: each renders per
// request around what it caches ("use cache" views, decision 0017). A reader page is kept once per
// role (decision 0021): the header then shows the role's links, and the account line's name and
// unread count come by a client island.
export const instant = false;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await pageViewer();
  const { role, user } = viewer;
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
              {hasRole(viewer, "RESEARCHER") ? (
                <li>
                  <Link href="/sources/new">Add a source</Link>
                </li>
              ) : null}
              {hasRole(viewer, "RESEARCHER") ? (
                <li>
                  <Link href="/import">Import</Link>
                </li>
              ) : null}
              {hasRole(viewer, "RESEARCHER") ? (
                <li>
                  <Link href="/review/orphans">Orphans</Link>
                </li>
              ) : null}
              {hasRole(viewer, "ANALYST") ? (
                <li>
                  <Link href="/review">Review queue</Link>
                </li>
              ) : null}
              {hasRole(viewer, "ADMIN") ? (
                <li>
                  <Link href="/admin/users">Users</Link>
                </li>
              ) : null}
              {hasRole(viewer, "ADMIN") ? (
                <li>
                  <Link href="/admin/audit">Audit log</Link>
                </li>
              ) : null}
            </ul>
            <div className="account">
              {role ? (
                <form action={signOutAction}>
                  <AccountLine role={role} given={user ? await accountLine(db, user) : null} /> <Link href="/settings">Settings</Link>{" "}
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
