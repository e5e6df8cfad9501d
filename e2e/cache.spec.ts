import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createApiToken } from "../lib/auth/api-tokens";
import { claimFixture, E2E_DATABASE_URL, e2eDb, linkSelection, selectPhrase, signIn } from "./helpers";

// Reader pages are cached views, kept until a write changes them (decision 0017). What a reader
// must never see is a page from before a write that someone has already made.

test("a researcher links a passage, and a reader in another browser sees it at once on the claim and the source", async ({ page, browser }) => {
  const fixture = await claimFixture({
    outlet: "Harbour Cache Gazette",
    text: "Officials said the ferry left at noon. Witnesses later said the ferry never left the harbour that day.",
    quote: "the ferry left at noon",
    claim: "The ferry left the harbour at noon (cache test).",
  });
  const disputing = "the ferry never left the harbour that day";

  // The reader has both pages in view first, so both are cached before the write.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/claims/${fixture.claimSlug}`);
  await expect(reader.getByRole("region", { name: /Disputing/ })).toContainText("No source disputes this claim.");
  await reader.goto(`/sources/${fixture.sourceId}`);
  await expect(reader.locator(".source-text mark.hl-disputes")).toHaveCount(0);

  await signIn(page, "RESEARCHER");
  await page.goto(`/sources/${fixture.sourceId}`);
  await selectPhrase(page, disputing);
  await linkSelection(page, { claim: "The ferry left the harbour at noon (cache test).", position: "Disputes" });
  await expect(page.getByRole("status")).toContainText("Linked to “The ferry left the harbour at noon (cache test).” as disputes.");

  // The writer's own next page shows it.
  await page.goto(`/claims/${fixture.claimSlug}`);
  await expect(page.getByRole("region", { name: /Disputing/ }).getByRole("article")).toContainText(disputing);

  // And so does the reader's, on both pages, at once.
  await reader.reload();
  await expect(reader.locator(".source-text mark.hl-disputes")).toHaveText(disputing);
  await reader.goto(`/claims/${fixture.claimSlug}`);
  await expect(reader.getByRole("region", { name: /Disputing/ }).getByRole("article")).toContainText(disputing);
  await expect(reader.locator(".claim-status")).toContainText("Contested");
  await reader.context().close();
});

test("a write made outside any server (a script) reaches the cached pages too", async ({ page }) => {
  const fixture = await claimFixture({
    outlet: "Script Cache Courier",
    text: "The bridge reopened on Monday, the city said. Engineers said the bridge stayed shut all week.",
    quote: "The bridge reopened on Monday",
    claim: "The bridge reopened on Monday (script cache test).",
  });
  await page.goto(`/claims/${fixture.claimSlug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The bridge reopened on Monday (script cache test).");

  const db = e2eDb();
  const claim = await db.claim.findUniqueOrThrow({ where: { slug: fixture.claimSlug }, select: { id: true } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.com" } });
  const { updateClaim } = await import("../lib/claims/write-claim");
  const current = await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true, topicId: true } });
  await updateClaim(
    db,
    { id: owner.id, name: owner.name, email: owner.email, role: "RESEARCHER" },
    {
      id: claim.id,
      version: current.version,
      text: "The bridge reopened on Monday morning (script cache test).",
      topic: current.topicId,
      reason: "More exact wording.",
    },
  );
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("heading", { level: 1 }).textContent();
    })
    .toBe("The bridge reopened on Monday morning (script cache test).");
});

test.describe("two app servers on one database", () => {
  const otherPort = Number(process.env.E2E_PORT ?? 3100) + 1;
  const other = `http://127.0.0.1:${otherPort}`;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // The same build as the test server, on the same database: a second machine behind a load balancer.
    const secret = existsSync("data/auth-secret") ? readFileSync("data/auth-secret", "utf8").trim() : undefined;
    server = spawn("node_modules/.bin/next", ["start", "-p", String(otherPort)], {
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1", ...(secret ? { BETTER_AUTH_SECRET: secret } : {}) },
      stdio: "ignore",
    });
    await expect.poll(async () => (await fetch(`${other}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000, intervals: [250] }).toBe(200);
  });
  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("a passage linked through one server is on the other's claim page within a second", async ({ request, browser }) => {
    const fixture = await claimFixture({
      outlet: "Two Servers Monitor",
      text: "The tanker docked on Friday, port officials said. The crew said the tanker was turned away on Friday.",
      quote: "The tanker docked on Friday",
      claim: "The tanker docked on Friday (two servers test).",
    });
    const disputing = "the tanker was turned away on Friday";
    const db = e2eDb();
    const owner = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.com" } });
    const { token } = await createApiToken(db, { id: owner.id, name: owner.name, email: owner.email, role: "RESEARCHER" }, { name: "two servers test" });
    const claim = await db.claim.findUniqueOrThrow({ where: { slug: fixture.claimSlug }, select: { id: true } });

    // A reader on the other server has the page cached.
    const reader = await (await browser.newContext({ baseURL: other })).newPage();
    await reader.goto(`/claims/${fixture.claimSlug}`);
    await expect(reader.getByRole("region", { name: /Disputing/ })).toContainText("No source disputes this claim.");
    await reader.goto(`/claims/${fixture.claimSlug}`); // served from its cache now

    // The write goes through the test server.
    const written = await request.post("/api/stances", {
      headers: { authorization: `Bearer ${token}` },
      data: { sourceId: fixture.sourceId, quote: disputing, claim: { id: claim.id }, position: "DISPUTES", mode: "ASSESSMENT", speaker: null },
    });
    expect(written.status(), await written.text()).toBe(201);
    const committedAt = Date.now();

    // The other server reads the database's page changes at most every 100 ms: a page asked for
    // after that shows the passage.
    await reader.waitForTimeout(Math.max(0, committedAt + 200 - Date.now()));
    await reader.reload();
    await expect(reader.getByRole("region", { name: /Disputing/ }).getByRole("article")).toContainText(disputing, { timeout: 1_000 });
    await reader.context().close();
  });
});
