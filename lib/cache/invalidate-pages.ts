import "server-only";
import { revalidateTag } from "next/cache";
import type { CacheHandler } from "next/dist/server/lib/cache-handlers/types";
import { onWriteCommitted } from "../write/cache-tags";

/** This server's cache handler (lib/cache/page-cache-handler.mjs), once Next.js has loaded it. */
const pageCache = () => (globalThis as Record<symbol, unknown>)[Symbol.for("corroborate.page-cache")] as CacheHandler | undefined;

/**
 * Once, when the server starts (instrumentation.ts): every write, the moment it commits, expires
 * the views it changed in this server's cache, so the person who wrote sees it on their next page
 * (decision 0017), and tells Next.js of the tags inside the request (`revalidateTag`), which keeps
 * its own request-level bookkeeping right. The other servers learn of the write from the
 * PageChange row it stored (lib/cache/page-cache-handler.mjs).
 */
export function invalidateChangedPages(): void {
  onWriteCommitted("next-cache", (tags) => {
    void pageCache()?.updateTags([...tags]);
    try {
      for (const name of tags) revalidateTag(name, { expire: 0 });
    } catch {
      // Outside a request (an import job running after its response): expired above already.
    }
  });
}
