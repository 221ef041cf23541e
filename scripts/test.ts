/**
 * `npm test`: the whole suite, in the order CI needs it.
 *   1. lint (Biome, zero warnings) and type-check (tsc)
 *   2. content check (the question bank compiles)
 *   3. unit + integration tests (Vitest) against Postgres: DATABASE_URL's server, or an embedded one
 *   4. production build, then end-to-end tests (Playwright, system Chromium) on a throwaway database
 * Ends with one summary line "tests: N passed, N failed".
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase, withDatabase } from "./lib/database";

const ROOT = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const timings: [string, number][] = [];

function run(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<number> {
  console.log(`\n▶ ${label}`);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.on("exit", (code) => {
      timings.push([label, (performance.now() - started) / 1000]);
      resolve(code ?? 1);
    });
  });
}

type Counts = { passed: number; failed: number; skipped: number };
const counts: Counts = { passed: 0, failed: 0, skipped: 0 };

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function addVitest(file: string) {
  const r = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(file);
  if (!r) return;
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
  counts.skipped += r.numPendingTests + r.numTodoTests;
}

function addPlaywright(file: string) {
  const r = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  }>(file);
  if (!r) return;
  counts.passed += r.stats.expected + r.stats.flaky;
  counts.failed += r.stats.unexpected;
  counts.skipped += r.stats.skipped;
}

let failedStep: string | null = null;
async function step(
  label: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
) {
  if (failedStep) return;
  const code = await run(label, command, args, env);
  if (code !== 0) failedStep = label;
}

mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
const started = performance.now();

await step("lint (biome)", bin("biome"), ["check", "--error-on-warnings", "."]);
await step("type-check (tsc)", bin("tsc"), ["--noEmit", "-p", "."]);
await step("content check", bin("tsx"), ["scripts/content-check.ts"]);

const database = failedStep ? null : await openDatabase("test");
if (database) {
  console.log(`\nTest database server: ${database.description}`);
  const vitestJson = path.join(ROOT, "test-results", "vitest.json");
  await step(
    "unit + integration tests (vitest)",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
    { DATABASE_URL: database.url },
  );
  addVitest(vitestJson);

  await step("production build (next build)", "npm", ["run", "-s", "build"], {
    NEXT_TELEMETRY_DISABLED: "1",
  });

  if (!failedStep) {
    const adminUrl = withDatabase(database.url, "postgres");
    const name = `passmark_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const e2eJson = path.join(ROOT, "test-results", "e2e.json");
      await step("end-to-end tests (playwright, chromium)", bin("playwright"), ["test"], {
        E2E_DATABASE_URL: withDatabase(database.url, name),
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      });
      if (existsSync(e2eJson)) addPlaywright(e2eJson);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
  await database.stop();
}

console.log("\nStep timings:");
for (const [label, seconds] of timings)
  console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${label}`);
console.log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  total`);
if (failedStep) console.log(`\nFAILED at: ${failedStep}`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep || counts.failed > 0 ? 1 : 0);
