import { expect, type Page, test } from "./fixtures";

const password = "a sturdy passphrase 42";
const newEmail = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;

async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The form's own alert (Next.js also renders an empty route-announcer alert). */
const formAlert = (page: Page) => page.locator('form [role="alert"]');

async function signIn(page: Page, email: string, pass: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(pass);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page, name: string) {
  await page.getByRole("button", { name }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("sign up, sign out, sign in and see the dashboard", async ({ page }) => {
  const email = newEmail();
  await signUp(page, "Grace Hopper", email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Grace Hopper" })).toBeVisible();
  await expect(page.getByText("Certified Backstage Associate")).toBeVisible();

  await signOut(page, "Grace Hopper");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Grace Hopper" })).toBeVisible();
});

test("a wrong password shows an error that does not reveal whether the email exists", async ({
  page,
}) => {
  const email = newEmail();
  await signUp(page, "Alan Turing", email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page, "Alan Turing");

  await page.goto("/signin");
  await signIn(page, email, "not the right passphrase");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/signin/);

  await page.reload();
  await signIn(page, newEmail(), "not the right passphrase");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");
});

test("sign-up explains what is wrong and keeps the user on the form", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Short Pass");
  await page.getByLabel("Email").fill(newEmail());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/signup$/);
});

test("an anonymous visit to a protected page redirects to sign-in and comes back", async ({
  page,
}) => {
  const email = newEmail();
  await signUp(page, "Back Again", email);
  await signOut(page, "Back Again");

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("anonymous visitors can browse tracks", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Certified Backstage Associate/ }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Certified Backstage Associate" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /Official curriculum/ })).toBeVisible();
});

test("sign-in is rate-limited per email with a 429 and a clear message", async ({
  page,
  request,
}) => {
  const email = newEmail();
  const csrf = async () =>
    ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  for (let i = 0; i < 10; i++) {
    const res = await request.post("/api/auth/callback/credentials", {
      form: { email, password: "wrong passphrase here", csrfToken: await csrf(), json: "true" },
      headers: { "x-forwarded-for": `198.51.100.${i}` },
    });
    expect(res.status()).not.toBe(429);
  }
  const blocked = await request.post("/api/auth/callback/credentials", {
    form: { email, password: "wrong passphrase here", csrfToken: await csrf(), json: "true" },
    headers: { "x-forwarded-for": "198.51.100.99" },
  });
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);

  await page.goto("/signin");
  await signIn(page, email, "wrong passphrase here");
  await expect(formAlert(page)).toHaveText(
    "Too many sign-in attempts. Wait 15 minutes and try again.",
  );
});

test("every page is served with the security headers", async ({ request }) => {
  const res = await request.get("/");
  const headers = res.headers();
  expect(headers["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});
