import { expect, test, type Page } from "@playwright/test";
import { claimFixture, e2eDb, signIn } from "./helpers";

// A visitor's reader pages are plain HTML (decision 0020): the page as rendered, without the
// React payload or the framework's scripts. What a visitor must still get is the whole page,
// working links and forms, and every change at once. A signed-in reader gets the full page, kept
// once for their role, with what is theirs alone fetched by small islands (decision 0021).

const CLAIM = "/claims/dprk-troops-number-about-10000";
const SOURCE = "/sources/npr-new-era-two-continents";

/** The scripts a page loads, by path, from before its first byte. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

test("a visitor's reader pages load no framework, and still read, link and search", async ({ page }) => {
  const scripts = scriptsOf(page);
  for (const path of ["/", "/claims", CLAIM, "/sources", "/actors", "/outlets", "/topics/troop-deployment/matrix", "/about/statuses"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    const html = await response!.text();
    expect(html, path).not.toContain("self.__next_f");
    expect(html, path).not.toMatch(/<script(?![^>]*application\/ld\+json)[^>]*>/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(scripts).toEqual([]);

  // The claim page is whole: the sources side by side, and links that lead on.
  await page.goto(CLAIM);
  await expect(
    page
      .getByRole("region", { name: /Supporting/ })
      .getByRole("article")
      .first(),
  ).toBeVisible();
  await page.getByRole("region", { name: "Who said what, when" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sources\//);
  await expect(page.getByRole("heading", { level: 2, name: "Full text" })).toBeVisible();

  // Forms work without scripts: reader.spec.ts searches from the plain home page and follows a
  // result to its words on a plain source page, marked by the one script such a page keeps.
  // A source page keeps only the app's own small script, which marks a search result's passage.
  const before = scripts.length;
  await page.goto(SOURCE);
  expect(scripts.slice(before)).toEqual(["/reader/found-words.js"]);
  expect(scripts.filter((path) => path.startsWith("/_next/"))).toEqual([]);

  // The icon every browser asks for is a file, not the 404 page rendered for each visit.
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/x-icon");
});

test("signed in, the same address is the full page, kept for the role; signed out, plain again", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  const full = await page.goto(CLAIM);
  expect(await full!.text()).toContain("self.__next_f");
  await expect(page.getByRole("button", { name: "Watch this claim" })).toBeEnabled();
  // What the islands ask for: a page of this site's, said plainly when it is not one.
  const notAPath = await page.request.get("/viewer?path=claims");
  expect(notAPath.status()).toBe(400);
  expect((await notAPath.json()).error.message).toBe('The parameter "path" must be a path on this site, starting with /.');
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const plain = await page.goto(CLAIM);
  expect(await plain!.text()).not.toContain("self.__next_f");
  // Signed out, nobody's part is given.
  const signedOut = await page.request.get(`/viewer?path=${CLAIM}`);
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).error.message).toBe("Sign in to see your part of this page.");
});

test("a page kept for a role shows each reader only what is theirs, and runs its scripts by a nonce of its own", async ({ browser }) => {
  const watcher = await (await browser.newContext()).newPage();
  const demo = await signIn(watcher, "READER");
  // A second reader: the same role, so the same kept page.
  const other = await (await browser.newContext()).newPage();
  const name = `Second Reader ${Date.now()}`;
  await other.goto("/sign-up");
  await other.getByLabel("Name").fill(name);
  await other.getByLabel("Email").fill(`second-reader-${Date.now()}@example.org`);
  await other.getByLabel("Password").fill("a-long-enough-password");
  await other.getByRole("button", { name: "Create account" }).click();
  await expect(other.getByText(`${name} (Reader)`)).toBeVisible();

  await watcher.goto(CLAIM);
  const watch = watcher.getByRole("button", { name: /this claim/ });
  if ((await watch.getAttribute("aria-pressed")) !== "true") await watch.click();
  await expect(watcher.getByRole("button", { name: "Watching this claim (stop)" })).toBeVisible();

  // Each reader's page is the one kept for readers: neither name is in it. Each sees their own.
  const answers = [];
  for (const [page, own, others] of [
    [watcher, demo.name, name],
    [other, name, demo.name],
  ] as const) {
    const answer = await page.goto(CLAIM);
    const html = await answer!.text();
    expect(html).toContain("self.__next_f");
    expect(html).not.toContain(own);
    expect(html).not.toContain(others);
    await expect(page.locator(".account")).toContainText(`${own} (Reader)`);
    await expect(page.locator(".account")).not.toContainText(others);
    answers.push({ html, policy: answer!.headers()["content-security-policy"]! });
  }
  await expect(watcher.getByRole("button", { name: "Watching this claim (stop)" })).toBeEnabled();
  await expect(other.getByRole("button", { name: "Watch this claim" })).toBeEnabled();

  // Every answer's scripts carry that answer's nonce, the one its policy names; no two answers share one.
  const nonces = answers.map(({ html, policy }) => {
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(new Set(html.match(/nonce="[^"]*"/g))).toEqual(new Set([`nonce="${nonce}"`]));
    return nonce;
  });
  expect(nonces[0]).not.toBe(nonces[1]);

  // Another role's kept page: a researcher's links, which a reader's page does not have.
  const researcher = await (await browser.newContext()).newPage();
  await signIn(researcher, "RESEARCHER");
  await researcher.goto(CLAIM);
  await expect(researcher.locator(".page-actions").getByRole("link", { name: "Edit or retract" })).toBeVisible();
  await expect(other.getByRole("link", { name: "Edit or retract" })).toHaveCount(0);
  await expect(researcher.locator(".account")).toContainText("(Researcher)");
});

test("signing out from a kept page works before its scripts run (here, without any)", async ({ browser }) => {
  const withScripts = await browser.newContext();
  await signIn(await withScripts.newPage(), "READER");
  const page = await (await browser.newContext({ javaScriptEnabled: false, storageState: await withScripts.storageState() })).newPage();
  await page.goto("/claims");
  // The form posts its server action to the page's own address, without the header scripts would add.
  const [posted] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Sign out" }).click(),
  ]);
  expect(posted.status()).toBeLessThan(400);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a browser that asks again gets 304 while the page is unchanged, and the new page once a write changes it", async ({ request }) => {
  const fixture = await claimFixture({
    outlet: "Revalidation Review",
    text: "The lighthouse was relit in March, the council said. Keepers said the lighthouse stayed dark until May.",
    quote: "The lighthouse was relit in March",
    claim: "The lighthouse was relit in March (revalidation test).",
  });
  const path = `/claims/${fixture.claimSlug}`;
  const first = await request.get(path);
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect(first.headers()["cache-control"]).toBe("no-cache");
  expect((await request.get(path, { headers: { "if-none-match": etag } })).status()).toBe(304);

  const db = e2eDb();
  const owner = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.com" } });
  const { createStance } = await import("../lib/stances/write-stance");
  const claim = await db.claim.findUniqueOrThrow({ where: { slug: fixture.claimSlug }, select: { id: true } });
  await createStance(
    db,
    { id: owner.id, name: owner.name, email: owner.email, role: "RESEARCHER" },
    {
      sourceId: fixture.sourceId,
      quote: "the lighthouse stayed dark until May",
      claim: { id: claim.id },
      position: "DISPUTES",
      mode: "AS_FACT",
      speaker: null,
    },
  );
  await expect
    .poll(async () => {
      const again = await request.get(path, { headers: { "if-none-match": etag } });
      return again.status() === 200 && (await again.text()).includes("the lighthouse stayed dark until May");
    })
    .toBe(true);
});
