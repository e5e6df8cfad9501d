import { AppError } from "../errors";

// A per-token limit on the write API: a sliding minute, counted in this process's memory. A
// token's requests mostly reach one server (a script keeps its connection); with N servers a
// token may make up to N × the limit, which is the price of no shared store (decision 0013).

export class RateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many requests with this token: at most the configured number a minute. Try again in ${retryAfterSeconds} s.`);
  }
}

const WINDOW_MS = 60_000;

export type RateLimiter = { take: (key: string, now?: number) => void };

/** `limit` requests per key per sliding minute; the next one throws RateLimited with when to retry. */
export function rateLimiter(limit: number): RateLimiter {
  const seen = new Map<string, number[]>();
  let sweptAt = 0;
  return {
    take(key, now = Date.now()) {
      // Now and then, forget keys with nothing in the window, so memory stays bounded.
      if (now - sweptAt > WINDOW_MS) {
        for (const [k, times] of seen) if (times[times.length - 1]! <= now - WINDOW_MS) seen.delete(k);
        sweptAt = now;
      }
      const times = (seen.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
      if (times.length >= limit) {
        seen.set(key, times);
        throw new RateLimited(Math.max(1, Math.ceil((times[0]! + WINDOW_MS - now) / 1_000)));
      }
      times.push(now);
      seen.set(key, times);
    },
  };
}
