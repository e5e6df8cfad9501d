import { expect, test, type Page, type Request } from "@playwright/test";
import { claimFixture, e2eDb, selectPhrase, signIn } from "./helpers";

const SEED_SOURCE = "/sources/npr-new-era-two-continents";

/** The server action's id, read off the request the form sends (a save refused for empty fields). */
async function captureActionId(page: Page): Promise<string> {
  await page.goto("/sources/new");
  const request = page.waitForRequest((r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Save the source" }).click();
  return (await request).headers()["next-action"]!;
}

test("a reader who is not signed in reaches no write path, in the page or by posting directly", async ({ page, browser }) => {
  for (const path of ["/sources/new", "/claims/dprk-troops-number-about-10000/edit", "/admin/users", `${SEED_SOURCE}/edit`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get("next")]).toEqual(["/sign-in", path]);
  }
  await page.goto(SEED_SOURCE);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Tag a passage" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await page.goto("/claims/dprk-troops-number-about-10000");
  await expect(page.getByRole("link", { name: "Edit or retract" })).toHaveCount(0);

  // The action itself, posted without a session and with a reader's session: refused, nothing stored.
  const researcher = await browser.newContext();
  const actionId = await captureActionId(await signInPage(researcher, "RESEARCHER"));
  await researcher.close();
  const input = {
    title: "Posted around the form",
    outlet: { new: { name: "Direct Post Daily", kind: "BLOG" } },
    kind: "BLOG_POST",
    language: "en",
    text: "Posted straight to the action.",
  };
  const post = (request: Page["request"]) =>
    request.post("/sources/new", {
      headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([input]),
    });
  const anonymous = await post(page.request);
  expect(await anonymous.text()).toContain("Sign in to add sources.");

  const readerContext = await browser.newContext();
  const readerPage = await signInPage(readerContext, "READER");
  await readerPage.goto("/sources/new");
  await expect(readerPage.getByRole("alert").filter({ hasText: "Only a researcher" })).toContainText("Only a researcher or above can add sources");
  expect(await (await post(readerPage.request)).text()).toContain("Only a researcher or above can add sources; your account is a reader.");
  await readerContext.close();

  expect(await e2eDb().source.count({ where: { title: "Posted around the form" } })).toBe(0);
  expect(await e2eDb().outlet.count({ where: { name: "Direct Post Daily" } })).toBe(0);
});

async function signInPage(context: import("@playwright/test").BrowserContext, role: "RESEARCHER" | "READER" | "ANALYST") {
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

test("bad input gets a message beside its field and changes nothing", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  const db = e2eDb();
  await page.goto("/sources/new");

  // Empty text and missing details.
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.locator("#text-error")).toHaveText("must not be empty");
  await expect(page.locator("#title-error")).toHaveText("must not be empty");
  await expect(page.getByLabel("Text", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // Oversize text, a malformed address and a bad date, with everything else right.
  await page.getByLabel("Title").fill("Too long to keep");
  await page.getByLabel("Outlet (who published it)").selectOption({ label: "NPR" });
  await page.getByLabel("Kind of source").selectOption({ label: "Opinion" });
  await page.getByLabel("Address (URL)").fill("not a url");
  await page.getByLabel("Published", { exact: true }).fill("2024-13");
  await page.getByLabel("Text", { exact: true }).fill("word ".repeat(100_001));
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.locator("#text-error")).toHaveText("is too long: at most 500,000 characters");
  await expect(page.locator("#source-url-error")).toHaveText("must be a full http:// or https:// address");
  await expect(page.locator("#published-error")).toHaveText("must be YYYY, YYYY-MM or YYYY-MM-DD");
  expect(await db.source.count({ where: { title: "Too long to keep" } })).toBe(0);

  // A file of the wrong type, and a malformed page address.
  await page.getByLabel("Upload a file (.txt, .md, .html)").check();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 ...") });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.locator("#file-error")).toHaveText('Only .txt, .md, .html, .htm files can be added; "report.pdf" is not one of them.');
  await page.getByLabel("Fetch a web page").check();
  await page.getByLabel("Page address").fill("htp:/nonsense");
  await page.getByRole("button", { name: "Fetch the page" }).click();
  await expect(page.locator("#page-url-error")).toHaveText("Only http:// and https:// addresses can be fetched, not htp:");

  // On a source: a quote that is not in the text, then an unknown claim and an unknown speaker sent by a tampered request.
  await page.goto(SEED_SOURCE);
  const source = await db.source.findUniqueOrThrow({ where: { id: "npr-new-era-two-continents" }, include: { _count: { select: { stances: true } } } });
  const actors = await db.actor.count();
  await page.getByRole("button", { name: "Tag a passage" }).click();
  const panel = page.getByRole("region", { name: "Link a passage to a claim" });
  await panel.getByLabel("The words (exactly as in the text)").fill("North Korea has withdrawn every soldier");
  await panel.getByLabel("Find a claim").fill("10,000 North Korean troops");
  await panel.getByRole("radio", { name: /Some 10,000 North Korean troops/ }).check();
  await panel.getByRole("radio", { name: "Disputes the claim" }).check();
  await panel.getByRole("button", { name: "Save the stance" }).click();
  await expect(panel.locator("#tag-quote-error")).toHaveText('This quote is not in the source text: "North Korea has withdrawn every soldier"');

  await selectPhrase(page, "some 10,000 North Korean troops are already in Russia");
  await panel.getByLabel("Find a claim").fill("10,000 North Korean troops");
  await panel.getByRole("radio", { name: /Some 10,000 North Korean troops/ }).check();
  await panel.getByRole("radio", { name: "Qualifies the claim" }).check();
  await page.route("**/sources/npr-new-era-two-continents", async (route) => {
    const body = route.request().postData() ?? "";
    await route.continue({ postData: body.replace(/"claim":\{"id":"[^"]+"\}/, '"claim":{"id":"no-such-claim"}') });
  });
  await panel.getByRole("button", { name: "Save the stance" }).click();
  await expect(panel.locator("#claim-choice-error")).toHaveText("The chosen claim does not exist.");
  await page.unroute("**/sources/npr-new-era-two-continents");

  await panel.getByLabel("Who says it").selectOption({ label: "The Pentagon" });
  await page.route("**/sources/npr-new-era-two-continents", async (route) => {
    const body = route.request().postData() ?? "";
    await route.continue({ postData: body.replace(/"speaker":\{"id":"[^"]+"\}/, '"speaker":{"id":"no-such-actor"}') });
  });
  await panel.getByRole("button", { name: "Save the stance" }).click();
  await expect(panel.locator("#tag-speaker-error")).toHaveText("The chosen speaker does not exist.");

  expect(await db.stance.count({ where: { sourceId: source.id } })).toBe(source._count.stances);
  expect(await db.actor.count()).toBe(actors);
});

test("HTML and script in texts, quotes and names show as plain text and never run", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await signIn(page, "RESEARCHER");
  const title = `<img src=x onerror=alert("title")> Payload report`;
  const script = `<script>alert("text")</script>`;
  await page.goto("/sources/new");
  await page
    .getByLabel("Text", { exact: true })
    .fill(`A reporter wrote ${script} and <img src=x onerror=alert("img")> in the article.\n\nSee <a href="javascript:alert('link')">this</a>.`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Outlet (who published it)").selectOption({ label: "A new outlet…" });
  await page.getByLabel("New outlet's name").fill(`<script>alert("outlet")</script> Wire`);
  await page.getByLabel("Kind of outlet").selectOption({ label: "Blog" });
  await page.getByLabel("Kind of source").selectOption({ label: "Blog post" });
  await page.getByLabel("Address (URL)").fill("javascript:alert('url')");
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.locator("#source-url-error")).toHaveText("must be a full http:// or https:// address");
  await page.getByLabel("Address (URL)").fill("");
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".source-text")).toContainText(`A reporter wrote ${script} and`);

  // Tagged from the keyboard path: the words typed, a new claim and a new speaker with markup in them.
  await page.getByRole("button", { name: "Tag a passage" }).click();
  const panel = page.getByRole("region", { name: "Link a passage to a claim" });
  await panel.getByLabel("The words (exactly as in the text)").fill(script);
  await panel.getByRole("radio", { name: "A new claim" }).check();
  await panel.getByLabel("The new claim, as one checkable sentence").fill(`<img src=x onerror=alert("claim")> A payload is a claim.`);
  await panel.getByRole("radio", { name: "Supports the claim" }).check();
  await panel.getByLabel("Who says it").selectOption({ label: "A new speaker…" });
  await panel.getByLabel("Speaker's name").fill(`<svg onload=alert("speaker")>`);
  await panel.getByLabel("Kind of speaker").selectOption({ label: "Person" });
  await panel.getByLabel("Note (optional)").fill(`<b onmouseover=alert("note")>note</b>`);
  await panel.getByRole("button", { name: "Save the stance" }).click();
  await expect(page.getByRole("status")).toContainText(`Linked to “<img src=x onerror=alert("claim")> A payload is a claim.”`);
  await expect(page.locator(".source-text mark")).toHaveText(script);

  await page.getByRole("link", { name: "Open the claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`<img src=x onerror=alert("claim")> A payload is a claim.`);
  await expect(page.getByRole("article").first()).toContainText(`Speaker: <svg onload=alert("speaker")>`);
  await expect(page.getByRole("article").first()).toContainText(`Note: <b onmouseover=alert("note")>note</b>`);
  const claimUrl = page.url();
  for (const path of [`${claimUrl}/history`, "/claims?q=payload", "/actors", "/sources"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/actors");
  await page.getByRole("link", { name: `<svg onload=alert("speaker")>` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`<svg onload=alert("speaker")>`);
  // Nothing the payloads hold became an element.
  for (const selector of ["img[src=x]", "svg[onload]", "main script", "b[onmouseover]", "a[href^='javascript']"]) {
    await expect(page.locator(selector)).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});

test("two people editing one claim: the second save is refused and shows what changed", async ({ browser }) => {
  const { claimSlug } = await claimFixture({
    outlet: "Fixture Press",
    text: "The fixture says the talks ended on Friday.",
    quote: "the talks ended on Friday",
    claim: "The talks ended on Friday.",
  });

  const first = await signInPage(await browser.newContext(), "RESEARCHER");
  const second = await signInPage(await browser.newContext(), "ANALYST");
  for (const page of [first, second]) await page.goto(`/claims/${claimSlug}/edit`);

  await first.getByLabel("Claim", { exact: true }).fill("The talks ended late on Friday.");
  await first.getByLabel("Why (optional, kept in the history)").fill("The source says late.");
  await first.getByRole("button", { name: "Save the claim" }).click();
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("The talks ended late on Friday.");

  await second.getByLabel("Claim", { exact: true }).fill("The talks ended on Saturday.");
  await second.getByRole("button", { name: "Save the claim" }).click();
  const alert = second.getByRole("alert").filter({ hasText: "after you opened it" });
  await expect(alert).toContainText("Demo Researcher changed this claim after you opened it, so your edit was not saved.");
  await expect(alert).toContainText("text: “The talks ended on Friday.” → “The talks ended late on Friday.”");
  await expect(alert).toContainText("Reason: The source says late.");
  expect((await e2eDb().claim.findUniqueOrThrow({ where: { slug: claimSlug } })).text).toBe("The talks ended late on Friday.");

  await second.goto(`/claims/${claimSlug}/history`);
  await expect(second.locator(".history > li").first()).toContainText("Edited the claim by Demo Researcher");
});
