import type { OptionKey } from "@/lib/content/types";
import { optionIdCodec, optionIdSecret } from "@/lib/exam/option-ids";
import { createDb } from "@/lib/prisma.server";
import { createUser } from "@/lib/users.server";
import { expect, type Page } from "./fixtures";
import { E2E_SECRET } from "./secret";

/** Shared steps of the exam and practice specs. */

const password = "an exam-taking passphrase 9";
const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "";

export async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(url);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

export async function signedInCandidate(page: Page, landing = "/tracks/cba") {
  const email = `exam-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
  const user = await withDb((db) => createUser(db, { name: "Exam Taker", email, password }));
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(landing)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${landing.replace(/[?]/g, "\\?")}$`));
  return user;
}

export async function startBaseline(page: Page) {
  await page.getByRole("button", { name: "Start your baseline mock" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await expect(page.getByText(/cold baseline/i)).toBeVisible();
  await playerReady(page);
  return page.url().split("/").pop() ?? "";
}

/** Keys pressed before the player's script runs would be lost: wait until it says it is ready. */
export const playerReady = (page: Page) =>
  expect(page.getByTestId("exam-player")).toHaveAttribute("data-ready", "true");

export const saved = (page: Page) =>
  expect(page.getByTestId("save-status")).toHaveText(/All answers saved/, { timeout: 15_000 });

/** The attempt's opaque option ids, as the server makes them (tests that answer through the API). */
export function optionIds(attemptId: string) {
  const codec = optionIdCodec(optionIdSecret(E2E_SECRET), attemptId);
  return (questionId: string, keys: readonly string[]) =>
    keys.map((k) => codec.idOf(questionId, k as OptionKey));
}
