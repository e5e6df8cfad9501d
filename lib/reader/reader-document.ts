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
