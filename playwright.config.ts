import { defineConfig, devices } from "@playwright/test";
import { chromiumFlags, chromiumPath } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
// SQLite by default; E2E_DATABASE_URL=postgresql://… runs the same tests on PostgreSQL (npm run test:pg).
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: { baseURL: `http://127.0.0.1:${port}`, trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: chromiumPath, args: chromiumFlags },
      },
    },
  ],
  // The real app, freshly built, on a fresh database seeded from seeds/corpus.json.
  webServer: {
    command: "tsx scripts/e2e-reset-db.ts && tsx scripts/start.ts",
    url: `http://127.0.0.1:${port}/api/claims?limit=1`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      CORROBORATE_REBUILD: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      // The URL test serves its page on loopback; nothing else may be fetched from there.
      CORROBORATE_FETCH_ALLOW_HOSTS: "127.0.0.1",
    },
  },
});
