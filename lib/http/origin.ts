import { env } from "../env";

/** The site's origin for links in exports: CORROBORATE_PUBLIC_URL, else where the request came. */
export function siteOrigin(request: Request): string {
  return env().CORROBORATE_PUBLIC_URL ?? new URL(request.url).origin;
}

/** The same for a page, from its request headers (Host and, behind a proxy, X-Forwarded-Proto). */
export function pageOrigin(headers: Headers): string {
  const configured = env().CORROBORATE_PUBLIC_URL;
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
