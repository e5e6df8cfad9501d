import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import type { Role } from "../lib/roles";
import { actionIdOf, claimFixture, e2eDb, postAction, signIn } from "./helpers";

const TROOPS = "dprk-troops-number-about-10000";
const TROOPS_TEXT = "Some 10,000 North Korean troops have been sent to Russia.";

async function signedIn(context: BrowserContext, role: Role): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

test("an analyst gives the troop-number claim a verdict from the queue, and a reader sees it", async ({ page, browser }) => {
  await signIn(page, "ANALYST");
  await page.getByRole("link", { name: "Review queue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Review queue");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: TROOPS_TEXT }) });
  await expect(item).toContainText("Unreviewed");
  await item.getByRole("link", { name: TROOPS_TEXT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Review: ${TROOPS_TEXT}`);

  const rationale = "The U.S., Ukraine and South Korea say some 10,000; the Pentagon, as the blog gives it, said several thousand.";
  await page.getByRole("combobox", { name: "Verdict", exact: true }).selectOption({ label: "Conflicting evidence" });
  await page.getByLabel("Confidence", { exact: true }).selectOption({ label: "Medium" });
  await page.getByLabel("Rationale (shown with the verdict)").fill(rationale);
  await page.getByRole("button", { name: "Publish the verdict" }).click();
  await expect(page.getByText("Now: Conflicting evidence")).toBeVisible();

  // A visitor, as a search engine comes: the plain page (decision 0020) carries the verdict too.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/claims/${TROOPS}`);
  const verdict = reader.getByRole("region", { name: /^Verdict/ });
  await expect(verdict.getByRole("heading")).toHaveText("Verdict: Conflicting evidence");
  await expect(verdict).toContainText("Medium confidence · by Demo Analyst on");
  await expect(verdict).toContainText(rationale);
  await expect(reader.getByRole("link", { name: /^Review:/ })).toHaveCount(0);
  // The same verdict, embedded for search engines as schema.org ClaimReview.
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({
    "@type": "ClaimReview",
    claimReviewed: TROOPS_TEXT,
    reviewRating: { alternateName: "Conflicting evidence" },
    author: { name: "Demo Analyst" },
    itemReviewed: { "@type": "Claim" },
  });
  expect(jsonLd.url).toMatch(new RegExp(`/claims/${TROOPS}$`));
  await reader.context().close();

  // Filtered to what has a verdict, the queue lists it so.
  await page.goto("/review?review=reviewed");
  await expect(page.getByRole("listitem").filter({ hasText: TROOPS_TEXT })).toContainText("Conflicting evidence");
});

