import { existsSync } from "node:fs";

// The browser the end-to-end tests and `npm run lighthouse` drive: Debian's Chromium where it
// is installed (Playwright's own browser download is not always possible); CHROMIUM_PATH
// overrides; otherwise each tool's own browser.
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** Flags for a headless run in a container: no sandbox, GPU or shared memory, nothing fetched in the background. */
export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
