import { describe, expect, it } from "vitest";
import { placesOf, readerDocument, withNonce } from "./reader-document";

// The shape of what Next.js 16.4 renders for a page: the stylesheet, a script preload, the
// runtime's chunks, the payload pushed by inline scripts, JSON-LD, and the app's own script.
const page = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="n0nce" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" nonce="n0nce" href="/_next/static/chunks/b.js"/>',
  '<script src="/_next/static/chunks/c.js" async="" nonce="n0nce"></script>',
  '<script src="/reader/found-words.js" async="" nonce="n0nce"></script>',
  "<title>A claim · Corroborate</title></head><body>",
  '<script type="application/ld+json">{"@type":"ClaimReview","name":"\\u003c/script>"}</script>',
  '<main id="main"><h1>Some 10,000 troops</h1><p>“a quote with &lt;script&gt; in its words”</p></main>',
  '<script nonce="n0nce">self.__next_f.push([1,"0:[\\"$\\",\\"h1\\",null,{\\"children\\":\\"Some 10,000 troops\\"}]"])</script>',
  '<script nonce="n0nce">$RC("B:0","S:0")</script></body></html>',
].join("");

describe("a reader page as a visitor gets it", () => {
  const lean = readerDocument(page);

  it("keeps what the reader sees: the words, the stylesheet, the title, the JSON-LD and the app's own script", () => {
    expect(lean).toContain('<main id="main"><h1>Some 10,000 troops</h1>');
    expect(lean).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(lean).toContain("<title>A claim · Corroborate</title>");
    expect(lean).toContain('<script type="application/ld+json">{"@type":"ClaimReview","name":"\\u003c/script>"}</script>');
    expect(lean).toContain('<script src="/reader/found-words.js" async=""></script>');
  });

  it("leaves out the payload, the framework's scripts and their preloads, and every nonce", () => {
    expect(lean).not.toContain("__next_f");
    expect(lean).not.toContain("$RC");
    expect(lean).not.toContain("/_next/static/chunks/b.js");
    expect(lean).not.toContain("/_next/static/chunks/c.js");
    expect(lean).not.toContain("nonce");
    expect(lean.match(/<script\b/g)).toHaveLength(2);
  });

  it("leaves words that name a tag alone (React writes them escaped)", () => {
    expect(lean).toContain("<p>“a quote with &lt;script&gt; in its words”</p>");
  });
});

describe("a signed-in reader's kept page", () => {
  // Kept with the nonce it was rendered with; "“" before it is three bytes, so places are in bytes, not characters.
  const rendered = "n0nceN0nceN0nceN0nce0A==";
  const kept = Buffer.from(page.replaceAll("n0nce", rendered));
  const nonceAt = placesOf(kept, rendered);

  it("is answered with this answer's nonce on every script, and nothing else changed", () => {
    const fresh = "QUJDREVGR0hJSktMTU5PUA==";
    const answered = Buffer.from(withNonce({ body: new Uint8Array(kept), nonceAt }, fresh)).toString();
    expect(nonceAt).toHaveLength(6);
    expect(answered).not.toContain(rendered);
    expect(answered.match(/nonce="([^"]*)"/g)).toEqual(Array(6).fill(`nonce="${fresh}"`));
    expect(answered.replaceAll(fresh, "n0nce")).toBe(page);
  });

  it("stays as it was kept, for the next answer", () => {
    const body = new Uint8Array(kept);
    withNonce({ body, nonceAt }, "QUJDREVGR0hJSktMTU5PUA==");
    expect(Buffer.from(body).equals(kept)).toBe(true);
  });

  it("refuses a nonce of another length, which would shift the page", () => {
    expect(() => withNonce({ body: new Uint8Array(kept), nonceAt }, "short")).toThrow(/24 characters/);
  });
});
