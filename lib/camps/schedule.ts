import type { Db } from "../database/create-client";
import { offWriteCommitted, onWriteCommitted, tag } from "../write/cache-tags";
import { refitCamps } from "./refit";

// The axis is fitted again in the background a few seconds after the writes that change what the
// claims' summaries count (decision 0024): once for a burst of writes, at most once a minute, never
// while a reader waits.

/** The write listener's name (lib/write/cache-tags.ts). */
const NAME = "camps";
/** How long after the last such write the fit runs. */
export const REFIT_DELAY_MS = 5_000;
/**
 * The least time from one fit's start to the next: a fit at benchmark size (500,000 stances) takes
 * about 7 s, and a server written to without pause would otherwise spend a core on it.
 */
export const REFIT_EVERY_MS = 60_000;

/** Once, when the server starts (instrumentation.ts). Returns what stops it (a test's database is dropped after). */
export function refitAfterWrites(db: Db, delay = REFIT_DELAY_MS, every = REFIT_EVERY_MS): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let lastStart = -Infinity;
  let running = false;
  let again = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, Math.max(delay, lastStart + every - performance.now()));
    timer.unref();
  };
  const run = () => {
    timer = null;
    running = true;
    lastStart = performance.now();
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
