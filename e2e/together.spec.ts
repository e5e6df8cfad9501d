import { expect, test, type Page } from "@playwright/test";
import { actionIdOf, claimFixture, e2eDb, postAction, signIn } from "./helpers";

// Working together (issue 14): blind assessments by two analysts and the spread once published; a
// reader's request matched to a claim and accepted into the queue; an unread mention.

async function assess(page: Page, slug: string, rating: string, confidence: string, reasons: string) {
  await page.goto(`/claims/${slug}/review`);
  await page.getByLabel("Your rating").selectOption({ label: rating });
  await page.getByLabel("Your confidence").selectOption({ label: confidence });
  await page.getByLabel("Your reasons").fill(reasons);
  await page.getByRole("button", { name: "Give your assessment" }).click();
  await expect(page.getByRole("button", { name: "Change your assessment" })).toBeVisible();
}

test("two analysts assess blind; each sees the other's only after giving theirs; readers see the spread with the published verdict", async ({
  page,
  browser,
}) => {
  // Three people, eleven page loads and five writes: 15 s alone on this machine, and it ran past
  // 30 s beside the other worker in one CI run on PostgreSQL.
  test.setTimeout(60_000);
  const fixture = await claimFixture({
    outlet: "Assessment Gazette",
    text: "The dam holds 4 billion cubic metres, engineers said.",
    quote: "The dam holds 4 billion cubic metres",
    claim: "The dam holds 4 billion cubic metres (assessment test).",
  });
  await signIn(page, "ANALYST");
  await page.goto(`/claims/${fixture.claimSlug}/review`);
  await expect(page.getByRole("region", { name: "Assessments" })).toContainText("No analyst has assessed this claim yet.");
  await assess(page, fixture.claimSlug, "False", "High", "The engineers' own report gives 2 billion.");

  // The second analyst (an admin) sees that one analyst assessed it, but not what they said.
  const second = await (await browser.newContext()).newPage();
  await signIn(second, "ADMIN");
  await second.goto(`/claims/${fixture.claimSlug}/review`);
  const blind = second.getByRole("region", { name: "Assessments" });
  await expect(blind).toContainText("1 analyst assessed it so far; their ratings stay hidden from you until you give yours.");
  await expect(blind).not.toContainText("Demo Analyst");
  await expect(blind).not.toContainText("2 billion");
  // Nor on the claim page.
  await second.goto(`/claims/${fixture.claimSlug}`);
  await expect(second.getByRole("region", { name: "Your assessment" })).toContainText("You have not assessed this claim.");
  await expect(second.getByRole("region", { name: /^Verdict/ })).not.toContainText("False");

  await assess(second, fixture.claimSlug, "Mostly true", "Low", "Close enough to the ministry's figure.");
  const open = second.getByRole("region", { name: "Assessments" });
  await expect(open).toContainText("Demo Analyst: False, high confidence — The engineers' own report gives 2 billion.");
  await expect(open).toContainText("You: Mostly true, low confidence");
  await expect(open).toContainText("2 analysts; disagreement 1.00");

  // A reader sees how many assessed, not what, until a verdict is published.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/claims/${fixture.claimSlug}`);
  const verdict = reader.getByRole("region", { name: /^Verdict/ });
  await expect(verdict).toContainText("2 analysts assessed it on their own; how they differ is shown once the verdict is published.");
  await expect(verdict).not.toContainText("Mostly true");

  await page.goto(`/claims/${fixture.claimSlug}/review`);
  await page.getByRole("combobox", { name: "Verdict", exact: true }).selectOption({ label: "False" });
  await page.getByLabel("Rationale (shown with the verdict)").fill("The engineers' report is the primary source.");
  await page.getByRole("button", { name: "Publish the verdict" }).click();
  await expect(page.getByText("Now: False")).toBeVisible();

  await reader.reload();
  await expect(verdict.getByRole("heading")).toHaveText("Verdict: False");
  await expect(verdict).toContainText("1 of 2 analysts who assessed it on their own agreed with this verdict");
  await expect(verdict).toContainText("2 analysts assessed it: 1 Mostly true (1 low confidence); 1 False (1 high confidence). Disagreement 1.00");

  // The queue ranks it among the claims analysts disagree on.
  await page.goto("/review?show=disagreed");
  await expect(page.getByRole("link", { name: "The dam holds 4 billion cubic metres (assessment test)." })).toBeVisible();
  await second.context().close();
  await reader.context().close();
});

