import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { NOT_PLAIN, PLAIN_PAGE_SOURCES, PLAIN_PREFIX } from "./lib/reader/plain-pages";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  cacheComponents: true,
  partialPrefetching: false,
  // Reader pages render per request around cached views ("use cache"), each kept until a write
  // changes it (decision 0017). The handler is Next's in-memory one, told of the other servers'
  // writes through the database.
  cacheHandlers: { default: fileURLToPath(new URL("./lib/cache/page-cache-handler.mjs", import.meta.url)) },
  // A visitor's request for a reader page: its plain HTML (decision 0020).
  async rewrites() {
    return {
      beforeFiles: PLAIN_PAGE_SOURCES.map((source) => ({
        source,
        // The handler reads the path the visitor asked for; naming no segments here, a malformed
        // escape in one (/claims/%E0%A4%A) reaches the page's own 404 instead of failing to decode.
        destination: PLAIN_PREFIX,
        missing: NOT_PLAIN.map((condition) => ({ ...condition })),
      })),
      afterFiles: [],
      fallback: [],
    };
  },
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "onnxruntime-node"],
  // Uploads of up to 5 MB (lib/sources/extract.ts) and source texts of up to 500,000
  // characters go through server actions; Next's default limit is 1 MB.
  // proxy.ts sees every request first; Next gives a route only the first 10 MB of a body that
  // passed a proxy, and an import file may be 20 MB (lib/import/parse.ts), with a form's overhead.
  experimental: { serverActions: { bodySizeLimit: "8mb" }, proxyClientMaxBodySize: "21mb" },
};

export default nextConfig;
