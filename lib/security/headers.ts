// The security headers every response carries, and the Content-Security-Policy of each page.
// Pure: proxy.ts calls it per request with a fresh nonce. See docs/decisions/0012.

/** A fresh script nonce: 16 random bytes in base64, always NONCE_LENGTH characters. */
export const newNonce = () => Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
export const NONCE_LENGTH = 24;

/**
 * The page's policy. Scripts run only with this request's nonce (Next.js reads it from the
 * request's own Content-Security-Policy header and puts it on every script it writes);
 * 'strict-dynamic' lets those scripts load the app's chunks. Styles allow inline attributes
 * (the agreement bars' widths), never scripts. No page may be framed; forms post only here.
 */
export function contentSecurityPolicy({ nonce, https, dev = false }: { nonce: string | null; https: boolean; dev?: boolean }): string {
  return [
    "default-src 'self'",
    // Without a nonce (a visitor's plain reader page, decision 0020): only the site's own script files.
    nonce === null ? "script-src 'self'" : `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers beside the policy, on every response (pages, API, files). */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only over https: a browser that saw HSTS on plain http localhost would refuse it later.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Whether the request came over https: directly, or through a proxy that says so. */
export function isHttps(url: URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return (forwarded ?? url.protocol.replace(/:$/, "")) === "https";
}

/**
 * A server action posted from another site's page. Next.js refuses it too, but as a 500 after
 * logging an error; refusing it here first makes it the 403 it is.
 */
export function isForeignServerAction(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const origin = headers.get("origin");
  if (!origin) return false; // Next's own check decides requests without an Origin (no browser sends those cross-site)
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
