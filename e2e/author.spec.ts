import { createDb } from "@/lib/prisma.server";
import { createUser } from "@/lib/users.server";
import { expect, test } from "./fixtures";

const password = "an author passphrase 7";

async function userWithRole(role: "author" | "learner") {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  const db = createDb(url);
  try {
    const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
    await createUser(db, { name: `E2E ${role}`, email, password }, role);
    return email;
  } finally {
    await db.$disconnect();
  }
}

test("an author finds a question and previews it as candidates see it, then with its answer", async ({
  page,
}) => {
  const email = await userWithRole("author");
  await page.goto("/author");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fauthor$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Question bank" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Certified Backstage Associate/ })).toContainText(
    "distinct full mocks",
  );

  await page.getByLabel("Id, text or tag").fill("cba-catalog-001");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("1 matching question")).toBeVisible();
  await page.getByRole("link", { name: "cba-catalog-001" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "cba-catalog-001" })).toBeVisible();
  const candidate = page.getByRole("region", { name: "As candidates see it" });
  await expect(candidate.getByRole("radio")).toHaveCount(4);
  await expect(page.getByText("Correct", { exact: true })).toBeHidden();

  await page.getByText("Answer, rationales and explanation").click();
  await expect(page.getByText("Correct", { exact: true })).toHaveCount(1);
  await expect(page.getByText("Wrong", { exact: true })).toHaveCount(3);
  await expect(page.getByRole("heading", { name: "Explanation" })).toBeVisible();
  await expect(
    page.getByRole("link", { name: /^https:\/\/backstage\.io\// }).first(),
  ).toBeVisible();
});

test("a learner is refused the author area", async ({ page }) => {
  const email = await userWithRole("learner");
  await page.goto("/signin?callbackUrl=%2Fauthor");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(
    page.getByRole("heading", { name: "You do not have access to this page" }),
  ).toBeVisible();
});
