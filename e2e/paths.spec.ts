import { expect, test } from "./fixtures";

test("the AWS path page lists the three exams in order with their facts and exam technique", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "The path, step by step" }).click();
  await expect(page).toHaveURL(/\/paths\/aws$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "AWS certification path" }),
  ).toBeVisible();

  const steps = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Step 1 · CLF-C02");
  await expect(steps.nth(0)).toContainText("65 (50 scored + 15 unscored)");
  await expect(steps.nth(0)).toContainText("700 / 1000");
  await expect(steps.nth(1)).toContainText("Step 2 · SAA-C03");
  await expect(steps.nth(1)).toContainText("130 minutes");
  await expect(steps.nth(2)).toContainText("Step 3 · SAP-C02");
  await expect(steps.nth(2)).toContainText("750 / 1000");
  await expect(steps.nth(2)).toContainText("Accelerate Workload Migration and Modernization · 20%");

  await expect(page.getByRole("heading", { name: "Exam technique" })).toBeVisible();
  await expect(page.getByText(/least operational overhead/i).first()).toBeVisible();
});

test("an unknown path is a friendly 404", async ({ page }) => {
  const response = await page.goto("/paths/nope");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
