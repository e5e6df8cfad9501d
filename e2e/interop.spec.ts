import { expect, test } from "@playwright/test";
import { e2eDb, signIn } from "./helpers";

test("a researcher makes an API token, writes with it, revokes it, and is refused after", async ({ page }) => {
  await signIn(page, "RESEARCHER");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("What the token is for").fill("e2e script");
  await page.getByRole("button", { name: "Make a token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^cor_[\w-]{43}$/);
  // Shown once: after a reload only its first characters remain.
  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.getByRole("row", { name: /e2e script/ })).toContainText(token.slice(0, 10));
  expect(await e2eDb().apiToken.count({ where: { tokenHash: token } })).toBe(0);

  const post = () =>
    page.request.post("/api/claims", {
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      data: { text: `Written through the API by a token (${Date.now()}).`, topic: "e2e-api" },
    });
  const unknownTopic = await post();
  expect(unknownTopic.status()).toBe(422);
  expect((await unknownTopic.json()).error.field).toBe("topic");
  await e2eDb().topic.upsert({ where: { slug: "e2e-api" }, create: { slug: "e2e-api", name: "API test claims" }, update: {} });
  const created = await post();
  expect(created.status()).toBe(201);
  const { slug } = await created.json();
  await page.goto(`/claims/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Written through the API");

  await page.goto("/settings");
  await page.getByRole("button", { name: "Revoke the token e2e script" }).click();
  await expect(page.getByRole("row", { name: /e2e script/ })).toContainText("Revoked");
  const refused = await post();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toBe("This API token was revoked.");
});

test("the API page lists every write with its fields, and the OpenAPI document is served", async ({ page }) => {
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API");
  const stances = page.getByRole("region", { name: "/api/stances", exact: true });
  await expect(stances).toContainText("POST Link a passage (verbatim in the source) to a claim (token needed)");
  await expect(stances).toContainText("position required — one of SUPPORTS, DISPUTES, QUALIFIES");
  const doc = await (await page.request.get("/api/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
});
