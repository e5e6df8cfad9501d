import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { claimFixture, e2eDb, linkSelection, selectPhrase, signIn } from "./helpers";

const TROOP_CLAIM = "Some 10,000 North Korean troops have been sent to Russia.";
const pasted = readFileSync(new URL("./fixtures/pasted-article.txt", import.meta.url), "utf8");

test("a researcher pastes an article, selects a sentence and links it to a seed claim as disputing, with a new speaker", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  await page.getByRole("link", { name: "Add a source" }).click();
  await page.getByLabel("Text", { exact: true }).fill(pasted);
  await page.getByLabel("Title").fill("Analysts doubt the size of the North Korean deployment");
  await page.getByLabel("Outlet (who published it)").selectOption({ label: "A new outlet…" });
  await page.getByLabel("New outlet's name").fill("Baltic Defence Review");
  await page.getByLabel("Kind of outlet").selectOption({ label: "Magazine" });
  await page.getByLabel("Authors").fill("Rasa Vaitkute");
  await page.getByLabel("Published", { exact: true }).fill("2024-11-14");
  await page.getByLabel("Kind of source").selectOption({ label: "News report" });
  await page.getByRole("button", { name: "Save the source" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analysts doubt the size of the North Korean deployment");
  const sentence = "the figure of 10,000 North Korean soldiers in Russia was not supported by anything she had seen";
  await selectPhrase(page, sentence);
  const panel = page.getByRole("region", { name: "Link a passage to a claim" });
  await expect(panel.getByLabel("The words (exactly as in the text)")).toHaveValue(sentence);
  // The claim search starts from the selected words, best match first.
  await expect(panel.getByRole("radio").first()).toHaveAccessibleName(new RegExp(TROOP_CLAIM.replace(".", "\\.")));
  await linkSelection(page, { claim: TROOP_CLAIM, position: "Disputes", newSpeaker: { name: "Ieva Kalnina", kind: "Person" } });

  await expect(page.getByRole("status")).toContainText(`Linked to “${TROOP_CLAIM}” as disputes.`);
  await expect(page.locator(".source-text mark.hl-disputes")).toHaveText(sentence);
  await page.getByRole("link", { name: "Open the claim" }).click();
  const disputing = page.getByRole("region", { name: /Disputing/ });
  const card = disputing.getByRole("article").filter({ hasText: "Baltic Defence Review" });
  await expect(card).toContainText(sentence);
  await expect(card).toContainText("Speaker: Ieva Kalnina");

  const source = await e2eDb().source.findFirstOrThrow({
    where: { title: "Analysts doubt the size of the North Korean deployment" },
    include: { stances: true },
  });
  const [stance] = source.stances;
  expect(source.text.slice(stance!.start, stance!.end)).toBe(sentence);
  expect(source.text).toBe(pasted.trim());
});

test("a researcher uploads an HTML file: its main text and metadata fill the form, and a passage is linked", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  await page.goto("/sources/new");
  await page.getByLabel("Upload a file (.txt, .md, .html)").check();
  await page.getByLabel("File", { exact: true }).setInputFiles(new URL("./fixtures/uploaded-article.html", import.meta.url).pathname);
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("status")).toContainText("Check the text and the details below");
  await expect(page.getByLabel("Title")).toHaveValue("Pyongyang and Moscow trade praise over treaty");
  await expect(page.getByLabel("New outlet's name")).toHaveValue("The Harbour Gazette");
  await expect(page.getByLabel("Authors")).toHaveValue("Mina Park");
  await expect(page.getByLabel("Published", { exact: true })).toHaveValue("2024-12-02");
  const text = page.getByLabel("Text", { exact: true });
  await expect(text).toHaveValue(/far from symbolic/);
  await expect(text).not.toHaveValue(/Home \| World|Copyright/);
  await page.getByLabel("Kind of outlet").selectOption({ label: "Newspaper" });
  await page.getByLabel("Kind of source").selectOption({ label: "News report" });
  await page.getByRole("button", { name: "Save the source" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pyongyang and Moscow trade praise over treaty");
  const quote = "the treaty's defence clause was far from symbolic";
  await selectPhrase(page, quote);
  await linkSelection(page, {
    claim: "The treaty's mutual-defence clause is largely symbolic.",
    position: "Disputes",
    newSpeaker: { name: "Han Seo-yeon", kind: "Person" },
  });
  await expect(page.getByRole("status")).toContainText("as disputes");
  await page.goto("/claims/mutual-defence-clause-largely-symbolic");
  await expect(
    page
      .getByRole("region", { name: /Disputing/ })
      .getByRole("article")
      .filter({ hasText: "The Harbour Gazette" }),
  ).toContainText(quote);
});

test("a researcher adds a page fetched from a URL; a local address outside the allow-list is refused", async ({ page }) => {
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<html lang="en"><head><title>Ratification completed</title><meta property="og:site_name" content="Loopback Ledger"></head>
      <body><article><h1>Ratification completed</h1><p>The upper house approved the treaty without debate, a parliamentary aide said, and the president signed the law the same week.</p>
      <p>Nobody in the chamber voted against it, according to the official record published afterwards.</p></article></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    await signIn(page, "RESEARCHER");
    await page.goto("/sources/new");
    await page.getByLabel("Fetch a web page").check();
    // "localhost" is loopback too, and only 127.0.0.1 is on the test server's allow-list.
    await page.getByLabel("Page address").fill(`http://localhost:${port}/ratification`);
    await page.getByRole("button", { name: "Fetch the page" }).click();
    await expect(page.locator("#page-url-error")).toHaveText("localhost is a private or local address; Corroborate fetches only public pages.");

    await page.getByLabel("Page address").fill(`http://127.0.0.1:${port}/ratification`);
    await page.getByRole("button", { name: "Fetch the page" }).click();
    await expect(page.getByLabel("Title")).toHaveValue("Ratification completed");
    await expect(page.getByLabel("Address (URL)")).toHaveValue(`http://127.0.0.1:${port}/ratification`);
    await page.getByLabel("Kind of outlet").selectOption({ label: "News website" });
    await page.getByLabel("Kind of source").selectOption({ label: "News report" });
    await page.getByRole("button", { name: "Save the source" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ratification completed");
    await expect(page.locator(".source-text")).toContainText("Nobody in the chamber voted against it");

    // The same address again: the stored source is shown instead of a copy.
    await page.goto("/sources/new");
    await page.getByLabel("Fetch a web page").check();
    await page.getByLabel("Page address").fill(`http://127.0.0.1:${port}/ratification`);
    await page.getByRole("button", { name: "Fetch the page" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already in Corroborate" })).toContainText(
      'This address is already in Corroborate, as "Ratification completed".',
    );
    await page.getByRole("link", { name: "Open “Ratification completed”" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ratification completed");
    expect(await e2eDb().source.count({ where: { title: "Ratification completed" } })).toBe(1);
  } finally {
    server.close();
  }
});

test("a passage is tagged from the keyboard alone: typed words, a new claim, Escape to close", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  await page.goto("/sources/sputnik-federation-council-ratifies");
  const button = page.getByRole("button", { name: "Tag a passage" });
  await expect(button).toBeEnabled();
  await button.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Link a passage to a claim" });
  await expect(panel.getByRole("heading", { name: "Link a passage to a claim" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();

  await page.keyboard.press("Enter");
  const quote = "based on the principles of mutual respect for each other’s sovereignty";
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("The words (exactly as in the text)")).toBeFocused();
  await page.keyboard.insertText(quote);
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("Find a claim")).toBeFocused();
  await page.keyboard.insertText("mutual respect sovereignty");
  await expect(panel.getByRole("radio", { name: /Russia/ }).first()).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowUp"); // from the first claim found round to "A new claim"
  await expect(panel.getByRole("radio", { name: "A new claim" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(panel.getByLabel("The new claim, as one checkable sentence")).toBeFocused();
  await page.keyboard.insertText("The treaty rests on mutual respect for sovereignty.");
  await page.keyboard.press("Tab"); // topic
  await page.keyboard.press("Tab"); // the position radios
  await page.keyboard.press("Space");
  await expect(panel.getByRole("radio", { name: "Supports the claim" })).toBeChecked();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press("Tab"); // how it is put, who says it, note, save
  await expect(panel.getByRole("button", { name: "Save the stance" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status")).toContainText("Linked to “The treaty rests on mutual respect for sovereignty.” as supports.");
  const stance = await e2eDb().stance.findFirstOrThrow({ where: { sourceId: "sputnik-federation-council-ratifies", quote }, include: { source: true } });
  expect(stance.source.text.slice(stance.start, stance.end)).toBe(quote);
  // The new highlight may overlap older ones, so it can span several marks: together they read the quote.
  const marks = page.locator(`.source-text mark[data-stances~="${stance.id}"]`);
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).join("")).toBe(quote);
});

test("a stance is retracted with a reason, shown as retracted on its claim and source, and restored", async ({ page }) => {
  const { sourceId, claimSlug } = await claimFixture({
    outlet: "Retraction Review",
    text: "The fixture notes that the ceasefire held for a week.",
    quote: "the ceasefire held for a week",
    claim: "The ceasefire held for a week.",
  });

  await signIn(page, "RESEARCHER");
  await page.goto(`/claims/${claimSlug}`);
  const supporting = page.getByRole("region", { name: /Supporting/ });
  await supporting.getByRole("link", { name: "Edit or retract" }).click();
  await page.getByLabel("Why it is retracted").fill("The passage is about a different ceasefire.");
  await page.getByRole("button", { name: "Retract the stance" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The ceasefire held for a week.");
  await expect(supporting).toContainText("No source supports this claim.");
  const retracted = page.getByRole("region", { name: /Retracted stances/ });
  await expect(retracted).toContainText(
    "Retracted Supports: “the ceasefire held for a week” — Retraction Review (The passage is about a different ceasefire.)",
  );
  await expect(page.locator(".claim-status")).toContainText("Unsupported");

  await page.goto(`/sources/${sourceId}`);
  await expect(page.locator(".source-text mark")).toHaveCount(0);
  await expect(page.locator(".retracted-list")).toContainText("“the ceasefire held for a week”");

  await page.getByRole("link", { name: "Restore or edit" }).click();
  await page.getByRole("button", { name: "Restore the stance" }).click();
  await expect(page.getByRole("region", { name: /Supporting/ }).getByRole("article")).toContainText("the ceasefire held for a week");
  await page.goto(`/claims/${claimSlug}/history`);
  await expect(page.locator(".history > li").first()).toContainText("Restored the stance");
  await expect(page.locator(".history > li").nth(1)).toContainText("Why: The passage is about a different ceasefire.");
});
