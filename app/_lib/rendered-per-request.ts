// Pages under a dynamic segment (a claim's slug, a source's id) render per request around their
// cached views (decision 0017). Listed with no parameters, Next.js 16.4 builds such a route an
// empty shell and answers every request by resuming it, which commits a 200 before the page can
// say 404 (vercel/next.js#95380, #98647). Listing one parameter that names nothing makes it a
// plain per-request route, whose unknown claims and sources get their 404.

/** A segment's generateStaticParams: one placeholder, which names no record (slugs and ids never start with "~"). */
export function placeholderParams<K extends string>(name: K): () => Promise<Record<K, string>[]> {
  return async () => [{ [name]: "~" } as Record<K, string>];
}
