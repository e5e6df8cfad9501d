import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  cacheComponents: true,
  partialPrefetching: false,
  // Reader pages render per request around cached views ("use cache"), each kept until a write
  // changes it (decision 0017). The handler is Next's in-memory one, told of the other servers'
  // writes through the database.
  cacheHandlers: { default: fileURLToPath(new URL("./lib/cache/page-cache-handler.mjs", import.meta.url)) },
  // proxy.ts must tell the client router's requests for a page's payload (the RSC header) from a
  // visitor's request for the page, to send only the latter to its plain HTML (decision 0020);
  // Next.js strips those headers from what a proxy sees unless told not to.
  skipProxyUrlNormalize: true,
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  // Uploads of up to 5 MB (lib/sources/extract.ts) and source texts of up to 500,000
  // characters go through server actions; Next's default limit is 1 MB.
  // proxy.ts sees every request first; Next gives a route only the first 10 MB of a body that
  // passed a proxy, and an import file may be 20 MB (lib/import/parse.ts), with a form's overhead.
  experimental: { serverActions: { bodySizeLimit: "8mb" }, proxyClientMaxBodySize: "21mb" },
};

export default nextConfig;
