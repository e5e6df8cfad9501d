import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const pages = [
  "/",
  "/claims",
  "/claims?status=contested",
  "/claims/dprk-troops-number-about-10000",
  "/sources",
  "/sources/blog-friends-with-geopolitical-benefits",
  "/actors",
  "/actors/pentagon",
  "/about/statuses",
  "/claims/no-such-claim",
];

for (const path of pages) {
  test(`${path} has no serious or critical accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(serious).toEqual([]);
  });
}
