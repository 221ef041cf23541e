import { type Browser, expect as baseExpect } from "@playwright/test";
import { loadBank } from "@/lib/content/load.server";
import { startMock, submitAttempt } from "@/lib/exam/attempts.server";
import { createUser } from "@/lib/users.server";
import { expect, type Page, test } from "./fixtures";
import { withDb } from "./helpers";

const password = "a reporting passphrase 5";

async function newUser(role: "learner" | "author") {
  const email = `report-${role}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  const user = await withDb((db) => createUser(db, { name: `E2E ${role}`, email, password }, role));
  return { ...user, email };
}

async function signIn(page: Page, email: string, landing: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${landing.replace(/[?]/g, "\\?")}$`));
}

async function signedInPage(browser: Browser, email: string, landing: string) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.19.${Math.floor(Math.random() * 250)}.7` },
  });
  const page = await context.newPage();
  await signIn(page, email, landing);
  return page;
}

test("a learner reports a question from the review page; an author declines it with a note the learner then reads", async ({
  page,
  browser,
}) => {
  // Two users, two sign-ins (bcrypt) and a statistics computation: more than the default budget.
  test.slow();
  const learner = await newUser("learner");
  const author = await newUser("author");
  // A short closed mock to review, taken through the real repository.
  const bank = loadBank();
  const track = bank.tracks.get("cba");
  if (!track) throw new Error("no cba track");
  const attemptId = await withDb(async (db) => {
    const { attemptId } = await startMock(db, {
      userId: learner.id,
      track,
      bank,
      count: 3,
    });
    await submitAttempt(db, learner.id, attemptId, bank);
    return attemptId;
  });

  await signIn(page, learner.email, `/attempts/${attemptId}/review`);
  const first = page.getByRole("listitem").filter({ has: page.getByText("Question 1") });
  await first.getByText("Report a problem with this question").click();
  await first.getByLabel("Wrong answer key").check();
  await first.getByLabel("Comment (optional)").fill("I think the key should be another option.");
  await first.getByRole("button", { name: "Send report" }).click();
  await expect(first.getByRole("status")).toContainText("Thank you");
  const questionId = await withDb(async (db) => {
    const report = await db.questionReport.findFirstOrThrow({ where: { userId: learner.id } });
    return report.questionId;
  });

  // The learner is kept out of the author area.
  await page.goto("/author/reports");
  await expect(page).toHaveURL(/\/forbidden$/);

  const authorPage = await signedInPage(browser, author.email, "/author/reports?track=cba");
  await expect(
    authorPage.getByRole("heading", { name: "Item analysis and reports" }),
  ).toBeVisible();
  const row = authorPage
    .getByTestId("report-queue")
    .getByRole("row")
    .filter({ hasText: questionId });
  await baseExpect(row).toContainText("Wrong answer key: 1");
  await row.getByRole("link", { name: questionId }).click();
  await expect(authorPage.getByRole("heading", { level: 1, name: questionId })).toBeVisible();
  await expect(authorPage.getByTestId("item-stats")).toContainText("Responses (n)");
  await expect(
    authorPage.getByRole("img", { name: /Share of responses choosing each option/ }),
  ).toBeVisible();
  await expect(authorPage.getByTestId("content-path")).toHaveText(/^content\/cba\//);
  const report = authorPage.getByTestId("author-report").filter({
    hasText: "I think the key should be another option.",
  });
  await report.getByLabel("Note to the reporter").fill("The key is right: see the catalog docs.");
  await report.getByRole("button", { name: "Decline" }).click();
  await expect(authorPage.getByRole("status")).toHaveText("Report declined.");
  await expect(
    authorPage.getByTestId("author-report").filter({ hasText: "Declined: The key is right" }),
  ).toBeVisible();

  await page.goto("/reports");
  await expect(page.getByTestId("report-status")).toHaveText(
    "Declined: The key is right: see the catalog docs.",
  );
});
