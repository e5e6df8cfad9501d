import { expect, test, type Page } from "@playwright/test";
import { actionIdOf, claimFixture, e2eDb, postAction, signIn } from "./helpers";

// Discussion (issue 14): what a commenter writes is shown as words, never run; a moderator hides
// a comment with a reason that readers see in its place.

test("a comment with a script and a javascript: link is shown inert; a moderator hides it, and a visitor sees why", async ({ page, browser }) => {
  const fixture = await claimFixture({
    outlet: "Discussion Courier",
    text: "The harbour reopened on Tuesday, officials said.",
    quote: "The harbour reopened on Tuesday",
    claim: "The harbour reopened on Tuesday (discussion test).",
  });
  await signIn(page, "READER");
  await page.goto(`/claims/${fixture.claimSlug}`);
  const form = page.getByRole("region", { name: "Discussion" });
  await form
    .getByLabel("Add to the discussion")
    .fill(`<script>window.pwned = 1</script> Is this **confirmed**? [evil](javascript:window.pwned=2) See [the claim](/claims/${fixture.claimSlug}).`);
  await form.getByRole("button", { name: "Post the comment" }).click();

  const comment = page.getByRole("article", { name: "Comment by Demo Reader" });
  await expect(comment).toContainText("<script>window.pwned = 1</script> Is this confirmed?");
  await expect(comment.locator(".comment-body strong")).toHaveText("confirmed");
  await expect(comment.getByRole("link", { name: "the claim" })).toHaveAttribute("href", `/claims/${fixture.claimSlug}`);
  await expect(comment.getByRole("link", { name: "evil" })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  // A visitor in another browser sees it on the cached page at once.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/claims/${fixture.claimSlug}`);
  await expect(visitor.getByRole("article", { name: "Comment by Demo Reader" })).toContainText("Is this confirmed?");
  await expect(visitor.getByRole("region", { name: "Discussion" })).toContainText("Sign in to take part.");

  // An analyst hides it from its own page, saying why.
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, "ANALYST");
  await moderator.goto(`/claims/${fixture.claimSlug}`);
  await moderator.getByRole("article", { name: "Comment by Demo Reader" }).getByRole("link", { name: "Reply, edit or hide" }).click();
  await moderator.getByLabel("Why it is hidden (shown in its place)").fill("Off topic.");
  await moderator.getByRole("button", { name: "Hide the comment" }).click();
  await expect(moderator.getByText("Hidden by a moderator: Off topic.")).toBeVisible();

  await visitor.reload();
  const hidden = visitor.getByRole("article", { name: "Comment by Demo Reader" });
  await expect(hidden).toContainText("Hidden by a moderator: Off topic.");
  await expect(hidden).not.toContainText("Is this confirmed?");
  await visitor.context().close();
  await moderator.context().close();
});

test("a comment posted around the page needs an account, and only a moderator may hide one, even posting directly", async ({ page, browser }) => {
  const fixture = await claimFixture({
    outlet: "Direct Comment Weekly",
    text: "The bridge was rebuilt in 2019, the ministry said.",
    quote: "The bridge was rebuilt in 2019",
    claim: "The bridge was rebuilt in 2019 (discussion authorisation test).",
  });
  const claim = await e2eDb().claim.findUniqueOrThrow({ where: { slug: fixture.claimSlug }, select: { id: true } });
  /** The action's id, read off the request a form sends when it is submitted with nothing in it (refused). */
  const actionOf = (on: Page, button: string) => actionIdOf(on, () => on.getByRole("button", { name: button }).click());
  const direct = postAction;

  // A reader's empty comment is refused beside its field, and gives away the action's id.
  await signIn(page, "READER");
  await page.goto(`/claims/${fixture.claimSlug}`);
  const post = await actionOf(page, "Post the comment");
  await expect(
    page
      .getByRole("region", { name: "Discussion" })
      .getByText(/must not be empty/)
      .first(),
  ).toBeVisible();
  const mine = await postAs(page, fixture.claimSlug, "A comment to try hiding.");

  // Posted without a session: refused, nothing stored.
  const visitor = await browser.newContext();
  const refused = await direct(visitor.request, `/claims/${fixture.claimSlug}`, post, { claimId: claim.id, body: "Posted around the page." });
  expect(await refused.text()).toContain("Sign in to comment.");
  await visitor.close();

  // An analyst's empty reason gives away the hide action; a reader posting it is refused.
  const moderator = await browser.newContext();
  const analyst = await moderator.newPage();
  await signIn(analyst, "ANALYST");
  await analyst.goto(`/comments/${mine}`);
  const hide = await actionOf(analyst, "Hide the comment");
  await expect(analyst.getByText(/must not be empty/).first()).toBeVisible();
  await moderator.close();
  const byReader = await direct(page.request, `/comments/${mine}`, hide, { id: mine, version: 1, reason: "I do not like it." });
  expect(await byReader.text()).toContain("Only an analyst or above can hide comments; your account is a reader.");

  const stored = await e2eDb().comment.findMany({ where: { claimId: claim.id }, select: { body: true, hiddenAt: true } });
  expect(stored).toEqual([{ body: "A comment to try hiding.", hiddenAt: null }]);
});

/** Posts a comment through the page, as the signed-in user; its id. */
async function postAs(page: Page, slug: string, body: string): Promise<string> {
  await page.goto(`/claims/${slug}`);
  await page.getByLabel("Add to the discussion").fill(body);
  await page.getByRole("button", { name: "Post the comment" }).click();
  const comment = page.locator(".comment").filter({ hasText: body });
  await expect(comment).toBeVisible();
  return (await comment.getAttribute("id"))!.replace(/^comment-/, "");
}
