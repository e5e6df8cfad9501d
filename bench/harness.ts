// What the benchmark, the soak and the fault drills share: serving the built app as a child
// process, waiting for it, a researcher's API token, the server's memory, and percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Db } from "../lib/database/create-client";
import { createApiToken } from "../lib/auth/api-tokens";
import type { Role } from "../lib/roles";

export const root = resolve(import.meta.dirname, "..");
export const bin = (name: string) => resolve(root, "node_modules/.bin", name);

export function requireBuild() {
  if (!existsSync(resolve(root, ".next/BUILD_ID"))) throw new Error("The app is not built: run npm run build first.");
}

/** Starts a command in the repo; its output is kept (and printed if it fails to start). */
export function launch(command: string, args: string[], env: Record<string, string> = {}): ChildProcess & { output: string[] } {
  const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } }) as ChildProcess & { output: string[] };
  child.output = [];
  const keep = (chunk: Buffer) => child.output.push(chunk.toString());
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return child;
}

/** The built app's own server (`next start`), with a session secret as `npm start` would set. */
export function serveApp(databaseUrl: string, port: number, env: Record<string, string> = {}) {
  return launch(bin("next"), ["start", "-p", String(port)], {
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    ...env,
  });
}

export async function waitFor(url: string, seconds = 120) {
  for (let i = 0; i < seconds * 2; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** A user of the given role with a fresh API token, made directly in the database. */
export async function tokenFor(db: Db, role: Role, name: string) {
  const user = { id: `${name}-${randomBytes(4).toString("hex")}`, name, email: `${name}-${randomBytes(4).toString("hex")}@example.com`, role };
  await db.user.create({ data: user });
  return (await createApiToken(db, user, { name })).token;
}

/** Resident memory in MiB of a process and every process below it (Linux /proc). */
export function treeRssMiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let kib = 0;
  const visit = (p: number) => {
    try {
      kib += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return kib / 1024;
}

/** The q-th quantile (0–1) of unsorted values, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One request with a deadline; a request that passes it counts as hung, not as an answer. */
export async function timedFetch(url: string, init: RequestInit = {}, deadlineMs = 30_000) {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(deadlineMs) });
    const body = await response.text();
    return { status: response.status, body, ms: performance.now() - started, error: null as string | null };
  } catch (error) {
    const name = (error as Error).name === "TimeoutError" ? "hung" : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    return { status: 0, body: "", ms: performance.now() - started, error: name };
  }
}
