import { expect, type Page, test } from "./fixtures";

const password = "a sturdy passphrase 42";
const newEmail = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;

/** Sign-up ends on the sign-in page (the same answer whether or not the email was taken). */
async function signUp(page: Page, name: string, email: string, pass = password) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(pass);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/signin\?registered=1/);
  await expect(page.getByText("Your account is ready.")).toBeVisible();
}

async function signUpAndIn(page: Page, name: string, email: string) {
  await signUp(page, name, email);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
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
  await signUpAndIn(page, "Grace Hopper", email);
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
  await signUpAndIn(page, "Alan Turing", email);
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
  await signUpAndIn(page, "Back Again", email);
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

test("ten wrong passwords block that account from this address, whatever X-Forwarded-For says", async ({
  page,
}) => {
  const email = newEmail();
  await signUp(page, "Rate Limited", email);
  for (let i = 0; i < 10; i++) {
    // A spoofed header per try: the server must not believe it.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i}` });
    await page.goto("/signin");
    await signIn(page, email, "wrong passphrase here");
    await expect(formAlert(page)).toHaveText("Wrong email or password.");
  }
  await page.goto("/signin");
  await signIn(page, email, password);
  await expect(formAlert(page)).toHaveText(/Too many sign-in attempts\. Wait \d+ minutes/);
  await expect(page).toHaveURL(/\/signin/);
});

test("requests without a password never count: the owner is not locked out by them", async ({
  page,
}) => {
  const email = newEmail();
  await signUp(page, "Not Locked", email);
  for (let i = 0; i < 15; i++) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Enter your email and password.");
  }
  await page.goto("/signin");
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("sign-up answers the same for a taken email, and a weak password is refused", async ({
  page,
}) => {
  const email = newEmail();
  await signUp(page, "First Owner", email);
  // The same email again, another password: the same answer, and no access.
  await signUp(page, "Someone Else", email, "another sturdy passphrase 7");
  await signIn(page, email, "another sturdy passphrase 7");
  await expect(formAlert(page)).toHaveText("Wrong email or password.");

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Weak Choice");
  await page.getByLabel("Email").fill(newEmail());
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/too easy to guess/)).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
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
