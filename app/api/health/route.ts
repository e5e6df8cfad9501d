import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkHealth } from "@/lib/database/health";
import { perRequest } from "@/lib/http/per-request";

/** For load balancers: 200 when the database answers and its migrations match this build, else 503. */
export async function GET() {
  await perRequest();
  const health = await checkHealth(db, env().DATABASE_URL);
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
