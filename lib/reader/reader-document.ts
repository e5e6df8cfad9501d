import { NONCE_LENGTH } from "../security/headers";

// A reader page as a visitor gets it (decision 0020): the page Next.js rendered, without what
// only hydration needs. A visitor's page has no client component to hydrate, so the React Server
// Components payload (the page's tree a second time, as JSON), the Next.js runtime and their
// preloads are left out, and with them every script nonce. Kept: JSON-LD, which is data, and
// the app's own small scripts under /reader/ (a search result's passage marked on a source page).

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/g;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")[^>]*>|<link\b(?=[^>]*\brel="modulepreload")[^>]*>/g;
const NONCE = / nonce="[^"]*"/g;

const kept = (attributes: string) => /\btype="application\/ld\+json"/.test(attributes) || /\bsrc="\/reader\/[^"]*"/.test(attributes);

/** The page's HTML without hydration: no payload, no framework scripts, no nonces. */
export function readerDocument(html: string): string {
  return html
    .replace(SCRIPT, (script, attributes: string) => (kept(attributes) ? script : ""))
    .replace(SCRIPT_PRELOAD, "")
    .replace(NONCE, "");
}

// A signed-in reader's page is kept whole, as their role sees it (decision 0021), as bytes; its
// scripts carry the nonce it was rendered with, which each answer replaces by its own.

/** Where `text` stands in `body`, in bytes. */
export function placesOf(body: Buffer, text: string): number[] {
  const places: number[] = [];
  for (let at = body.indexOf(text); at !== -1; at = body.indexOf(text, at + 1)) places.push(at);
  return places;
}

/** A kept page with `nonce` (every nonce is NONCE_LENGTH characters long) in place of the one at `nonceAt`. */
export function withNonce({ body, nonceAt }: { body: Uint8Array; nonceAt: number[] }, nonce: string): Uint8Array<ArrayBuffer> {
  if (Buffer.byteLength(nonce) !== NONCE_LENGTH) throw new Error(`A nonce is ${NONCE_LENGTH} characters long, not ${nonce.length}`);
  const page = Buffer.from(body); // a copy: the kept page stays as it is
  for (const at of nonceAt) page.write(nonce, at, "latin1");
  return page;
}