test("a reader's request is matched to the claim it says, accepted by an analyst, and the reader is told", async ({ page, browser }) => {
  await claimFixture({
    outlet: "Request Ledger",
    text: "The ferry to the island resumed its crossings on Monday.",
    quote: "The ferry to the island resumed its crossings on Monday",
    claim: "The island ferry resumed its crossings on Monday (request test).",
  });
  await signIn(page, "READER");
  await page.goto("/requests");
  await page.getByLabel("The claim to check").fill("Did the island ferry really resume crossings on Monday?");
  await page.getByLabel("Why it should be checked").fill("The timetable still says it is suspended.");
  await page.getByRole("button", { name: "Ask for a check" }).click();
  const status = page.getByRole("status").filter({ hasText: "Your request is in." });
  await expect(status).toContainText("It matches a claim already here: The island ferry resumed its crossings on Monday (request test).");

  // Asking again counts once.
  await page.getByLabel("The claim to check").fill("The island ferry resumed its crossings on Monday");
  await page.getByLabel("Why it should be checked").fill("Asking again.");
  await page.getByRole("button", { name: "Ask for a check" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You had already asked for this; it counts once." })).toBeVisible();

  const analyst = await (await browser.newContext()).newPage();
  await signIn(analyst, "ANALYST");
  await analyst.goto("/requests");
  const item = analyst.getByRole("listitem").filter({ hasText: "Did the island ferry really resume crossings on Monday?" });
  await expect(item).toContainText("1 requester");
  await expect(item).toContainText("matches The island ferry resumed its crossings on Monday (request test).");
  await item.getByRole("link", { name: "Did the island ferry really resume crossings on Monday?" }).click();
  await analyst.getByLabel("A note for the requesters (optional)").fill("Checking the operator's timetable.");
  await analyst.getByRole("button", { name: "Accept into the review queue" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Accepted for checking" })).toContainText("Checking the operator's timetable.");
  await analyst.goto("/review?show=requested");
  await expect(analyst.getByRole("link", { name: "The island ferry resumed its crossings on Monday (request test)." })).toBeVisible();

  await page.goto("/activity");
  await expect(page.getByRole("listitem").filter({ hasText: "was accepted for checking: Checking the operator's timetable." })).toBeVisible();
  await analyst.context().close();
});

test("a mention is unread in the header until the mentioned user opens their activity", async ({ page, browser }) => {
  const fixture = await claimFixture({
    outlet: "Mention Monitor",
    text: "The summit was moved to Thursday, the host said.",
    quote: "The summit was moved to Thursday",
    claim: "The summit was moved to Thursday (mention test).",
  });
  const analystHandle = (await e2eDb().user.findUniqueOrThrow({ where: { email: "analyst@example.com" }, select: { handle: true } })).handle;
  expect(analystHandle).toBe("demo-analyst");
  const researcher = await (await browser.newContext()).newPage();
  await signIn(researcher, "RESEARCHER");
  await researcher.goto(`/claims/${fixture.claimSlug}`);
  await researcher.getByLabel("Add to the discussion").fill("@demo-analyst, the host's own statement says Wednesday. Can you look?");
  await researcher.getByRole("button", { name: "Post the comment" }).click();
  await expect(researcher.locator(".comment .mention")).toHaveText("@demo-analyst");

  await signIn(page, "ANALYST");
  await expect(page.getByRole("link", { name: /^Activity, \d+ unread$/ })).toBeVisible();
  await page.getByRole("link", { name: /^Activity, \d+ unread$/ }).click();
  const line = page.getByRole("listitem").filter({ hasText: "Demo Researcher mentioned you: @demo-analyst, the host's own statement says Wednesday." });
  await expect(line).toContainText("New");
  await expect(line.getByRole("link", { name: "The summit was moved to Thursday (mention test)." })).toBeVisible();
  // Opened: the header's count is gone, and on the next visit the line is no longer new.
  await expect(page.getByRole("link", { name: "Activity", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Demo Researcher mentioned you" }).first()).not.toContainText("New");
  await researcher.context().close();
});

test("assessing and deciding on requests are refused to readers and visitors who post the forms' actions directly", async ({ page, browser }) => {
  const fixture = await claimFixture({
    outlet: "Direct Assessment Post",
    text: "The road tunnel opened in March, the city said.",
    quote: "The road tunnel opened in March",
    claim: "The road tunnel opened in March (direct assessment test).",
  });
  const db = e2eDb();
  const claim = await db.claim.findUniqueOrThrow({ where: { slug: fixture.claimSlug }, select: { id: true } });
  /** The action's id, read off the request a form sends when it is submitted with nothing in it (refused). */
  const actionOf = (on: Page, button: string) => actionIdOf(on, () => on.getByRole("button", { name: button }).click());

  const analyst = await (await browser.newContext()).newPage();
  await signIn(analyst, "ANALYST");
  await analyst.goto(`/claims/${fixture.claimSlug}/review`);
  const assessAction = await actionOf(analyst, "Give your assessment");
  await expect(analyst.getByText("rating: must be chosen").first()).toBeVisible();

  await signIn(page, "READER");
  const byReader = await postAction(page.request, `/claims/${fixture.claimSlug}/review`, assessAction, {
    claimId: claim.id,
    rating: "TRUE",
    confidence: "HIGH",
    rationale: "I say so.",
  });
  expect(await byReader.text()).toContain("Only an analyst or above can assess claims; your account is a reader.");

  await page.goto("/requests");
  await page.getByLabel("The claim to check").fill("Was the road tunnel opened in March with no inspection zq?");
  await page.getByLabel("Why it should be checked").fill("The inspection report is dated April.");
  await page.getByRole("button", { name: "Ask for a check" }).click();
  await page.getByRole("link", { name: "See the request" }).click();
  const requestId = page.url().split("/").pop()!;
  await analyst.goto(`/requests/${requestId}`);
  const declineAction = await actionOf(analyst, "Decline the request");
  await expect(analyst.getByText(/reason: must not be empty/).first()).toBeVisible();

  const visitor = await browser.newContext();
  const byVisitor = await postAction(visitor.request, `/requests/${requestId}`, declineAction, {
    id: requestId,
    version: 1,
    decision: "DECLINE",
    reason: "Spam.",
  });
  expect(await byVisitor.text()).toContain("Sign in to decide on requests.");
  const byReaderDecline = await postAction(page.request, `/requests/${requestId}`, declineAction, {
    id: requestId,
    version: 1,
    decision: "DECLINE",
    reason: "Spam.",
  });
  expect(await byReaderDecline.text()).toContain("Only an analyst or above can decide on requests; your account is a reader.");
  expect(await db.assessment.count({ where: { claimId: claim.id } })).toBe(0);
  expect((await db.checkRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } })).status).toBe("OPEN");
  await visitor.close();
  await analyst.context().close();
});

test("watching is each user's own on the shared cached claim page, and a watcher is told of a new comment", async ({ page, browser }) => {
  const fixture = await claimFixture({
    outlet: "Watch Wire",
    text: "The airport's second runway opened in May, the operator said.",
    quote: "The airport's second runway opened in May",
    claim: "The airport's second runway opened in May (watch test).",
  });
  await signIn(page, "ANALYST");
  await page.goto(`/claims/${fixture.claimSlug}`);
  await page.getByRole("button", { name: "Watch this claim" }).click();
  await expect(page.getByRole("button", { name: "Watching this claim (stop)" })).toBeVisible();

  // An admin is the same kind of reader (the same cached view of the claim), with their own button.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "ADMIN");
  await other.goto(`/claims/${fixture.claimSlug}`);
  await expect(other.getByRole("button", { name: "Watch this claim" })).toBeVisible();
  await other.getByLabel("Add to the discussion").fill("The operator's own timetable says June.");
  await other.getByRole("button", { name: "Post the comment" }).click();
  await expect(other.locator(".comment").filter({ hasText: "The operator's own timetable says June." })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("button", { name: "Watching this claim (stop)" })).toBeVisible();
  await page.getByRole("link", { name: /^Activity, \d+ unread$/ }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Demo Admin commented: The operator's own timetable says June." })).toContainText(
    "The airport's second runway opened in May (watch test).",
  );
  await other.context().close();
});
