import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Corroborate", template: "%s · Corroborate" },
  description: "Claims and their sources: where contested news agrees, and where it conflicts.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
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
              <li><Link href="/claims">Claims</Link></li>
              <li><Link href="/sources">Sources</Link></li>
              <li><Link href="/actors">Speakers</Link></li>
              <li><Link href="/about/statuses">About the statuses</Link></li>
            </ul>
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
