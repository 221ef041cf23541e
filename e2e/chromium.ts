import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * The Chromium the e2e tests drive: CHROMIUM_PATH, then the system package, then a browser that
 * Playwright installed itself. Never downloads one; when none is found, says how to get one.
 */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    (() => {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    })(),
  ];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install one of:\n" +
        "  - Debian/Ubuntu: sudo apt-get install chromium\n" +
        "  - any OS: npx playwright install chromium\n" +
        "or point CHROMIUM_PATH at a Chromium/Chrome binary.",
    );
  }
  return found;
}
