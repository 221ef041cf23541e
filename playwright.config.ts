import { cpSync, rmSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { findChromium } from "./e2e/chromium";
import { E2E_SECRET, SERVER_LOG } from "./e2e/secret";

// The server reads a copy of content/ plus the test-only tracks in e2e/content (a mock that
// lasts seconds, so a test can watch the timer run out).
const contentDir = ".data/e2e-content";
if (!process.env.TEST_WORKER_INDEX) {
  // Only in the runner's own process: workers load this file too, while the server runs.
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(SERVER_LOG, { force: true });
  cpSync("content", contentDir, { recursive: true });
  cpSync("e2e/content", contentDir, { recursive: true });
}

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

/**
 * End-to-end tests against the production build (`npm run build` first; `npm test` does it).
 * The server runs on E2E_DATABASE_URL, a throwaway database that scripts/test.ts creates.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous: CI may run the suite on a loaded 2-core machine; a passing test is not slowed.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]]
    : [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "npx tsx scripts/run.ts start",
    url: `${baseURL}/`,
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE_SERVER === "1",
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXT_TELEMETRY_DISABLED: "1",
      PASSMARK_CONTENT_DIR: contentDir,
      // Local test server on http: the declared opt-out of production's https rule.
      PASSMARK_ALLOW_HTTP: "1",
      PASSMARK_SERVER_LOG: SERVER_LOG,
    },
  },
});