test("a merge moves the stances and redirects the old address, and undoing it restores both claims", async ({ page, browser }) => {
  const kept = await claimFixture({
    outlet: "Merge Survivor Weekly",
    text: "Officials said the convoy crossed the river at dawn.",
    quote: "the convoy crossed the river at dawn",
    claim: "A convoy crossed the river at dawn (merge test).",
  });
  const gone = await claimFixture({
    outlet: "Merge Twin Daily",
    text: "At dawn the convoy crossed the river, witnesses said.",
    quote: "At dawn the convoy crossed the river",
    claim: "The convoy made its river crossing at dawn (merge test).",
  });
  await signIn(page, "ANALYST");
  await page.goto(`/claims/${gone.claimSlug}/review`);
  await page.getByLabel("Merge into (the surviving claim's address)").fill(kept.claimSlug);
  await page.getByLabel("Why they are the same claim").fill("Two wordings of one crossing.");
  await page.getByRole("button", { name: "Merge the claims" }).click();
  await expect(page).toHaveURL(new RegExp(`/claims/${kept.claimSlug}$`));
  await expect(page.getByText("Merged into this claim:")).toContainText("The convoy made its river crossing at dawn (merge test).");
  await expect(page.getByRole("heading", { name: "2 sources, 2 independent origins" })).toBeVisible();

  // The old address redirects, for the analyst and for a visitor (a plain page); its history records the merge.
  await page.goto(`/claims/${gone.claimSlug}`);
  await expect(page).toHaveURL(new RegExp(`/claims/${kept.claimSlug}$`));
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/claims/${gone.claimSlug}`);
  await expect(visitor).toHaveURL(new RegExp(`/claims/${kept.claimSlug}$`));
  await expect(visitor.getByText("Merged into this claim:")).toContainText("The convoy made its river crossing at dawn (merge test).");
  await page.goto(`/claims/${gone.claimSlug}/history`);
  await expect(page.getByRole("main")).toContainText(kept.claimSlug);

  await page.goto(`/claims/${kept.claimSlug}/review`);
  await page.getByRole("button", { name: `Undo the merge of ${gone.claimSlug}` }).click();
  await expect(page.getByRole("button", { name: `Undo the merge of ${gone.claimSlug}` })).toHaveCount(0);
  await page.goto(`/claims/${gone.claimSlug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The convoy made its river crossing at dawn (merge test).");
  await expect(page.getByRole("heading", { name: "1 source, 1 independent origin" })).toBeVisible();
  await visitor.goto(`/claims/${gone.claimSlug}`);
  await expect(visitor).toHaveURL(new RegExp(`/claims/${gone.claimSlug}$`));
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("The convoy made its river crossing at dawn (merge test).");
  await visitor.context().close();
  const db = e2eDb();
  expect(await db.stance.count({ where: { claim: { slug: gone.claimSlug }, retractedAt: null } })).toBe(1);
  expect(await db.stance.count({ where: { claim: { slug: kept.claimSlug }, retractedAt: null } })).toBe(1);
});

test("the as-of control hides a source published later", async ({ page }) => {
  await page.goto("/claims/dprk-troops-deployed-to-russia");
  const columns = page.getByRole("region", { name: "The sources side by side" });
  await expect(columns.getByRole("article", { name: /HP McLovincraft's blog/ }).first()).toBeVisible();
  await page.getByLabel("Show the claim as it stood on").fill("2024-11-30");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/asOf=2024-11-30/);
  await expect(page.getByRole("status")).toContainText("As of 2024-11-30");
  await expect(columns.getByRole("article", { name: /HP McLovincraft's blog/ })).toHaveCount(0);
  await expect(columns.getByRole("article", { name: /Unidentified news website/ })).toHaveCount(0);
  await expect(columns.getByRole("article", { name: /NPR/ }).first()).toBeVisible();
  await expect(page.locator(".claim-status")).toContainText("Corroborated");

  await page.goto("/claims/dprk-troops-deployed-to-russia?asOf=2024-02-30");
  await expect(page.getByRole("alert").filter({ hasText: "As of" })).toContainText("That is not a calendar date.");
});

test("the evidence matrix and the number axis render for the seed topic", async ({ page }) => {
  await page.goto("/topics/troop-deployment/matrix");
  const matrix = page.getByRole("table");
  await expect(matrix.getByRole("columnheader", { name: /Sputnik/ })).toContainText("most diagnostic");
  const row = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /North Korea has sent troops to Russia/ }) });
  // Columns: the claim, then the most diagnostic source first.
  await expect(matrix.getByRole("columnheader").nth(1)).toContainText("Sputnik");
  await expect(row.getByRole("cell").first()).toHaveText("+supports");
  await expect(row).toContainText("supports and disputes");
  await page.getByRole("link", { name: "oldest first" }).click();
  await expect(matrix.getByRole("columnheader").nth(1)).toContainText("The Platform");

  await page.goto(`/claims/${TROOPS}`);
  const figures = page.getByRole("region", { name: "The figures the sources give" });
  await expect(figures.getByRole("img")).toHaveAttribute("aria-label", /The Pentagon: 3,000 – 9,000/);
  await expect(figures.getByRole("row", { name: /The Pentagon/ })).toContainText("“several thousand”");
  await expect(figures.getByRole("list")).toContainText(
    "HP McLovincraft's blog, quoting The Pentagon and Unidentified news website, quoting The United States and South Korea",
  );
});

test("an analyst grades an outlet and a stance, and the grade shows beside the stance", async ({ page }) => {
  await signIn(page, "ANALYST");
  await page.goto("/outlets");
  const sputnik = page.getByRole("row", { name: /Sputnik/ });
  await sputnik.getByLabel("Reliability").selectOption("B");
  await sputnik.getByLabel("Reason").fill("State agency; accurate on treaty texts, not on the war.");
  await sputnik.getByRole("button", { name: "Save the grade" }).click();
  await expect(sputnik.getByRole("cell").nth(2)).toContainText("B — Usually reliable");

  await page.goto("/claims/dprk-deployment-confirmed/review");
  const stance = page.getByRole("listitem").filter({ hasText: "once only speculative—is confirmed" });
  await stance.getByLabel("Credibility").selectOption("2");
  await stance.getByRole("button", { name: "Save the assessment" }).click();
  await expect(stance.locator(".grading")).toContainText("Grading B2");

  await page.goto("/claims/dprk-deployment-confirmed");
  const card = page.getByRole("article", { name: "Supports: Sputnik" });
  await expect(card.locator(".grading")).toHaveText("Grading B2: usually reliable source; information probably true.");
});

test("researchers and readers cannot give verdicts or grades, in the page or by posting directly", async ({ browser }) => {
  // Three sign-ins and fourteen requests: 13 s alone, and past 30 s once beside a loaded machine.
  test.setTimeout(60_000);
  const analyst = await signedIn(await browser.newContext(), "ANALYST");
  await analyst.goto(`/claims/${TROOPS}/review`);
  const verdictAction = await actionIdOf(analyst, () => analyst.getByRole("button", { name: "Publish the verdict" }).click());
  await analyst.goto("/outlets");
  const gradeAction = await actionIdOf(analyst, () => analyst.getByRole("button", { name: "Save the grade" }).first().click());
  await analyst.context().close();

  const claim = await e2eDb().claim.findUniqueOrThrow({ where: { slug: TROOPS } });
  const outlet = await e2eDb().outlet.findUniqueOrThrow({ where: { slug: "the-platform" } });
  const post = (page: Page, actionId: string, path: string, input: unknown) => postAction(page.request, path, actionId, input);

  for (const role of ["RESEARCHER", "READER"] as const) {
    const page = await signedIn(await browser.newContext(), role);
    await page.goto(`/claims/${TROOPS}`);
    await expect(page.getByRole("link", { name: /^Review:/ })).toHaveCount(0);
    await page.goto(`/claims/${TROOPS}/review`);
    await expect(page.getByRole("alert").filter({ hasText: "Only" })).toContainText("Only an analyst or above can review claims");
    await expect(page.getByRole("button", { name: "Publish the verdict" })).toHaveCount(0);
    await page.goto("/review");
    await expect(page.getByRole("alert").filter({ hasText: "Only" })).toContainText("Only an analyst or above can review claims");
    await page.goto("/outlets");
    await expect(page.getByRole("button", { name: "Save the grade" })).toHaveCount(0);

    const verdict = await post(page, verdictAction, `/claims/${TROOPS}/review`, {
      claimId: claim.id,
      rating: "TRUE",
      confidence: "HIGH",
      rationale: `Posted by a ${role}`,
    });
    expect(await verdict.text()).toContain("Only an analyst or above can give verdicts");
    const grade = await post(page, gradeAction, "/outlets", { id: outlet.id, version: outlet.version, reliability: "A", reason: `Posted by a ${role}` });
    expect(await grade.text()).toContain("Only an analyst or above can grade sources");
    await page.context().close();
  }
  expect(await e2eDb().verdict.count({ where: { rationale: { startsWith: "Posted by a" } } })).toBe(0);
  expect((await e2eDb().outlet.findUniqueOrThrow({ where: { slug: "the-platform" } })).reliability).toBe(outlet.reliability);
});
