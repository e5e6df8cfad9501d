import { expect, test } from "@playwright/test";
import { claimFixture, signIn } from "./helpers";

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
