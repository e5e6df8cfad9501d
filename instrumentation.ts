import { databaseFault } from "@/lib/database/faults";
import { noteDatabaseFault } from "@/lib/database/fault-breaker";

/**
 * Next.js calls this for every error a page, route handler or server action throws. A database
 * fault is noted, so proxy.ts answers the next requests 503 at once while it lasts.
 */
export function onRequestError(error: unknown) {
  if (databaseFault(error)) noteDatabaseFault();
}
