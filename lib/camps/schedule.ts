import type { Db } from "../database/create-client";
import { offWriteCommitted, onWriteCommitted, tag } from "../write/cache-tags";
import { refitCamps } from "./refit";

// The axis is fitted again in the background a few seconds after the writes that change what the
// claims' summaries count (decision 0024): once for a burst of writes, never while a reader waits.

/** The write listener's name (lib/write/cache-tags.ts). */
const NAME = "camps";
/** How long after the last such write the fit runs. */
export const REFIT_DELAY_MS = 5_000;

/** Once, when the server starts (instrumentation.ts). Returns what stops it (a test's database is dropped after). */
export function refitAfterWrites(db: Db, delay = REFIT_DELAY_MS): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delay);
    timer.unref();
  };
  const run = () => {
    timer = null;
    running = true;
    current = refitCamps(db)
      .then(() => undefined)
      .catch((error: unknown) => console.error("Fitting the camps again failed; the next write tries again.", error))
      .finally(() => {
        running = false;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      });
  };
  onWriteCommitted(NAME, (tags) => {
    // A write that changed a claim's summary names the claim lists; an import names every page.
    if (!tags.includes(tag.claims) && !tags.includes(tag.corpus)) return;
    if (running) again = true;
    else schedule();
  });
  return async () => {
    stopped = true;
    offWriteCommitted(NAME);
    if (timer) clearTimeout(timer);
    await current;
  };
}
