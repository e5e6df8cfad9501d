// A short memory of database faults, shared by everything in this server process (pages, route
// handlers and proxy.ts, which Next.js loads as separate bundles, hence globalThis). While the
// database was just found unreachable or unwritable, proxy.ts answers 503 at once instead of
// letting every request wait on it; after HOLD_MS the next request tries the database again, so
// the app recovers by itself when the database does.

export const HOLD_MS = 2_000;

const state = globalThis as unknown as { corroborateDbFaultAt?: number };

export function noteDatabaseFault(now = Date.now()): void {
  state.corroborateDbFaultAt = now;
}

export function databaseRecentlyFaulted(now = Date.now()): boolean {
  const at = state.corroborateDbFaultAt;
  return at !== undefined && now - at < HOLD_MS;
}
