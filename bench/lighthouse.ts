// Lighthouse (desktop) on the reader pages: performance and accessibility scores, and the
// JavaScript each page loads (bytes over the wire, gzipped by the server). Prints; asserts nothing.
//   npm run build && npm run lighthouse -- [--db data/lighthouse.db]
// Without --db it makes a database of the seed corpus. The browser is the end-to-end tests' (scripts/chromium.ts).
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { execFileSync } from "node:child_process";
import { createDb } from "../lib/database/create-client";
import { loadCorpus } from "../lib/seed/load-corpus";
import { bin, requireBuild, root, serveApp, waitFor } from "./harness";
import { chromiumFlags, chromiumPath } from "../scripts/chromium";

const { values } = parseArgs({ options: { db: { type: "string" } } });
requireBuild();

let file = values.db ? resolve(root, values.db) : resolve(root, "data/lighthouse.db");
if (!values.db) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "ignore" });
  const db = createDb(`file:${file}`);
  await loadCorpus({ db, corpusPath: resolve(root, "seeds/corpus.json") });
  await db.$disconnect();
}
file = `file:${file}`;

const PORT = 3210;
const app = serveApp(file, PORT);
process.on("exit", () => app.kill("SIGTERM"));
await waitFor(`http://127.0.0.1:${PORT}/api/claims?limit=1`);

const sample = createDb(file);
const claim = await sample.claim.findFirstOrThrow({ where: { retractedAt: null }, orderBy: { stanceCount: "desc" }, select: { slug: true } });
const source = await sample.source.findFirstOrThrow({ orderBy: { stances: { _count: "desc" } }, select: { id: true } });
await sample.$disconnect();
const pages = ["/", "/claims", `/claims/${claim.slug}`, `/sources/${source.id}`];

const chrome = await launchChrome({ chromePath: chromiumPath, chromeFlags: ["--headless=new", ...chromiumFlags] });
try {
  console.log("| page | performance | accessibility | JavaScript loaded (gzipped) | largest contentful paint |");
  console.log("|---|---|---|---|---|");
  for (const page of pages) {
    // Once to warm the server's caches, then the run that counts.
    await lighthouse(`http://127.0.0.1:${PORT}${page}`, { port: chrome.port, logLevel: "error", onlyCategories: ["performance"] }, desktopConfig);
    const result = await lighthouse(
      `http://127.0.0.1:${PORT}${page}`,
      { port: chrome.port, logLevel: "error", onlyCategories: ["performance", "accessibility"] },
      desktopConfig,
    );
    const lhr = result!.lhr;
    const requests = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
    const js = requests.filter((r) => r.resourceType === "Script").reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    const score = (name: string) => lhr.categories[name]?.score?.toFixed(2) ?? "—";
    console.log(
      `| ${page} | ${score("performance")} | ${score("accessibility")} | ${(js / 1000).toFixed(1)} kB | ${lhr.audits["largest-contentful-paint"]?.displayValue ?? "—"} |`,
    );
  }
} finally {
  chrome.kill();
  app.kill("SIGTERM");
}
process.exit(0);
