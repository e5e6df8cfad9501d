// Whether this server process has been told to stop (SIGTERM or SIGINT). Next.js then stops
// accepting connections and finishes the requests in flight, but a client that keeps its
// connection busy would keep being served; proxy.ts answers such requests with
// `Connection: close`, so every connection ends after its current request and the process exits.
// Shared through globalThis because instrumentation.ts and proxy.ts are separate bundles.

const state = globalThis as unknown as { corroborateStopping?: boolean };

export function noteStopping(): void {
  state.corroborateStopping = true;
}

export function isStopping(): boolean {
  return state.corroborateStopping === true;
}

/** Notes the stop signals once (instrumentation.ts calls it, in the Node.js runtime only). */
export function listenForStop(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, noteStopping);
}
