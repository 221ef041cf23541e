import { loadBank } from "@/lib/content/load.server";
import { expect, type Page, test } from "./fixtures";
import { playerReady, saved, signedInCandidate, startBaseline, withDb } from "./helpers";

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

  const timerBefore = await page.getByRole("timer").textContent();
  await page.reload();
  await playerReady(page);
  await expect(page.getByRole("group", { name: /Question 1 of 60/ })).toBeVisible();
  await expect(page.getByRole("radio").nth(1)).toBeChecked();
  await page.getByRole("button", { name: /^Question 3\b/ }).click();
  await expect(page.getByRole("radio").nth(0)).toBeChecked();
  expect(await page.getByRole("timer").textContent()).not.toBe("90:00");
  expect(timerBefore).toBeTruthy();

  await page.getByRole("button", { name: "End exam" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/57|unanswered/i);
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

test("no correct answer, rationale or explanation reaches the browser during an open attempt", async ({
  page,
}) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  const bodies: string[] = [await page.content()];
  page.on("response", async (response) => {
    if (response.url().startsWith("http://localhost"))
      bodies.push(await response.text().catch(() => ""));
  });
  await page.reload();
  await playerReady(page);
  await page.keyboard.press("1");
  await saved(page);
  const raw = await (await page.request.get(`/attempts/${attemptId}`)).text();
  bodies.push(raw);

  const bank = loadBank();
  const ids = await withDb(async (db) =>
    (await db.attemptQuestion.findMany({ where: { attemptId } })).map((q) => q.questionId),
  );
  const all = bodies.join("\n");
  for (const id of ids) {
    const q = bank.byId.get(id);
    if (!q) continue;
    expect(all).toContain(q.id);
    // The explanation's and rationales' distinctive text must not be present.
    const explanation = q.explanationHtml.replace(/<[^>]+>/g, "").slice(0, 60);
    expect(all).not.toContain(explanation);
    for (const o of q.options)
      if (o.rationaleHtml) expect(all).not.toContain(o.rationaleHtml.slice(0, 60));
  }
  expect(all).not.toMatch(/"correct(Keys)?":/);
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
