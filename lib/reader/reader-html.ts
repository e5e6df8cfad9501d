import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { keepUntilChanged } from "../cache/cached-view";
import { readerDocument } from "./reader-document";
import { readerPageFacts } from "./reader-pages";
import { WHOLE_PAGE_HEADER } from "./plain-pages";

// A visitor's reader page as plain HTML (decision 0020): the page this server renders, asked for
// once over loopback, without what only hydration needs, and kept like the views it is made of
// ("use cache", the same tags) until a write changes it.

export type ReaderAnswer = { status: 200; html: string; etag: string } | { status: number; location: string | null; html: string; etag: null };

const internalOrigin = () => env().CORROBORATE_INTERNAL_URL ?? `http://127.0.0.1:${env().PORT}`;

/** The page at `path` (with its query) for a visitor on `origin`, the site's address the page's links embed. */
export async function readerHtml(path: string, origin: string): Promise<ReaderAnswer> {
  "use cache";
  const url = new URL(path, "http://x");
  const facts = await readerPageFacts(db, url.pathname);
  if (!facts) throw new Error(`${path} is not a reader page`);
  keepUntilChanged(...facts.tags);
  // Decided here, before the page renders: once rendering, a page's redirect is a script.
  if (facts.redirectTo) return { status: 307, location: `${facts.redirectTo}${url.search}`, html: "", etag: null };
  const site = new URL(origin);
  const response = await fetch(`${internalOrigin()}${path}`, {
    headers: { [WHOLE_PAGE_HEADER]: "1", "x-forwarded-host": site.host, "x-forwarded-proto": site.protocol.slice(0, -1) },
    redirect: "manual",
    cache: "no-store",
  });
  // A page that failed is not kept (a thrown error is not); a merged claim's page, which sends the
  // reader on, is kept like any other.
  if (response.status >= 500) throw new Error(`${path}: the page answered ${response.status}`);
  const page = readerDocument(await response.text());
  if (response.status !== 200) return { status: response.status, location: response.headers.get("location"), html: page, etag: null };
  return { status: 200, html: page, etag: `"${createHash("sha256").update(page).digest("base64url").slice(0, 27)}"` };
}
