import { expect, test } from "@playwright/test";

test("a reader finds the troop-number claim, sees both sides, and follows a quote to its highlighted passage", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Where the sources agree");
  await page.getByRole("searchbox", { name: "Search claims, sources and quotes" }).fill("10,000");
  await page.getByRole("button", { name: "Search" }).click();
  await page
    .getByRole("region", { name: /^Claims/ })
    .getByRole("link", { name: "Some 10,000 North Korean troops have been sent to Russia." })
    .click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Some 10,000 North Korean troops have been sent to Russia.");
  await expect(page.getByText(/Contested$/).first()).toBeVisible();

  const supporting = page.getByRole("region", { name: /Supporting/ });
  await expect(supporting).toContainText("some 10,000 North Korean troops are already in Russia");
  await expect(supporting).toContainText("The U.S., Ukraine and South Korea");
  await expect(supporting).toContainText("NPR");

  const disputing = page.getByRole("region", { name: /Disputing/ });
  await expect(disputing).toContainText("much of the evidence was clearly fabricated");
  const pentagonCard = disputing.getByRole("article").filter({ hasText: "The Pentagon" });
  await expect(pentagonCard).toContainText("several thousand DPRK troops");

  await pentagonCard.getByRole("link", { name: /Read the passage/ }).click();
  await expect(page).toHaveURL(/\/sources\/blog-friends-with-geopolitical-benefits#stance-/);
  const stanceId = new URL(page.url()).hash.slice("#stance-".length);
  const passage = page.locator(`mark[data-stances~="${stanceId}"]`);
  await expect(passage.first()).toBeVisible();
  await expect(passage.first()).toContainText("several thousand DPRK troops");
  // The passage's reference says, in letters as well as colour, that it disputes the claim.
  // The blog disputes the figure twice: the Pentagon's lower number and its own "fabricated".
  await expect(page.getByRole("link", { name: /disputes: Some 10,000 North Korean troops/ })).toHaveCount(2);
});

test("a reader searches a phrase, follows a source result to the very words in its text, and is told what is wrong with a bad query", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search claims, sources and quotes" }).fill('"military alliance"');
  await page.getByRole("button", { name: "Search" }).click();
  const sources = page.getByRole("region", { name: /^Sources/ });
  await expect(sources.getByRole("heading")).toHaveText("Sources (2 sources)");
  await expect(sources.locator("mark").first()).toHaveText(/military alliance/i);
  await sources.getByRole("link", { name: "Putin and Kim: a partnership less rosy than it looks" }).click();

  await expect(page).toHaveURL(/\/sources\/[^#]+#at-\d+-\d+$/);
  const [, start, end] = /#at-(\d+)-(\d+)$/.exec(page.url())!;
  expect(Number(end) - Number(start)).toBe("military alliance".length);
  // The words are marked (a CSS highlight) and scrolled into view.
  await expect.poll(() => page.evaluate(() => CSS.highlights.get("found")?.values().next().value?.toString())).toBe("military alliance");
  const inView = await page.evaluate(() => {
    const range = CSS.highlights.get("found")!.values().next().value as Range;
    const box = range.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  expect(inView).toBe(true);

  await page.goto("/search?q=" + encodeURIComponent('"military alliance'));
  await expect(page.locator(".problem")).toHaveText(/A quotation mark is not closed/);
});

test("the claim index filters by status and topic, and explains a bad filter", async ({ page }) => {
  await page.goto("/claims");
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Single source" });
  await page.getByLabel("Topic", { exact: true }).selectOption({ label: "The treaty: name, terms and status" });
  await page.getByRole("button", { name: "Show claims" }).click();
  const rows = page.locator(".claim-row");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("Single source");
  await expect(page.getByRole("heading", { name: /claims? match/ })).toBeVisible();

  await page.goto("/claims?limit=0");
  await expect(page.getByRole("alert").filter({ hasText: "limit" })).toContainText('The parameter "limit" must be a whole number from 1 to 100');
});

// One seed topic, so that claims other tests create at the same time (in their own topic) do not shift the pages.
test("the index pages through every claim of a topic", async ({ page }) => {
  await page.goto("/claims?topic=treaty-terms&limit=10");
  await expect(page.getByRole("heading", { name: "17 claims match, most contested first" })).toBeVisible();
  await expect(page.locator(".claim-row")).toHaveCount(10);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.locator(".claim-row")).toHaveCount(7);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
});

test("a speaker's page gathers what they are quoted as saying, with the outlet that carried it", async ({ page }) => {
  await page.goto("/actors/andrey-rudenko");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Andrey Rudenko");
  await expect(page.getByText("this treaty does not amount to creating any kind of military alliance")).toBeVisible();
  await expect(page.getByRole("link", { name: /Federation Council ratifies/ })).toBeVisible();
});

test("unknown claims, sources, speakers, comments and requests get a real 404 page", async ({ page }) => {
  // The last is a malformed escape, which names no claim either.
  for (const path of [
    "/claims/no-such-claim",
    "/sources/no-such-source",
    "/actors/nobody",
    "/comments/no-such-comment",
    "/requests/no-such-request",
    "/claims/%E0%A4%A",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});
