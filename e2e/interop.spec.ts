import { readFileSync } from "node:fs";
import { resolve } from "node:path";
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

// The example marks a number claim and relates two claims, analysts' work through every door.
test("an analyst uploads an import file, watches its progress, reads the report and finds the new claim", async ({ page }) => {
  await signIn(page, "ANALYST");
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import");
  const example = readFileSync(resolve(import.meta.dirname, "../docs/examples/import-example.json"));

  // A bad copy first: nothing is written, and the report says which record and why.
  const broken = JSON.parse(example.toString());
  broken.stances[0].quote = "about 12,000 soldiers had arrived";
  await page.getByLabel(/^File/).setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByRole("region", { name: /Imported|Nothing was written/ });
  await expect(report.getByRole("heading")).toHaveText("Nothing was written");
  await expect(report.getByRole("row", { name: /stances\[0\]/ })).toContainText("This quote is not in the source text");
  expect(await e2eDb().claim.count({ where: { slug: "example-about-11000-arrived" } })).toBe(0);

  // A 50 MB file is refused before it is read.
  const origin = new URL(page.url()).origin;
  const huge = await page.request.post("/api/import", {
    headers: { origin },
    multipart: { file: { name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(50 * 1024 * 1024, 32) } },
  });
  expect(huge.status()).toBe(400);
  expect((await huge.json()).error.message).toContain("too large");
  expect(await e2eDb().claim.count({ where: { slug: "example-about-11000-arrived" } })).toBe(0);

  await page.getByLabel(/^File/).setInputFiles({ name: "import-example.json", mimeType: "application/json", buffer: example });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(report.getByRole("heading")).toHaveText("Imported");
  await expect(page.getByRole("progressbar", { name: "Records written" })).toHaveAttribute("value", "8");
  await expect(page.getByText("8 of 8 records")).toBeVisible();
  await expect(report.getByRole("status")).toHaveText("8 created, 0 updated, 0 unchanged, 0 rejected.");
  // The import ran as a job, kept in the address: a reload shows its report again.
  await expect(page).toHaveURL(/\/import\?job=[0-9a-f-]{36}$/);
  await page.reload();
  await expect(report.getByRole("status")).toHaveText("8 created, 0 updated, 0 unchanged, 0 rejected.");
  await report.getByRole("link", { name: "example-about-11000-arrived" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About 11,000 soldiers arrived (example).");
  await expect(page.getByRole("region", { name: "The sources side by side" })).toContainText("about 11,000 soldiers had arrived");

  // The same file again creates nothing.
  await page.goto("/import");
  await page.getByLabel(/^File/).setInputFiles({ name: "import-example.json", mimeType: "application/json", buffer: example });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(report.getByRole("status")).toHaveText("0 created, 0 updated, 8 unchanged, 0 rejected.");
});

test("an import posted from another site, or by a reader, is refused", async ({ page, request }) => {
  const foreign = await request.post("/api/import", {
    headers: { origin: "https://elsewhere.example" },
    multipart: { file: { name: "x.json", mimeType: "application/json", buffer: Buffer.from("{}") } },
  });
  expect(foreign.status()).toBe(403);
  await signIn(page, "READER");
  await page.goto("/import");
  await expect(page.getByRole("alert").filter({ hasText: "Only" })).toContainText("Only a researcher or above can import data");
  const origin = new URL(page.url()).origin;
  const asReader = await page.request.post("/api/import", {
    headers: { origin },
    multipart: { file: { name: "x.json", mimeType: "application/json", buffer: Buffer.from("{}") } },
  });
  expect(asReader.status()).toBe(403);
});
