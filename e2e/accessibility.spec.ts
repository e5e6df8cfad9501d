import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import type { Role } from "../lib/roles";

const pages = [
  "/",
  "/claims",
  "/claims?status=contested",
  "/search?q=treaty",
  "/search?q=%22military%20alliance%22&type=sources",
  "/claims/dprk-troops-number-about-10000",
  "/claims/dprk-troops-number-about-10000/history",
  "/claims/dprk-troops-deployed-to-russia?asOf=2024-11-30",
  "/topics/troop-deployment/matrix",
  "/outlets",
  "/api-docs",
  "/sources",
  "/sources/blog-friends-with-geopolitical-benefits",
  "/sources/npr-new-era-two-continents/versions/1",
  "/actors",
  "/actors/pentagon",
  "/about/statuses",
  "/claims/no-such-claim",
  "/sign-in",
  "/sign-up",
  "/requests",
];

/** Serious and critical axe findings on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

for (const path of pages) {
  test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

// Signed-in pages, one test each: axe on a long page takes seconds, and a single test for all of
// them came within 0.2 s of its 30 s limit on CI.
const signedInPages: [Role, string][] = [
  ["ADMIN", "/sources/new"],
  ["ADMIN", "/claims/dprk-troops-number-about-10000/edit"],
  ["ADMIN", "/sources/npr-new-era-two-continents/edit"],
  ["ADMIN", "/actors/pentagon/edit"],
  ["ADMIN", "/admin/users"],
  ["ANALYST", "/review"],
  ["ANALYST", "/claims/dprk-troops-number-about-10000/review"],
  ["ANALYST", "/outlets"],
  ["ANALYST", "/sources/blog-friends-with-geopolitical-benefits/edit"],
  ["READER", "/settings"],
  ["READER", "/activity"],
  ["READER", "/claims/dprk-troops-number-about-10000"],
  ["ANALYST", "/claims/dprk-troops-number-about-10000"],
  ["ANALYST", "/review?show=disagreed"],
  ["ANALYST", "/review/duplicates"],
  ["RESEARCHER", "/import"],
  ["RESEARCHER", "/sources/npr-new-era-two-continents/versions"],
  ["RESEARCHER", "/review/orphans"],
];

for (const [role, path] of signedInPages) {
  test(`${path}, signed in as ${role.toLowerCase()}, has no serious or critical accessibility violations`, async ({ page }) => {
    await signIn(page, role);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the new-source form with its errors shown has no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  await page.goto("/sources/new");
  await page.getByRole("button", { name: "Save the source" }).click();
  await expect(page.locator("#text-error")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the tagging panel with its errors shown has no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  await page.goto("/sources/npr-new-era-two-continents");
  await page.getByRole("button", { name: "Tag a passage" }).click();
  await page.getByRole("region", { name: "Link a passage to a claim" }).getByLabel("Find a claim").fill("troops");
  await expect(page.getByRole("radio").first()).toBeVisible();
  await page.getByRole("button", { name: "Save the stance" }).click();
  await expect(page.locator("#tag-quote-error")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the verdict form with its errors shown has no serious or critical accessibility violations", async ({ page }) => {
  await signIn(page, "ANALYST");
  await page.goto("/claims/dprk-troops-number-about-10000/review");
  await page.getByRole("button", { name: "Publish the verdict" }).click();
  await expect(page.locator("#verdict-rationale-error")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
