import { expect, test } from "@playwright/test";
import { claimFixture, e2eDb, selectPhrase, signIn } from "./helpers";

// Claims said twice (decision 0022): the tagging panel shows the likely matches before a
// duplicate is made, and an analyst merges or separates the pairs on /review/duplicates.

test("a researcher writing a new claim is shown the stored claim that already says it, and links to that one instead", async ({ page }) => {
  const stored = await claimFixture({
    outlet: "Elbrin Harbour Gazette",
    text: "Rescuers said the Zarnovia ferry sank off Port Elbrin with 40 passengers aboard on Tuesday night.",
    quote: "the Zarnovia ferry sank off Port Elbrin",
    claim: "The Zarnovia ferry sank off Port Elbrin with 40 passengers aboard.",
  });
  const other = await claimFixture({
    outlet: "Elbrin Evening Post",
    text: "Coast guards confirmed that the Zarnovia ferry sank off Port Elbrin, carrying its 40 passengers.",
    quote: "the Zarnovia ferry sank off Port Elbrin, carrying its 40 passengers",
    claim: "Fishing boats joined the search off Port Elbrin.",
  });
  await signIn(page, "RESEARCHER");
  await page.goto(`/sources/${other.sourceId}`);
  await selectPhrase(page, "the Zarnovia ferry sank off Port Elbrin, carrying its 40 passengers");
  const panel = page.getByRole("region", { name: "Link a passage to a claim" });
  await panel.getByRole("radio", { name: "A new claim" }).check();
  await panel.getByLabel("The new claim, as one checkable sentence").fill("The Zarnovia ferry sank off Port Elbrin with its 40 passengers.");
  const matches = panel.getByRole("status", { name: "Claims that may say the same" });
  await expect(matches).toContainText("“The Zarnovia ferry sank off Port Elbrin with 40 passengers aboard.”");
  await matches.getByRole("button", { name: "Use this claim" }).click();
  await expect(panel.getByRole("radio", { name: "The Zarnovia ferry sank off Port Elbrin with 40 passengers aboard." })).toBeChecked();
  await panel.getByRole("radio", { name: "Supports the claim" }).check();
  await panel.getByRole("button", { name: "Save the stance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Linked to" })).toContainText("The Zarnovia ferry sank off Port Elbrin with 40 passengers aboard.");
  // No second claim was made: the passage is the stored claim's.
  const db = e2eDb();
  expect(await db.claim.count({ where: { text: "The Zarnovia ferry sank off Port Elbrin with its 40 passengers." } })).toBe(0);
  const claim = await db.claim.findUniqueOrThrow({ where: { slug: stored.claimSlug }, select: { sourceCount: true } });
  expect(claim.sourceCount).toBe(2);
});

test("an analyst merges one proposed pair and marks another as two different claims; neither is proposed again", async ({ page }) => {
  const kept = await claimFixture({
    outlet: "Quellmark Courier",
    text: "On Monday Quellmark's mayor banned night markets in the old town, citing noise.",
    quote: "Quellmark's mayor banned night markets in the old town",
    claim: "Quellmark's mayor banned night markets in the old town.",
  });
  const twin = await claimFixture({
    outlet: "Quellmark Bugle",
    text: "The mayor of Quellmark banned the old town's night markets this week.",
    quote: "The mayor of Quellmark banned the old town's night markets",
    claim: "The mayor of Quellmark banned the old town's night markets.",
  });
  const first = await claimFixture({
    outlet: "Tessaly Herald",
    text: "Tessaly Mills flooded after the Orrin dam gave way in the storm.",
    quote: "Tessaly Mills flooded after the Orrin dam gave way",
    claim: "Tessaly Mills flooded after the Orrin dam gave way.",
  });
  const second = await claimFixture({
    outlet: "Orrin Valley News",
    text: "Engineers say the Orrin dam gave way and Tessaly Mills flooded within the hour.",
    quote: "the Orrin dam gave way and Tessaly Mills flooded",
    claim: "The Orrin dam gave way and Tessaly Mills flooded.",
  });
  await signIn(page, "ANALYST");
  await page.goto("/review");
  await page.getByRole("link", { name: "Claims that may be duplicates" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Claims that may be duplicates");

  const markets = page
    .getByRole("listitem")
    .filter({ hasText: "Quellmark banned the old town's night markets" })
    .filter({ has: page.getByRole("button") });
  await expect(markets).toContainText("Quellmark's mayor banned night markets in the old town.");
  await expect(markets).toContainText(/Similarity 0\.\d\d \(lexical\)/);
  // The first listed of the two is kept: which one that is follows the pair's stored order.
  const firstListed = await markets.locator(".pair-claims a").first().getAttribute("href");
  const [keptHref, goneSlug] = firstListed === `/claims/${kept.claimSlug}` ? [firstListed, twin.claimSlug] : [`/claims/${twin.claimSlug}`, kept.claimSlug];
  await markets.getByRole("radio", { name: "The first" }).check();
  await markets.getByLabel("Why they are the same claim").fill("The same ban, reported twice.");
  await markets.getByRole("button", { name: "Merge into the one kept" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Quellmark banned the old town's night markets" })).toHaveCount(0);
  // The merged claim's address now leads to the one kept.
  await page.goto(`/claims/${goneSlug}`);
  await expect(page).toHaveURL(new RegExp(`${keptHref}$`));

  await page.goto("/review/duplicates");
  const dam = page
    .getByRole("listitem")
    .filter({ hasText: "Orrin dam gave way" })
    .filter({ has: page.getByRole("button") });
  await expect(dam).toHaveCount(1);
  await dam.getByRole("button", { name: "Not the same claim" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Orrin dam gave way" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Orrin dam gave way" })).toHaveCount(0);
  const [a, b] = await Promise.all([first, second].map((c) => e2eDb().claim.findUniqueOrThrow({ where: { slug: c.claimSlug }, select: { id: true } })));
  const pair = await e2eDb().claimPair.findFirstOrThrow({ where: { claimAId: { in: [a!.id, b!.id] }, claimBId: { in: [a!.id, b!.id] } } });
  expect(pair.distinctAt).not.toBeNull();
});

test("a reader or researcher is not shown the duplicate review", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  await page.goto("/review/duplicates");
  await expect(page.getByText("review duplicate claims")).toBeVisible();
  await expect(page.getByRole("button", { name: "Not the same claim" })).toHaveCount(0);
});
