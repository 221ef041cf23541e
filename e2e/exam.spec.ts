import { expect, type Page, test } from "./fixtures";
import { playerReady, saved, signedInCandidate, startBaseline, withDb } from "./helpers";

/** Seconds shown by the timer (`mm:ss` or `h:mm:ss`); fails on anything else. */
function seconds(text: string | null): number {
  const parts = (text ?? "").trim().split(":").map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((n) => !Number.isInteger(n))) {
    throw new Error(`not a timer reading: ${text}`);
  }
  return parts.reduce((total, n) => total * 60 + n, 0);
}

test("a mock driven by the keyboard: answer, flag, navigate, reload and resume, submit, review", async ({
  page,
}) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  await expect(page.getByRole("timer")).toBeVisible();

  await page.keyboard.press("2"); // second option of question 1
  await page.keyboard.press("n");
  await page.keyboard.press("b"); // second option of question 2
  await page.keyboard.press("f"); // flag question 2
  await expect(page.getByRole("button", { name: "Flag for review" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("1");
  await page.keyboard.press("p");
  await expect(page.getByRole("group", { name: /Question 2 of 60/ })).toBeVisible();
  await saved(page);

  const timerBefore = seconds(await page.getByRole("timer").textContent());
  await page.reload();
  await playerReady(page);
  // A reload comes back to the question the candidate was on (issue 15).
  await expect(page.getByRole("group", { name: /Question 2 of 60/ })).toBeVisible();
  await expect(page.getByRole("radio").nth(1)).toBeChecked();
  await page.getByRole("button", { name: /^Question 3\b/ }).click();
  await expect(page.getByRole("radio").nth(0)).toBeChecked();
  // The timer resumes from the server's deadline: a little under 90 minutes, never reset.
  const timerAfter = seconds(await page.getByRole("timer").textContent());
  expect(timerBefore).toBeGreaterThan(85 * 60);
  expect(timerBefore).toBeLessThanOrEqual(90 * 60);
  expect(timerAfter).toBeLessThanOrEqual(timerBefore);
  expect(timerAfter).toBeGreaterThan(timerBefore - 120);

  await page.getByRole("button", { name: "End exam" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  // Questions 1, 2 and 3 were answered: the other 57 are listed as unanswered.
  await expect(dialog.getByRole("heading", { name: "Unanswered (57)" })).toBeVisible();
  // Question 2 is flagged, so it is listed once (under flagged); 1 and 3 not at all.
  for (const [position, listed] of [
    [1, 0],
    [2, 1],
    [3, 0],
    [4, 1],
  ] as const) {
    await expect(
      dialog.getByRole("button", { name: `Go to question ${position}`, exact: true }),
    ).toHaveCount(listed);
  }
  await dialog.getByRole("button", { name: "Submit exam" }).click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`));
  await expect(page.getByTestId("score-percent")).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  await expect(page.getByText("Showing 60 of 60.")).toBeVisible();
  await page.getByRole("link", { name: "Flagged" }).click();
  await expect(page.getByText("Showing 1 of 60.")).toBeVisible();

  // The attempt is read-only now: the player sends the candidate to the review.
  await page.goto(`/attempts/${attemptId}`);
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`));
});

test("answers given offline are saved when the connection returns", async ({ page, context }) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  await context.setOffline(true);
  await page.keyboard.press("3");
  await page.keyboard.press("n");
  await page.keyboard.press("4");
  await expect(page.getByTestId("save-status")).toHaveText(/offline/i, { timeout: 15_000 });
  await context.setOffline(false);
  await saved(page);
  const events = await withDb((db) =>
    db.answerEvent.findMany({ where: { attemptId, kind: "answer" } }),
  );
  expect(events).toHaveLength(2);
});

test("a short test blueprint: the timer runs out and the exam submits itself", async ({ page }) => {
  test.setTimeout(90_000);
  // e2e/content/e2e-short: three questions, about 20 seconds.
  await signedInCandidate(page, "/tracks/e2e-short");
  const attemptId = await startBaseline(page);
  await page.keyboard.press("1");
  await saved(page);
  await expect(page.getByRole("timer")).toHaveText(/00:0\d/, { timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`), { timeout: 45_000 });
  await expect(page.getByText(/Time ran out/)).toBeVisible();
  await expect(page.getByText(/[01] of 3 correct \(1 answered\)/)).toBeVisible();
  const attempt = await withDb((db) => db.attempt.findUnique({ where: { id: attemptId } }));
  expect(attempt?.status).toBe("expired");
  expect(attempt?.submittedAt?.getTime()).toBe(attempt?.deadline?.getTime());
});

test("a full mock driven by the keyboard only", async ({ page }) => {
  test.setTimeout(120_000);
  await signedInCandidate(page);
  await startBaseline(page);
  for (let position = 1; position <= 60; position++) {
    await expect(page.getByRole("group", { name: `Question ${position} of 60` })).toBeVisible();
    await page.keyboard.press(String((position % 4) + 1));
    if (position < 60) await page.keyboard.press("n");
  }
  await saved(page);
  // Tab to "End exam", open the dialog with Enter, Tab to "Submit exam", confirm with Enter.
  await tabTo(page, "End exam");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toContainText("You have answered 60 of 60 questions.");
  await tabTo(page, "Submit exam");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/review$/, { timeout: 20_000 });
  await expect(page.getByText(/of 60 correct \(60 answered\)/)).toBeVisible();
});

/** Presses Tab until the focused element's text is `name` (at most 80 presses). */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (text === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test("another user's attempt is a 404", async ({ page, browser }) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  const other = await browser.newPage();
  await signedInCandidate(other);
  const response = await other.goto(`/attempts/${attemptId}`);
  expect(response?.status()).toBe(404);
  const api = await other.request.post(`/api/attempts/${attemptId}/submit`);
  expect(api.status()).toBe(404);
  const bad = await other.request.post(`/api/attempts/${attemptId}/events`, {
    data: { events: "nope" },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/^Invalid request/);
  await other.close();
});
