import { expect, test } from "@playwright/test";
import { e2eDb, fixtureTopic, signIn } from "./helpers";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";

// Sources that change (decision 0025): a researcher gives a source its corrected text; the changed
// passage shows both wordings on its claim, the passage the correction took out is an orphan on its
// claim and in the researchers' list, and is re-attached to the words the new text has.

const STORY =
  "The ferry operator in Korsund said on Monday that three crossings a day would resume next week. " +
  "A spokeswoman blamed the suspension on a shortage of qualified engineers. " +
  "Passengers have waited for months for the service to return.";
const CORRECTED =
  "Correction: an earlier version of this article gave the wrong number of crossings.\n\n" +
  "The ferry operator in Korsund said on Monday that four crossings a day would resume next week. " +
  "Passengers have waited for months for the service to return, and the operator said that engineers had been hard to find.";

test("a corrected text shows a changed passage on its claim, and makes an orphan a researcher re-attaches", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const db = e2eDb();
  const owner = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.com" } });
  const user = { id: owner.id, name: owner.name, email: owner.email, role: "RESEARCHER" as const };
  const source = await createSource(db, user, {
    title: "Korsund ferry to resume",
    outlet: { new: { name: "Korsund Coast Gazette", kind: "NEWSPAPER" } },
    kind: "NEWS_REPORT",
    language: "en",
    text: STORY,
  });
  const topic = await fixtureTopic();
  const crossings = await createStance(db, user, {
    sourceId: source.id,
    quote: "three crossings a day would resume next week",
    claim: { new: { text: "Korsund's ferry will resume three crossings a day next week.", topic: topic.id } },
    position: "SUPPORTS",
    mode: "AS_FACT",
    speaker: null,
  });
  const engineers = await createStance(db, user, {
    sourceId: source.id,
    quote: "A spokeswoman blamed the suspension on a shortage of qualified engineers.",
    claim: { new: { text: "Korsund's ferry was suspended for lack of engineers.", topic: topic.id } },
    position: "SUPPORTS",
    mode: "AS_FACT",
    speaker: null,
  });

  // The researcher gives the corrected text.
  await signIn(page, "RESEARCHER");
  await page.goto(`/sources/${source.id}/versions`);
  await expect(page.getByText("The source has had one text, the one it was added with.")).toBeVisible();
  await page.getByLabel("The corrected text, in full").fill(CORRECTED);
  await page.getByLabel("What changed (optional)").fill("The newspaper's correction");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status")).toHaveText("Version 2 saved. Passages found again: 0; changed: 1; orphaned: 1.");
  const differences = page.getByRole("region", { name: "Differences between version 1 and version 2" });
  await expect(differences.getByRole("deletion").filter({ hasText: "three" })).toBeVisible();
  await expect(differences.getByRole("insertion").filter({ hasText: "four" })).toBeVisible();

  // A reader sees both wordings on the changed passage's claim, and the orphan on the other.
  const reader = await browser.newPage();
  await reader.goto(`/claims/${crossings.claimSlug}`);
  await expect(reader.locator(".changed-note")).toContainText(
    "version 1 read “three crossings a day would resume next week”; version 2 reads “four crossings a day would resume next week”.",
  );
  await expect(reader.locator(".quote").first()).toHaveText("four crossings a day would resume next week");
  await reader.goto(`/claims/${engineers.claimSlug}`);
  await expect(reader.locator(".orphan-note")).toContainText("The source's current text no longer has these words");
  await reader.locator(".orphan-note").getByRole("link", { name: "version 1" }).click();
  await expect(reader.getByText("Each of the 2 passages quoted from it is its words at its place.")).toBeVisible();
  await reader.close();

  // The researcher re-attaches the orphan: words the current text lacks are refused, its own words are taken.
  await page.goto("/review/orphans");
  const orphan = page.getByRole("listitem", { name: "Orphaned: A spokeswoman blamed the suspension on a shortage of qualified engineers." });
  await expect(orphan).toBeVisible();
  const words = orphan.getByLabel("The words in the current text");
  await words.fill("a shortage of engineers");
  await orphan.getByRole("button", { name: "Re-attach" }).click();
  await expect(orphan.getByText("This quote is not in the source text").first()).toBeVisible();
  await words.fill("the operator said that engineers had been hard to find");
  await orphan.getByRole("button", { name: "Re-attach" }).click();
  await expect(page.getByText("No excerpt is orphaned.")).toBeVisible();
  await page.goto(`/claims/${engineers.claimSlug}`);
  await expect(page.locator(".quote").first()).toHaveText("the operator said that engineers had been hard to find");
  await expect(page.locator(".orphan-note")).toHaveCount(0);
});
