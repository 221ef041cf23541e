import { loadBank } from "@/lib/content/load.server";
import type { Question } from "@/lib/content/types";
import { expect, type Page, test } from "./fixtures";
import { playerReady, saved, signedInCandidate, startBaseline, withDb } from "./helpers";
import { findLeaks } from "./leak-detector";

/**
 * Nothing the browser receives during an open mock, or during practice before a check, may hint
 * at a key: every response is collected and searched by the leak detector, which the canary
 * tests below prove can fail.
 */

const bank = loadBank();

async function questionsOf(attemptId: string): Promise<Question[]> {
  const rows = await withDb((db) =>
    db.attemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } }),
  );
  return rows.flatMap((r) => {
    const q = bank.byId.get(r.questionId);
    return q ? [q] : [];
  });
}

/** Every body the page receives from the app from now on, plus what is already rendered. */
async function collect(page: Page) {
  const bodies: string[] = [await page.content()];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (!response.url().startsWith("http://localhost")) return;
    pending.push(
      response
        .text()
        .then((t) => void bodies.push(t))
        .catch(() => {}),
    );
  });
  return async () => {
    await Promise.all(pending);
    return bodies;
  };
}

test.describe("the leak detector (canaries: it must catch planted leaks)", () => {
  const q = bank.questionsOf("cba").find((x) => x.options.some((o) => o.rationaleHtml));
  if (!q) throw new Error("no question with rationales");
  const rationale = q.options.find((o) => o.rationaleHtml)?.rationaleHtml ?? "";

  test("catches a rationale escaped inside a flight payload", () => {
    const flight = `self.__next_f.push([1,${JSON.stringify(JSON.stringify({ note: rationale }))}])`;
    expect(findLeaks([flight], [q]).map((l) => l.what)).toContainEqual(
      expect.stringMatching(/^rationale/),
    );
  });

  test("catches the explanation with its HTML entities", () => {
    const html = `<div>${q.explanationHtml.replace(/'/g, "&#x27;")}</div>`;
    expect(findLeaks([html], [q]).map((l) => l.what)).toContain("explanation");
  });

  test("catches key markers and authoring letters", () => {
    expect(findLeaks(['{"correctKeys":["B"]}'], [])).toHaveLength(1);
    expect(findLeaks(['<input type="radio" value="C">'], [])).toHaveLength(1);
    expect(findLeaks(['[\\"$\\",\\"input\\",{\\"key\\":\\"A\\"}]'], [])).toHaveLength(1);
  });

  test("passes the stem and option texts alone", () => {
    const html = `<p>${q.stemHtml}</p>${q.options.map((o) => `<label>${o.html}</label>`).join("")}`;
    expect(findLeaks([html], [q])).toEqual([]);
  });
});

test("nothing in an open mock's HTML, flight payload, JSON or JS hints at a key", async ({
  page,
}) => {
  await signedInCandidate(page);
  const attemptId = await startBaseline(page);
  const bodies = await collect(page);
  await page.reload();
  await playerReady(page);
  await page.keyboard.press("1");
  await page.keyboard.press("n");
  await page.keyboard.press("2");
  await saved(page);
  // The RSC payload of a client-side navigation to the player, too.
  const flight = await page.request.get(`/attempts/${attemptId}`, { headers: { RSC: "1" } });
  const received = [...(await bodies()), await flight.text()];
  const questions = await questionsOf(attemptId);
  expect(questions).toHaveLength(60);
  const all = received.join("\n");
  for (const q of questions) expect(all).toContain(q.id);
  expect(findLeaks(received, questions)).toEqual([]);
});

test("practice before a check sends no key; after a check, only that question's", async ({
  page,
}) => {
  await signedInCandidate(page, "/tracks/cba/practice?domain=catalog");
  await page.getByLabel("Number of questions").fill("5");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await playerReady(page);
  const attemptId = page.url().split("/").pop() ?? "";
  const bodies = await collect(page);
  await page.reload();
  await playerReady(page);
  await page.keyboard.press("1");
  await saved(page);
  const [first, ...rest] = await questionsOf(attemptId);
  if (!first) throw new Error("no questions");
  expect(findLeaks(await bodies(), [first, ...rest])).toEqual([]);

  await page.keyboard.press("Enter");
  await expect(page.getByTestId("feedback")).toBeVisible();
  const after = await bodies();
  // The checked question's feedback arrived (so the detector sees real answer material)...
  expect(findLeaks(after, [first]).length).toBeGreaterThan(0);
  // ...and nothing of the others.
  expect(findLeaks(after, rest).filter((l) => l.questionId !== "*")).toEqual([]);
});
