// A short memory of database faults, shared by everything in this server process (pages, route
// handlers and proxy.ts, which Next.js loads as separate bundles, hence globalThis). While the
// database was just found unreachable or unwritable, proxy.ts answers 503 at once instead of
// letting every request wait on it. After HOLD_MS one probe (a `SELECT 1`, shared by the requests
// that arrive meanwhile) asks the database: if it answers, requests go through again, so the app
// recovers by itself when the database does; if not, the fault stands for another HOLD_MS.

export const HOLD_MS = 2_000;
const PROBE_TIMEOUT_MS = 1_500;

type Probe = () => Promise<unknown>;
const state = globalThis as unknown as { corroborateDbFaultAt?: number; corroborateDbProbe?: Probe; corroborateDbProbing?: Promise<boolean> };

export function noteDatabaseFault(now = Date.now()): void {
  state.corroborateDbFaultAt = now;
}

/** How to ask the database whether it is back; lib/db.ts registers it with its client. */
export function registerDatabaseProbe(probe: Probe): void {
  state.corroborateDbProbe = probe;
}

/** Whether requests should be answered 503 without trying the database. */
export async function databaseDown(now = Date.now()): Promise<boolean> {
  const at = state.corroborateDbFaultAt;
  if (at === undefined) return false;
  if (now - at < HOLD_MS) return true;
  const probe = state.corroborateDbProbe;
  if (!probe) {
    state.corroborateDbFaultAt = undefined;
    return false;
  }
  state.corroborateDbProbing ??= Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error("probe timed out")), PROBE_TIMEOUT_MS))])
    .then(
      () => {
        state.corroborateDbFaultAt = undefined;
        return false;
      },
      () => {
        state.corroborateDbFaultAt = Date.now();
        return true;
      },
    )
    .finally(() => {
      state.corroborateDbProbing = undefined;
    });
  return state.corroborateDbProbing;
}
