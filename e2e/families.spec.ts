import { expect, test } from "@playwright/test";
import { e2eDb, fixtureTopic, signIn } from "./helpers";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";

// Copies of one article (decision 0023): a wire story carried by two outlets is one origin, the
// claim page and the source pages say so, and an analyst counts them apart.

const STORY =
  "Officials in the river port of Velmora confirmed on Thursday that the grain terminal had reopened after a week of repairs. " +
  "The harbour master said that three cargo ships were loaded overnight and that a fourth was expected by Saturday morning. " +
  "Dock workers had repaired the damaged crane arms and the conveyor that links the silos to the quay, according to the port authority. " +
  "Traders in the regional capital welcomed the news, though several said that insurance costs for the route had doubled since the closure. " +
  "The port authority added that night shifts would continue until the backlog of barges waiting upstream had been cleared.";

test("a claim supported by a wire story and its copy is single-source until an analyst counts them apart", async ({ page, browser }) => {
  const db = e2eDb();
  const owner = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.com" } });
  const user = { id: owner.id, name: owner.name, email: owner.email, role: "RESEARCHER" as const };
  const wire = await createSource(db, user, {
    title: "Velmora grain terminal reopens",
    outlet: { new: { name: "Velmora Wire Service", kind: "STATE_NEWS_AGENCY" } },
    kind: "NEWS_REPORT",
    language: "en",
    text: STORY,
  });
  const copy = await createSource(db, user, {
    title: "Grain terminal back in business",
    outlet: { new: { name: "Upriver Daily", kind: "NEWSPAPER" } },
    kind: "NEWS_REPORT",
    language: "en",
    text: `(From the wire) ${STORY} Our reporter adds that the quay was busy by noon.`,
  });
  const topic = await fixtureTopic();
  const quote = "the grain terminal had reopened after a week of repairs";
  const { claimSlug } = await createStance(db, user, {
    sourceId: wire.id,
    quote,
    claim: { new: { text: "Velmora's grain terminal reopened after a week of repairs.", topic: topic.id } },
    position: "SUPPORTS",
    mode: "AS_FACT",
    speaker: null,
  });
  const claim = await db.claim.findUniqueOrThrow({ where: { slug: claimSlug }, select: { id: true } });
  await createStance(db, user, { sourceId: copy.id, quote, claim: { id: claim.id }, position: "SUPPORTS", mode: "AS_FACT", speaker: null });

  // A visitor: one origin, and the page says why.
  const visitor = await browser.newPage();
  await visitor.goto(`/claims/${claimSlug}`);
  await expect(visitor.getByRole("heading", { name: "2 sources, 1 independent origin" })).toBeVisible();
  await expect(visitor.getByRole("note")).toHaveText(
    "Velmora Wire Service and Upriver Daily published copies of one article: 2 sources counted as one origin.",
  );
  await expect(visitor.locator(".claim-status .status")).toHaveText("✓ Single source");
  await visitor.goto(`/sources/${copy.id}`);
  const copies = visitor.getByRole("region", { name: "Copies of this article" });
  // The copy adds a sentence of its own: 89% of its five-word runs are in the wire story.
  await expect(copies).toContainText("89% of this text also appears in Velmora grain terminal reopens (Velmora Wire Service).");
  await expect(copies.getByRole("button")).toHaveCount(0);

  // An analyst says they are not copies: each is its own origin again.
  await signIn(page, "ANALYST");
  await page.goto(`/sources/${copy.id}`);
  await page.getByRole("button", { name: "Not copies: count apart from “Velmora grain terminal reopens”" }).click();
  await expect(page.getByRole("region", { name: "Copies of this article" })).toHaveCount(0);
  await visitor.goto(`/claims/${claimSlug}`);
  await expect(visitor.getByRole("heading", { name: "2 sources, 2 independent origins" })).toBeVisible();
  await expect(visitor.locator(".claim-status .status")).toHaveText("✓✓ Corroborated");
  await expect(visitor.getByRole("note")).toHaveCount(0);
  await visitor.goto(`/sources/${wire.id}`);
  await expect(visitor.getByRole("region", { name: "Copies of this article" })).toHaveCount(0);
  await visitor.close();
});
