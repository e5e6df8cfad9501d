import { databaseFault } from "@/lib/database/faults";
import { noteDatabaseFault } from "@/lib/database/fault-breaker";
import { noteStopping } from "@/lib/http/shutdown";

/** Once, when the server starts: remember a stop signal (Next.js itself closes the server on it). */
export function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, noteStopping);
}

/**
 * Next.js calls this for every error a page, route handler or server action throws. A database
 * fault is noted, so proxy.ts answers the next requests 503 at once while it lasts.
 */
export function onRequestError(error: unknown) {
  if (databaseFault(error)) noteDatabaseFault();
}
