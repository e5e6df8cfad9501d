"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML, true once React runs in the browser. These forms submit
 * through JavaScript, so their buttons stay disabled until then: a click that came too
 * early would otherwise reload the page and lose what was typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
