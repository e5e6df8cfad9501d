import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  // Uploads of up to 5 MB (lib/sources/extract.ts) and source texts of up to 500,000
  // characters go through server actions; Next's default limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
};

export default nextConfig;
