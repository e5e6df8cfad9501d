import { databaseFault } from "@/lib/database/faults";
import { noteDatabaseFault } from "@/lib/database/fault-breaker";

/**
 * Once, when the server starts: remember a stop signal (Next.js itself closes the server on it),
 * have every write expire the cached views it changed, and fit the camps' axis again after writes.
 */
export async function register() {
  // Node.js only: the edge runtime has no process signals (so the imports are behind the check).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    (await import("@/lib/http/shutdown")).listenForStop();
    (await import("@/lib/cache/invalidate-pages")).invalidateChangedPages();
    // The camps' axis, fitted again in the background after the writes that change it (decision 0024).
    (await import("@/lib/camps/schedule")).refitAfterWrites((await import("@/lib/db")).db);
    // A configured embeddings model is loaded now, so a wrong directory stops the server with its reason (decision 0026).
    await (await import("@/lib/duplicates/embeddings")).configuredEmbedder();
  }
}

/**
 * Next.js calls this for every error a page, route handler or server action throws. A database
 * fault is noted, so proxy.ts answers the next requests 503 at once while it lasts.
 */
export function onRequestError(error: unknown) {
  if (databaseFault(error)) noteDatabaseFault();
}
