import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, isForeignServerAction, isHttps, securityHeaders } from "@/lib/security/headers";

/**
 * Every request: a fresh script nonce and the page's Content-Security-Policy (on the request,
 * where Next.js reads the nonce, and on the response), the other security headers, and a 403
 * for a server action posted from another site.
 */
export function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  if (isForeignServerAction(request.method, request.headers)) {
    const refused = NextResponse.json({ error: { code: "FORBIDDEN", message: "This form can only be sent from this site's own pages." } }, { status: 403 });
    for (const [name, value] of Object.entries(securityHeaders({ https }))) refused.headers.set(name, value);
    return refused;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not the build's hashed static files, which carry no page and change with every build.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
