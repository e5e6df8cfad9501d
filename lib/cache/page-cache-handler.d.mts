// The types of page-cache-handler.mjs, for the TypeScript that imports it (its tests).
import type { CacheHandler } from "next/dist/server/lib/cache-handlers/types";

export declare const POLL_MS: number;

export type ChangeLog = {
  latestId(): Promise<number>;
  changesAfter(afterId: number, ids: number[]): Promise<{ id: number; tags: string }[]>;
  close(): Promise<void>;
};

export declare function openChangeLog(url: string): Promise<ChangeLog>;
export declare function changeFollower(log: ChangeLog, now?: () => number): { poll(): Promise<string[]> };
export declare function createPageCacheHandler(options: { url: string; maxBytes: number; log?: (message: string) => void }): CacheHandler;

declare const handler: CacheHandler;
export default handler;
