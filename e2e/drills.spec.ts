import { expect, test } from "./fixtures";
import { signedInCandidate } from "./helpers";

const FIXED = `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: jane.doe
spec:
  profile:
    displayName: Jane Doe
    email: jane.doe@example.com
  memberOf:
    - team-payments
    - platform
`;

test("a YAML drill: a broken descriptor is marked on its line, fixed, passed, model answer shown", async ({
  page,
}) => {
  await signedInCandidate(page, "/drills/drill-user-memberof");
  await expect(page.getByTestId("yaml-drill")).toHaveAttribute("data-ready", "true");
  await expect(page.getByRole("button", { name: "Show model answer" })).toHaveCount(0);

  // The starter has `memberOf: team-payments, platform` on line 9: a string, not a list.
  const editor = page.getByRole("textbox", { name: "YAML editor" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+Enter");
  const results = page.getByTestId("drill-results");
  await expect(results).toContainText(
    "Backstage would reject this: 1 problem, and 2 rubric items not met.",
  );
  await expect(results).toContainText("line 9:3");
  await expect(results).toContainText("spec.memberOf");
  await expect(page.locator(".cm-line").nth(8).locator(".cm-lintRange-error")).toHaveCount(1);
  await expect(page.locator(".cm-line").nth(7).locator(".cm-lintRange-error")).toHaveCount(0);

  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(FIXED);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(results).toContainText("Passed: valid for Backstage and every rubric item met.");
  await expect(page.locator(".cm-lintRange-error")).toHaveCount(0);

  await page.getByRole("button", { name: "Show model answer" }).click();
  await expect(page.getByTestId("model-answer")).toContainText("- team-payments");

  // The list shows the drill as passed.
  await page.goto("/drills");
  await expect(
    page.getByRole("listitem").filter({ hasText: "Fix a user who belongs to two teams" }),
  ).toContainText("Passed");
});

test("the drill check API: unknown drill 404, oversized text 413, bad body 400", async ({
  page,
}) => {
  await signedInCandidate(page, "/drills");
  expect(
    (await page.request.post("/api/drills/drill-nope/check", { data: { text: "a: 1" } })).status(),
  ).toBe(404);
  const big = await page.request.post("/api/drills/drill-user-memberof/check", {
    data: { text: "x".repeat(300 * 1024) },
  });
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toMatch(/limit is 256 KB/);
  const bad = await page.request.post("/api/drills/drill-user-memberof/check", {
    data: { text: 5 },
  });
  expect(bad.status()).toBe(400);
});
