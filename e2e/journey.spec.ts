import { loadBank } from "@/lib/content/load.server";
import { expect, type Page, test } from "./fixtures";
import { playerReady, signedInCandidate, startBaseline, withDb } from "./helpers";

/** Issue 15's player and review bugs, each reproduced as a candidate meets it. */

const bank = loadBank();

async function positionsOf(attemptId: string) {
  return withDb(async (db) =>
    (await db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } })).map(
      (q) => ({ position: q.position, question: bank.byId.get(q.questionId) }),
    ),
  );
}

async function startPractice(page: Page, track: string, domain: string, count: number) {
  await signedInCandidate(page, `/tracks/${track}/practice?domain=${domain}`);
  await page.getByLabel("Number of questions").fill(String(count));
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await playerReady(page);
  return page.url().split("/").pop() ?? "";
}

const VERDICT = /^(Correct\.|Not quite: see the correct answer below\.)$/;

test("practice: the verdict leaves with its question, and Enter after a click on Next checks this question", async ({
  page,
}) => {
  await startPractice(page, "cba", "catalog", 5);
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(page.getByText(VERDICT)).toHaveCount(1);

  // Bug 3: the next, unchecked question shows no verdict.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: /Question 2 of 5/ })).toBeVisible();
  await expect(page.getByTestId("feedback")).toHaveCount(0);
  // At once, not after the announcement's 10 s (a retrying assertion would wait that out).
  expect(await page.getByText(VERDICT).count()).toBe(0);

  // Bug 4: focus left the Next button, so Enter checks question 2 instead of skipping to 3.
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(page.getByRole("group", { name: /Question 2 of 5/ })).toBeVisible();
});

test("practice: a 'Choose 2' question stops at two and says why", async ({ page }) => {
  const attemptId = await startPractice(page, "aws-clf-c02", "billing-pricing-support", 21);
  const multiple = (await positionsOf(attemptId)).find(
    (q) => q.question?.type === "multiple" && q.question.chooseCount === 2,
  );
  if (!multiple) throw new Error("no 'Choose 2' question in the session");
  await page.getByRole("button", { name: new RegExp(`^Question ${multiple.position}\\b`) }).click();
  await expect(page.getByText("Choose 2.")).toBeVisible();
  const boxes = page.getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await boxes.nth(2).click();
  await expect(boxes.nth(2)).not.toBeChecked();
  await expect(page.getByText(/needs only 2 answers/)).toBeVisible();
  // Clearing one frees a place.
  await boxes.nth(0).uncheck();
  await boxes.nth(2).check();
  await expect(boxes.nth(2)).toBeChecked();
});

test("the review fits a 390 px phone, long code and all", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  await page.getByRole("button", { name: "End exam" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit exam" }).click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`));
  await expect(page.getByText("Correct answer").first()).toBeAttached();
  // The innermost elements that stick out past the right edge, named so a failure says which.
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      // Code blocks and tables scroll inside their own box: that is not the page overflowing.
      .filter((el) => !el.parentElement?.closest("pre, .overflow-x-auto"))
      .filter(
        (el) =>
          ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5),
      )
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px: ${(el.textContent ?? "").slice(0, 60)}`,
      ),
  );
  expect(overflowing).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});

test.describe("the plan in the candidate's time zone", () => {
  test.use({ timezoneId: "Pacific/Auckland", viewport: { width: 390, height: 844 } });

  test("five days out: dated steps all before the exam, a note on what was left out, ticks kept", async ({
    page,
  }) => {
    const user = await signedInCandidate(page, "/plan?track=cba");
    const local = (offset: number) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(
        new Date(Date.now() + offset * 86_400_000),
      );
    const exam = local(5);
    await page.getByRole("radio", { name: /Heavy hands-on/ }).check();
    await page.getByLabel("Exam date (optional)").fill(exam);
    await page.getByRole("button", { name: "Make my plan" }).click();
    await expect(page.getByTestId("plan-fit")).toContainText(/leaves out/);
    const steps = page.getByTestId("plan-steps").getByRole("listitem");
    await expect(steps.first()).toContainText("Take your cold baseline mock");
    // Real dates, day 1 being today where the candidate is.
    const label = (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
      const month = d.toLocaleString("en", { month: "short", timeZone: "UTC" });
      return `${weekday} ${d.getUTCDate()} ${month}`;
    };
    await expect(steps.first()).toContainText(label(local(0)));
    const retake = steps.filter({ hasText: "Retake a full mock" });
    await expect(retake).toContainText(label(local(4)));
    // Nothing is planned on or after the exam day.
    for (let d = 5; d <= 14; d += 1) {
      await expect(page.getByTestId("plan-steps")).not.toContainText(label(local(d)));
    }
    expect(
      await withDb((db) =>
        db.user.findUnique({ where: { id: user.id }, select: { timeZone: true } }),
      ),
    ).toEqual({ timeZone: "Pacific/Auckland" });

    await steps
      .first()
      .getByRole("button", { name: /mark as done/ })
      .click();
    await page.reload();
    await expect(
      page.getByTestId("plan-steps").getByRole("listitem").first().getByRole("button"),
    ).toHaveAttribute("aria-pressed", "true");
  });
});

test("a discarded mock is kept as abandoned and counts for nothing", async ({ page }) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  await page.keyboard.press("1");
  await expect(page.getByTestId("save-status")).toHaveText(/All answers saved/, {
    timeout: 15_000,
  });
  await page.goto("/tracks/cba");
  await page.getByText("Discard this mock…").click();
  await page.getByRole("button", { name: "Yes, discard this mock" }).click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`));
  await expect(page.getByTestId("abandoned")).toBeVisible();
  const status = await withDb((db) =>
    db.attempt.findUnique({ where: { id: attemptId }, select: { status: true } }),
  );
  expect(status?.status).toBe("abandoned");
  // No mock taken as far as progress goes: the next one is still the baseline.
  await page.goto("/tracks/cba");
  await expect(page.getByRole("button", { name: "Start your baseline mock" })).toBeVisible();
  await expect(page.getByText("Take your cold baseline first")).toBeVisible();
});

