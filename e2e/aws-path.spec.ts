import { createDb } from "@/lib/prisma.server";
import { createUser } from "@/lib/users.server";
import { expect, test } from "./fixtures";

test("a candidate follows the AWS path: CLF-C02 mock, estimated scaled score by domain, progress on the path", async ({
  page,
}) => {
  const email = `path-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  const password = "a cloud practitioner passphrase";
  const db = createDb(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "");
  await createUser(db, { name: "Path Walker", email, password });
  await db.$disconnect();

  await page.goto("/signin?callbackUrl=%2Fpaths%2Faws");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/paths\/aws$/);
  const steps = page.getByTestId("step-progress");
  await expect(steps.first()).toContainText("No mock taken yet.");
  await expect(steps.first()).toContainText("Your next step: take a baseline mock here.");
  // The next step is a link to the track, where the baseline starts.
  await expect(
    steps.first().getByRole("link", { name: "take a baseline mock here" }),
  ).toHaveAttribute("href", "/tracks/aws-clf-c02");

  await page.getByRole("link", { name: "AWS Certified Cloud Practitioner" }).click();
  await page.getByRole("button", { name: "Start your baseline mock" }).click();
  await expect(page.getByTestId("exam-player")).toHaveAttribute("data-ready", "true");
  await expect(page.getByRole("group", { name: /Question 1 of 65/ })).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("1");
    await page.keyboard.press("n");
  }
  await expect(page.getByTestId("save-status")).toHaveText(/All answers saved/, {
    timeout: 15_000,
  });
  await page.getByRole("button", { name: "End exam" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit exam" }).click();

  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId("scaled-estimate")).toContainText(
    /Estimated scaled score: \d+ \(estimate\)/,
  );
  const byDomain = page.getByRole("table", { name: "By domain" });
  for (const domain of [
    "Cloud Concepts",
    "Security and Compliance",
    "Cloud Technology and Services",
    "Billing, Pricing, and Support",
  ]) {
    await expect(byDomain.getByRole("rowheader", { name: domain })).toBeVisible();
  }
  const percent = (await page.getByTestId("score-percent").textContent())?.match(/^([\d.]+)%/)?.[1];

  await page.goto("/paths/aws");
  await expect(steps.first()).toContainText(`Your mocks: 1. Latest ${percent}% (estimated`);
  // Readiness from fresh answers: a probability with its interval, and what is missing.
  await expect(steps.first()).toContainText(
    /Pass probability \d+% · expected \d+% \(80% interval \d+–\d+%\)\. Not ready yet: needs /,
  );
  await expect(steps.first()).toContainText(/more fresh questions \(\d+ of 60 so far\)/);
  await expect(steps.first()).toContainText(
    "Your next step: retake a mock here until you are ready.",
  );
});
