// Who is knocking: the network address a request came from, and the client cookie a browser
// was given when it last signed in. Sign-in throttling counts failures per client, so one
// stranger's guesses slow down that stranger, not the account's owner (docs/decisions/0013).

/** The cookie a browser gets at a successful sign-in; it marks the browser, not the session. */
export const CLIENT_COOKIE = "cor_client";

/**
 * The request's network address. Next.js sets X-Forwarded-For to the socket's address when no
 * proxy did; behind a proxy, the proxy's value. Only its first entry is the client's.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return address.replace(/^::ffff:/, "").slice(0, 100);
}

/** A well-formed client cookie's value, or null (a missing or tampered one counts as none). */
export function clientCookie(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{20,64}$/.test(value) ? value : null;
}

/**
 * The key failures are counted under: the browser's cookie when it has one (so a household
 * behind one address is not one client), else its address.
 */
export function clientKey(address: string, cookie: string | null): string {
  return cookie ? `c:${cookie}` : `a:${address}`;
}
