import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Every main page under the Content-Security-Policy: no violation reported, and the page still
// works (its client controls come alive, which needs its scripts to have run).
const PAGES = [
  "/",
  "/claims",
  "/claims/dprk-troops-number-about-10000",
  "/sources",
  "/sources/npr-new-era-two-continents",
  "/actors",
  "/outlets",
  "/about/statuses",
  "/topics/troop-deployment/matrix",
  "/api-docs",
  "/sign-in",
];
const SIGNED_IN = ["/sources/new", "/sources/npr-new-era-two-continents", "/claims/dprk-troops-number-about-10000/review", "/review", "/import", "/settings"];

/** Collects what the browser reports against the policy, from before the page's first script. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  return violations;
}

test("main pages load under their policy with no violation, as a visitor", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const path of PAGES) {
    const response = await page.goto(path);
    const policy = response!.headers()["content-security-policy"]!;
    // A reader page reaches a visitor as plain HTML, with only the site's own script files (decision 0020).
    const reader = !["/api-docs", "/sign-in"].includes(path);
    expect(policy, path).toMatch(reader ? /script-src 'self';/ : /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // Scripts ran: the sign-in form's button is enabled once React has taken over.
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(violations).toEqual([]);
});

test("signed-in pages load under the policy with no violation, and their forms work", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, "ANALYST");
  for (const path of SIGNED_IN) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/sources/npr-new-era-two-continents");
  await expect(page.getByRole("button", { name: "Tag a passage" })).toBeEnabled();
  expect(violations).toEqual([]);
});

test("every response carries the security headers, and no page can be framed", async ({ page, request }) => {
  for (const path of ["/", "/claims/dprk-troops-number-about-10000/review", "/api/claims?limit=1"]) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // Served over plain http here: HSTS only goes out over https.
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  expect((await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"]).toContain("max-age=");

  // A page of another site that frames the merge form: the browser refuses to show it.
  await page.route("http://evil.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<iframe id="f" src="${test.info().project.use.baseURL}/claims/dprk-troops-number-about-10000"></iframe>`,
    }),
  );
  await page.goto("http://evil.example/");
  // Chromium puts its own error page in a frame it refused to show.
  await expect.poll(() => page.frames().map((f) => f.url())).toContain("chrome-error://chromewebdata/");
  await expect(page.frameLocator("#f").getByRole("heading", { level: 1 })).toHaveCount(0);
});

test("a server action posted from another site's origin is refused 403 before it runs", async ({ page, request }) => {
  await page.goto("/sign-in");
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  const actionId = (await sent).headers()["next-action"]!;
  const foreign = await request.post("/sign-in", {
    headers: { "next-action": actionId, origin: "http://evil.example", accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("only be sent from this site");
});