test("history, the review's results grid and filters, and retaking the wrong ones", async ({
  page,
}) => {
  const attemptId = await startPractice(page, "cba", "catalog", 5);
  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("feedback")).toBeVisible();
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finish session" }).click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`));

  const grid = page.getByTestId("results-grid").getByRole("link");
  await expect(grid).toHaveCount(5);
  await expect(grid.nth(1)).toHaveAccessibleName(/Question 2: not answered/);
  await expect(page.getByRole("link", { name: "All", exact: true })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await page.getByRole("link", { name: "Wrong only" }).click();
  await expect(page).toHaveURL(/show=wrong/);
  await expect(page.getByRole("link", { name: "Wrong only" })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await expect(page.getByRole("link", { name: "All", exact: true })).not.toHaveAttribute(
    "aria-current",
    /.*/,
  );

  await page.goto("/history");
  const rows = page.getByTestId("history").getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Practice");
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`));

  const retake = page.getByRole("button", { name: /^Retake the (\d+) I got wrong$/ });
  const wrong = Number((await retake.textContent())?.match(/\d+/)?.[0]);
  expect(wrong).toBeGreaterThanOrEqual(4);
  await retake.click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await playerReady(page);
  await expect(
    page.getByRole("group", { name: new RegExp(`Question 1 of ${wrong}`) }),
  ).toBeVisible();
  await page.goto("/history");
  await expect(page.getByTestId("history").getByText("In progress: resume")).toBeVisible();
});

test("a timed mock: no site navigation, a reload returns to the question, Resume from the header", async ({
  page,
}) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  await expect(page.getByRole("link", { name: "Dashboard" })).toBeHidden();
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  await expect(page.getByRole("group", { name: /Question 3 of 60/ })).toBeVisible();
  await page.reload();
  await playerReady(page);
  await expect(page.getByRole("group", { name: /Question 3 of 60/ })).toBeVisible();
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Resume your mock" }).click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}$`));
  await playerReady(page);
});

test("the YAML editor: Tab indents two spaces, an unchecked draft survives a reload", async ({
  page,
}) => {
  await signedInCandidate(page, "/drills/drill-user-memberof");
  await expect(page.getByTestId("yaml-drill")).toHaveAttribute("data-ready", "true");
  const editor = page.getByRole("textbox", { name: "YAML editor" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("Tab");
  await page.keyboard.insertText("# draft note");
  await expect(page.locator(".cm-line").first()).toHaveText(/^ {2}# draft note/);
  // Still in the editor: Tab was not a focus move.
  await expect(editor).toBeFocused();
  await page.reload();
  await expect(page.getByTestId("yaml-drill")).toHaveAttribute("data-ready", "true");
  await expect(page.locator(".cm-line").first()).toHaveText(/^ {2}# draft note/);
});
