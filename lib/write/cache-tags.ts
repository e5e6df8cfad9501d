// The cache tags of what readers see (issue 11's caches hang off them). A reader page is tagged
// with what it shows; a write names, when it settles, the tags of everything it changed, so that
// exactly the pages that show a change are rendered again. Pure names, no framework.

export const tag = {
  /** A claim's page. */
  claim: (id: string) => `claim:${id}`,
  /** A source's page. */
  source: (id: string) => `source:${id}`,
  /** A speaker's page. */
  actor: (id: string) => `actor:${id}`,
  /** What shows an outlet's name or grade: its sources' pages and the outlets list. */
  outlet: (id: string) => `outlet:${id}`,
  /** A topic's evidence matrix. */
  topic: (id: string) => `topic:${id}`,
  /** Lists: the claims (home page, /claims), sources, speakers and outlets. */
  claims: "claims",
  sources: "sources",
  actors: "actors",
  outlets: "outlets",
  /** The corpus counts on the home page. */
  counts: "counts",
  /** Every page at once: a write too large to name its pages one by one (an import). */
  corpus: "corpus",
} as const;

/** Past this many pages a write invalidates every page instead: naming 100,000 costs more than rendering again. */
export const MAX_TAGS = 2_000;

type Listener = (tags: readonly string[]) => void;
const listeners = ((globalThis as Record<symbol, unknown>)[Symbol.for("corroborate.write-listeners")] ??= new Map<string, Listener>()) as Map<string, Listener>;

/**
 * Called with a write's tags once its transaction has committed (never for one that failed).
 * Registered once per name: the server's bundles each load this module.
 */
export function onWriteCommitted(name: string, listener: Listener): void {
  listeners.set(name, listener);
}

/** Stops calling the listener registered under this name. */
export function offWriteCommitted(name: string): void {
  listeners.delete(name);
}

export function notifyCommitted(tags: readonly string[]): void {
  if (tags.length === 0) return;
  for (const listener of listeners.values()) listener(tags);
}
