import { expect, test } from "@playwright/test";
import { e2eDb, signIn } from "./helpers";

test("someone signs up as a reader, an admin makes them a researcher, and they sign out", async ({ page, browser }) => {
  const email = `new-${Date.now()}@example.org`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Nora Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toHaveText("must be at least 10 characters");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Nora Newcomer (Reader)")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a source" })).toHaveCount(0);
  expect((await e2eDb().user.findUniqueOrThrow({ where: { email } })).role).toBe("READER");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "ADMIN");
  await admin.getByRole("link", { name: "Users" }).click();
  const row = admin.getByRole("row").filter({ hasText: email });
  await row.getByLabel(`Role of ${email}`).selectOption({ label: "Researcher" });
  await row.getByRole("button", { name: "Change" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");

  await page.reload();
  await expect(page.getByText("Nora Newcomer (Researcher)")).toBeVisible();
  await page.getByRole("link", { name: "Add a source" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a source");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/sources/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});

test("a wrong password, or an email already taken, is said plainly", async ({ page }) => {
  // A reader page first: its route handler reads the session, and so may be what makes the
  // server's one better-auth instance, whose refusals the sign-in form must still recognise.
  await page.goto("/claims");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("researcher@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("researcher@example.com");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Second Researcher");
  await page.getByLabel("Email").fill("researcher@example.com");
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // The answer does not say whether the address has an account (decision 0013).
  await expect(page.getByRole("alert").filter({ hasText: "No account was made" })).toHaveText(
    "No account was made with these details. If you already have an account, sign in instead.",
  );
  expect(await e2eDb().user.count({ where: { email: "researcher@example.com" } })).toBe(1);

  // better-auth's own sign-in and sign-up endpoints are shut: the forms, with their throttle, are the only way in.
  const headers = { origin: new URL(page.url()).origin };
  expect(
    (await page.request.post("/api/auth/sign-in/email", { headers, data: { email: "researcher@example.com", password: "researcher-demo-password" } })).status(),
  ).toBe(404);
  expect(
    (await page.request.post("/api/auth/sign-up/email", { headers, data: { email: "x@example.org", password: "long-enough-password", name: "X" } })).status(),
  ).toBe(404);
});

test("a stranger's wrong passwords slow the stranger down, not the owner in their own browser", async ({ browser }) => {
  const email = `owner-${Date.now()}@example.org`;
  const password = "the-owners-long-password";
  const owner = await (await browser.newContext()).newPage();
  await owner.goto("/sign-up");
  await owner.getByLabel("Name").fill("Owner Of Account");
  await owner.getByLabel("Email").fill(email);
  await owner.getByLabel("Password").fill(password);
  await owner.getByRole("button", { name: "Create account" }).click();
  await expect(owner.getByRole("button", { name: "Sign out" })).toBeVisible();
  const signInAs = async (page: typeof owner, secret: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(secret);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  // Signing in through the form makes this browser known to the account.
  await owner.getByRole("button", { name: "Sign out" }).click();
  await signInAs(owner, password);
  await expect(owner.getByRole("button", { name: "Sign out" })).toBeVisible();
  await owner.getByRole("button", { name: "Sign out" }).click();

  const stranger = await (await browser.newContext()).newPage();
  // Each guess past the fourth waits twice as long as the one before: keep guessing until told to wait.
  const alert = stranger.getByRole("alert").filter({ hasText: /Wrong|Too many/ });
  let throttled = false;
  for (let i = 0; i < 10 && !throttled; i += 1) {
    await signInAs(stranger, `guess-number-${i}-wrong`);
    throttled = /Too many/.test((await alert.textContent()) ?? "");
  }
  await expect(alert).toContainText("Too many failed sign-ins from this browser. Try again in");

  await signInAs(owner, password);
  await expect(owner.getByRole("button", { name: "Sign out" })).toBeVisible();
  const audit = await e2eDb().auditEvent.findMany({ where: { email }, select: { kind: true } });
  expect(audit.filter((e) => e.kind === "SIGN_IN_FAILED").length).toBeGreaterThanOrEqual(4);
  expect(audit.filter((e) => e.kind === "SIGN_IN_THROTTLED")).toHaveLength(1);
  expect(audit.filter((e) => e.kind === "SIGN_IN")).toHaveLength(2);
});

test("a non-admin cannot open the users page or change a role", async ({ page }) => {
  await signIn(page, "ANALYST");
  await page.goto("/admin/users");
  await expect(page.getByRole("alert").filter({ hasText: "Only an admin" })).toContainText(
    "Only an admin or above can manage users. You are signed in as analyst@example.com, an analyst.",
  );
});

test("an admin reads the security audit log; an analyst may not", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "ADMIN");
  await admin.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Security audit log");
  const mine = admin.getByRole("row").filter({ hasText: "admin@example.com" }).filter({ hasText: "Signed in" });
  await expect(mine.first()).toBeVisible();
  await admin.goto("/admin/audit?before=nonsense");
  await expect(admin.getByRole("alert").filter({ hasText: "That page" })).toContainText("That page of the log does not exist. Show the newest events.");

  const analyst = await (await browser.newContext()).newPage();
  await signIn(analyst, "ANALYST");
  await analyst.goto("/admin/audit");
  await expect(analyst.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  await expect(analyst.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expect(analyst.getByRole("row").filter({ hasText: "Signed in" })).toHaveCount(0);
});
