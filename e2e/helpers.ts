import { expect, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { createDb, type Db } from "../lib/database/create-client";
import { DEMO_USERS } from "../lib/seed/demo-users";
import type { Role } from "../lib/roles";
import { createSource } from "../lib/sources/write-source";
import { createStance } from "../lib/stances/write-stance";

/** The database the e2e server runs on (playwright.config.ts), read directly to check what was stored. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

let client: Db | undefined;
export const e2eDb = (): Db => (client ??= createDb(E2E_DATABASE_URL));

/** Signs in as the demo account with this role, through the sign-in form. */
export async function signIn(page: Page, role: Role) {
  const user = DEMO_USERS.find((u) => u.role === role)!;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return user;
}

/**
 * Selects `phrase` in the source text as a user would with the mouse: a DOM selection
 * across the rendered pieces (highlights included), then the mouse button released.
 */
export async function selectPhrase(page: Page, phrase: string) {
  // The panel listens for selections once the page is live; the button is enabled then too.
  await expect(page.getByRole("button", { name: "Tag a passage" })).toBeEnabled();
  await page.locator(".source-text").evaluate((container, wanted) => {
    const pieces = [...container.querySelectorAll<HTMLElement>("[data-start]")];
    const text = pieces.map((p) => p.textContent ?? "").join("");
    const at = text.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not on the page`);
    const point = (offset: number): [Node, number] => {
      for (const piece of pieces) {
        const start = Number(piece.dataset.start);
        const length = piece.textContent?.length ?? 0;
        if (offset <= start + length) return [piece.firstChild!, offset - start];
      }
      throw new Error("offset past the end");
    };
    const range = document.createRange();
    range.setStart(...point(at));
    range.setEnd(...point(at + wanted.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, phrase);
}

/** Fills the tagging panel: an existing claim found by search (or a new one), a position, a speaker. */
export async function linkSelection(
  page: Page,
  {
    claim,
    newClaim,
    position,
    speaker,
    newSpeaker,
  }: { claim?: string; newClaim?: string; position: string; speaker?: string; newSpeaker?: { name: string; kind: string } },
) {
  const panel = page.getByRole("region", { name: "Link a passage to a claim" });
  if (claim) {
    await panel.getByLabel("Find a claim").fill(claim);
    await panel.getByRole("radio", { name: claim }).check();
  }
  if (newClaim) {
    await panel.getByRole("radio", { name: "A new claim" }).check();
    await panel.getByLabel("The new claim, as one checkable sentence").fill(newClaim);
  }
  await panel.getByRole("radio", { name: `${position} the claim` }).check();
  if (speaker) await panel.getByLabel("Who says it").selectOption({ label: speaker });
  if (newSpeaker) {
    await panel.getByLabel("Who says it").selectOption({ label: "A new speaker…" });
    await panel.getByLabel("Speaker's name").fill(newSpeaker.name);
    await panel.getByLabel("Kind of speaker").selectOption({ label: newSpeaker.kind });
  }
  await panel.getByRole("button", { name: "Save the stance" }).click();
  return panel;
}

/**
 * A claim of the test's own, with one supporting stance from a new source, written through
 * lib/ as the demo researcher: tests that change a claim leave the seed claims alone.
 */
export async function claimFixture({ outlet, text, quote, claim }: { outlet: string; text: string; quote: string; claim: string }) {
  const db = e2eDb();
  const owner = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.com" } });
  const user = { id: owner.id, name: owner.name, email: owner.email, role: "RESEARCHER" as const };
  const source = await createSource(db, user, {
    title: `${outlet} fixture`,
    outlet: { new: { name: outlet, kind: "MAGAZINE" } },
    kind: "ANALYSIS",
    language: "en",
    text,
  });
  const topic = await fixtureTopic();
  const { claimSlug } = await createStance(db, user, {
    sourceId: source.id,
    quote,
    claim: { new: { text: claim, topic: topic.id } },
    position: "SUPPORTS",
    mode: "AS_FACT",
    speaker: null,
  });
  return { sourceId: source.id, claimSlug };
}

/**
 * The tests' own topic: lists of the seed topics stay as the seed makes them while tests run side
 * by side. Two workers may make it at once: the loser of that race reads the winner's.
 */
export async function fixtureTopic() {
  const db = e2eDb();
  const where = { slug: "e2e-fixtures" };
  return db.topic.upsert({ where, create: { ...where, name: "Test fixtures" }, update: {} }).catch(() => db.topic.findUniqueOrThrow({ where }));
}

/** The server action's id, read off the request a form sends when `submit` submits it. */
export async function actionIdOf(page: Page, submit: () => Promise<void>): Promise<string> {
  const request = page.waitForRequest((r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await submit();
  return (await request).headers()["next-action"]!;
}

/** Posts to a server action directly, as a script would, around the page's form: its answer. */
export function postAction(request: APIRequestContext, path: string, actionId: string, input: unknown) {
  return request.post(path, {
    headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([input]),
  });
}
