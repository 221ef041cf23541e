import { loadBank } from "@/lib/content/load.server";
import { expect, test } from "./fixtures";
import { optionIds, playerReady, saved, signedInCandidate, withDb } from "./helpers";

const bank = loadBank();

async function attemptQuestions(attemptId: string) {
  return withDb(async (db) =>
    (await db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } })).map(
      (q) => q.questionId,
    ),
  );
}

const plain = (html: string) => html.replace(/<[^>]+>/g, "").slice(0, 60);

test("practice: check an answer, see its feedback (and only its), reload, finish", async ({
  page,
}) => {
  await signedInCandidate(page, "/tracks/cba/practice?domain=catalog");
  await expect(page.getByRole("checkbox", { name: /Software Catalog/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /TechDocs/ })).not.toBeChecked();
  await page.getByLabel("Number of questions").fill("5");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await playerReady(page);
  const attemptId = page.url().split("/").pop() ?? "";
  await expect(page.getByText(/Practice: untimed/)).toBeVisible();
  await expect(page.getByRole("timer")).toHaveCount(0);

  const ids = await attemptQuestions(attemptId);
  expect(ids).toHaveLength(5);
  const [first, second] = ids.map((id) => bank.byId.get(id));
  if (!first || !second) throw new Error("questions missing from the bank");
  expect(first.domain).toBe("catalog");

  // Nothing of the feedback before the check.
  expect(await page.content()).not.toContain(plain(first.explanationHtml));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Choose an answer before checking it.")).toBeVisible();

  await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  const feedback = page.getByTestId("feedback");
  await expect(feedback).toBeVisible();
  await expect(feedback).toContainText(/^(Correct\.|Not quite\.)/);
  await expect(feedback).toContainText(plain(first.explanationHtml).slice(0, 40));
  await expect(page.getByRole("radio").first()).toBeDisabled();
  // The next question's feedback has not been sent.
  const html = await (await page.request.get(`/attempts/${attemptId}`)).text();
  expect(html).not.toContain(plain(second.explanationHtml));

  await page.reload();
  await playerReady(page);
  await expect(page.getByTestId("feedback")).toBeVisible();
  await expect(page.getByRole("radio").first()).toBeChecked();
  await expect(page.getByRole("radio").first()).toBeDisabled();

  // A checked answer cannot change, even through the API.
  const late = await page.request.post(`/api/attempts/${attemptId}/events`, {
    data: {
      events: [
        {
          id: crypto.randomUUID(),
          questionId: first.id,
          kind: "answer",
          selected: optionIds(attemptId)(first.id, ["B"]),
          at: new Date().toISOString(),
        },
      ],
    },
  });
  expect((await late.json()).rejected[0].reason).toMatch(/already checked/);

  await page.keyboard.press("n");
  await page.keyboard.press("2");
  await saved(page);
  await page.getByRole("button", { name: "Finish session" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finish session" }).click();
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/review$`));
  await expect(page.getByText(/Practice/).first()).toBeVisible();
  await expect(page.getByText(/does not count towards your mock results/)).toBeVisible();
  await expect(page.getByTestId("time-total")).toBeVisible();
  await expect(page.getByTestId("time-spent").first()).toContainText(/spent/);
});

test("a domain drill from the dashboard's link starts on the chosen domain", async ({ page }) => {
  await signedInCandidate(page, "/tracks/cba/practice?mode=drill&domain=security");
  await expect(page.getByRole("radio", { name: /Domain drill/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Security/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Software Catalog/ })).not.toBeChecked();
  await expect(page.getByLabel("Number of questions")).toHaveValue("10");
  await page.getByRole("button", { name: "Start" }).click();
  await playerReady(page);
  await expect(page.getByText(/Domain drill: untimed/)).toBeVisible();
  const ids = await attemptQuestions(page.url().split("/").pop() ?? "");
  expect(ids).toHaveLength(10);
  expect(ids.every((id) => bank.byId.get(id)?.domain === "security")).toBe(true);
});

test("the practice form refuses a session without domains", async ({ page }) => {
  await signedInCandidate(page, "/tracks/cba/practice");
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByText("Choose at least one domain.")).toBeVisible();
});
