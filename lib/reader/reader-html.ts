import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { keepUntilChanged } from "../cache/cached-view";
import { RENDER_AS_HEADER, renderAsValue } from "../auth/viewer";
import type { Role } from "../roles";
import { placesOf, readerDocument } from "./reader-document";
import { readerPageFacts } from "./reader-pages";
import { WHOLE_PAGE_HEADER } from "./plain-pages";

// A reader page as this server renders it, asked for once over loopback and kept like the views
// it is made of ("use cache", the same tags) until a write changes it. For a visitor, as plain
// HTML, without what only hydration needs (decision 0020); for a signed-in reader, the whole page
// as their role sees it, with the script nonce it was rendered with, which each answer replaces
// by its own (decision 0021).

export type ReaderAnswer = {
  status: number;
  /** The page, as bytes: kept and answered without decoding or encoding it again per request. */
  body: Uint8Array<ArrayBuffer>;
  /** Where a redirect sends the reader. */
  location: string | null;
  /** A visitor's page's entity tag; a signed-in page has none (its nonce changes every time). */
  etag: string | null;
  /** Where in `body` the nonce the kept page was rendered with stands (signed-in pages only). */
  nonceAt: number[];
};

const internalOrigin = () => env().CORROBORATE_INTERNAL_URL ?? `http://127.0.0.1:${env().PORT}`;

/**
 * The page at `path` (with its query) on `origin`, the site's address the page's links embed, for
 * a visitor (`role` null) or a signed-in reader of `role`.
 */
export async function readerHtml(path: string, origin: string, role: Role | null): Promise<ReaderAnswer> {
  "use cache";
  const url = new URL(path, "http://x");
  const facts = await readerPageFacts(db, url.pathname);
  if (!facts) throw new Error(`${path} is not a reader page`);
  keepUntilChanged(...facts.tags);
  // Decided here, before the page renders: once rendering, a page's redirect is a script.
  if (facts.redirectTo) return { status: 307, location: `${facts.redirectTo}${url.search}`, body: new Uint8Array(), etag: null, nonceAt: [] };
  const site = new URL(origin);
  const response = await fetch(`${internalOrigin()}${path}`, {
    headers: {
      [WHOLE_PAGE_HEADER]: "1",
      ...(role ? { [RENDER_AS_HEADER]: renderAsValue(role) } : {}),
      "x-forwarded-host": site.host,
      "x-forwarded-proto": site.protocol.slice(0, -1),
    },
    redirect: "manual",
    cache: "no-store",
  });
  // A page that failed is not kept (a thrown error is not); a merged claim's page, which sends the
  // reader on, is kept like any other.
  if (response.status >= 500) throw new Error(`${path}: the page answered ${response.status}`);
  const location = response.headers.get("location");
  if (role) {
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    if (!nonce) throw new Error(`${path}: the page came without a script nonce`);
    const body = Buffer.from(await response.text());
    return { status: response.status, body: bytes(body), location, etag: null, nonceAt: placesOf(body, nonce) };
  }
  const body = Buffer.from(readerDocument(await response.text()));
  const etag = response.status === 200 ? `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` : null;
  return { status: response.status, body: bytes(body), location, etag, nonceAt: [] };
}

// A plain Uint8Array: "use cache" keeps it as bytes, where a Buffer would be kept by its toJSON, as an array of numbers.
const bytes = (buffer: Buffer) => new Uint8Array(buffer);
