import { test as base } from "@playwright/test";

export { expect, type Page } from "@playwright/test";

/**
 * Every test browses from its own client address (X-Forwarded-For), so the per-IP sign-in rate
 * limit, which the suite tests on purpose, does not throttle unrelated tests that all run on
 * 127.0.0.1.
 */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
  extraHTTPHeaders: async ({}, use, testInfo) => {
    const n =
      (testInfo.workerIndex * 1000 + testInfo.repeatEachIndex * 100 + hash(testInfo.testId)) %
      65_000;
    await use({ "x-forwarded-for": `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}` });
  },
});

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % 1000;
}
