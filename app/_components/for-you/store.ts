"use client";
import { useEffect, useSyncExternalStore } from "react";
import type { ForYou } from "@/lib/users/for-you";

// The signed-in user's part of a page kept for their role (decision 0021), fetched once per page
// from /viewer and shared by the page's islands: the account line, watch buttons, an assessment.

let loaded: { path: string; forYou: ForYou | null } | null = null;
const listeners = new Set<() => void>();

function load(path: string) {
  if (loaded?.path === path) return;
  loaded = { path, forYou: null };
  void fetch(`/viewer?${new URLSearchParams({ path })}`, { cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<ForYou>) : null))
    .catch(() => null) // the page stays as it is, without the user's part
    .then((forYou) => {
      if (loaded?.path !== path || !forYou) return;
      loaded = { path, forYou };
      listeners.forEach((listener) => listener());
    });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/**
 * The user's part of this page, when `wanted` (the page was kept for a role and lacks it): null
 * until it has come, and on the server, which renders none.
 */
export function useForYou(wanted: boolean): ForYou | null {
  useEffect(() => {
    if (wanted) load(window.location.pathname);
  }, [wanted]);
  return useSyncExternalStore(
    subscribe,
    () => (loaded?.path === window.location.pathname ? loaded.forYou : null),
    () => null,
  );
}
