/**
 * `npm run bench:page` (needs `npm run build` first): what the exam, review and track pages cost a
 * browser. The production server on a throwaway database, one candidate signed in with an open
 * mock and a submitted one; each page is loaded in a fresh Chromium context (cold cache), and the
 * bench prints:
 *   - JS: the page's scripts, each gzipped here at level 9 (what a gzip-serving proxy sends;
 *     Next.js's own compression may differ), summed in KB, with the uncompressed size;
 *   - LCP: the largest contentful paint on localhost (the last `largest-contentful-paint` entry
 *     before any input), median of BENCH_PAGE_RUNS (3) loads.
 *
 * Settings: BENCH_PAGE_PORT (3224), BENCH_PAGE_RUNS (3), CHROMIUM_PATH, DATABASE_URL (else the
 * embedded test PostgreSQL). The machine is shared: LCP moves with its load; the JS bytes do not.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { type Replica, startReplica, stopReplica, waitFor200 } from "@/deploy/cluster";
import { findChromium } from "@/e2e/chromium";
import { loadBank } from "@/lib/content/load.server";
import { startMock, submitAttempt } from "@/lib/exam/attempts.server";
import { createDb } from "@/lib/prisma.server";
import { openDatabase, withDatabase } from "@/scripts/lib/database";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PAGE_PORT ?? 3224);
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 3);
const BASE = `http://localhost:${PORT}`;
const SECRET = randomBytes(32).toString("base64url");

if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

type Measure = { jsRaw: number; jsGzip: number; scripts: number; lcp: number | null };

const server = await openDatabase("test");
const dbName = `passmark_page_${Date.now()}`;
const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = withDatabase(server.url, dbName);
const db = createDb(url);
let app: Replica | undefined;
const results: { page: string; runs: Measure[] }[] = [];

try {
  app = startReplica({
    name: "page",
    port: PORT,
    env: {
      DATABASE_URL: url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: BASE,
      PASSMARK_ALLOW_HTTP: "1",
      PASSMARK_REQUEST_LOG: "0",
    },
    onLine: (line) => {
      if (/error/i.test(line)) console.error(`  [server] ${line}`);
    },
  });
  const started = app;
  process.on("exit", () => {
    if (started.process.exitCode === null) started.process.kill("SIGTERM");
  });
  await waitFor200(`${BASE}/api/health/live`, 180_000, started.exited);

  const bank = loadBank();
  const track = bank.tracks.get("cba");
  if (!track) throw new Error("no cba track");
  const user = await db.user.create({
    data: { email: `page-${randomUUID()}@example.test`, name: "Page Bench" },
  });
  const done = await startMock(db, { userId: user.id, track, bank });
  await submitAttempt(db, user.id, done.attemptId, bank);
  const open = await startMock(db, { userId: user.id, track, bank });
  const token = await encode({ token: { sub: user.id, sv: 0 }, secret: SECRET });
  const pages = [
    { page: "exam", path: `/attempts/${open.attemptId}` },
    { page: "review", path: `/attempts/${done.attemptId}/review` },
    { page: "track", path: `/tracks/${track.id}` },
  ];

  const browser = await chromium.launch({ executablePath: findChromium() });
  try {
    // One unmeasured load first: the server compiles and caches each route on first use.
    for (const { path: p } of pages)
      await fetch(`${BASE}${p}`, { headers: { cookie: `next-auth.session-token=${token}` } });
    for (const { page: name, path: p } of pages) {
      const runs: Measure[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        await context.addCookies([
          { name: "next-auth.session-token", value: token, url: BASE, httpOnly: true },
        ]);
        const page = await context.newPage();
        await page.addInitScript(() => {
          const w = window as unknown as { __lcp: number | null };
          w.__lcp = null;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.__lcp = entry.startTime;
          }).observe({ type: "largest-contentful-paint", buffered: true });
        });
        const bodies: Promise<Buffer | null>[] = [];
        page.on("response", (response) => {
          if (response.request().resourceType() === "script") {
            bodies.push(response.body().catch(() => null));
          }
        });
        const response = await page.goto(`${BASE}${p}`, { waitUntil: "load" });
        if (!response?.ok()) throw new Error(`${p} answered ${response?.status()}`);
        if (new URL(page.url()).pathname !== p) throw new Error(`${p} redirected to ${page.url()}`);
        await page.waitForTimeout(1000);
        const lcp = await page.evaluate(
          () => (window as unknown as { __lcp: number | null }).__lcp,
        );
        const scripts = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
        runs.push({
          scripts: scripts.length,
          jsRaw: scripts.reduce((sum, b) => sum + b.length, 0),
          jsGzip: scripts.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
          lcp,
        });
        await context.close();
      }
      results.push({ page: name, runs });
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  console.error(`The bench stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (app) await stopReplica(app);
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  await server.stop();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};
console.log(
  `\npage bench: production build, Chromium, cold cache, ${RUNS} loads per page (median LCP)`,
);
console.log("page     scripts   JS KB (raw)   JS KB (gzip -9)   LCP ms");
for (const { page, runs } of results) {
  const first = runs[0];
  if (!first) continue;
  const lcps = runs.map((r) => r.lcp).filter((x): x is number => x !== null);
  console.log(
    `${page.padEnd(7)}  ${String(first.scripts).padStart(7)}  ${(first.jsRaw / 1024).toFixed(0).padStart(12)}  ${(first.jsGzip / 1024).toFixed(0).padStart(16)}  ${lcps.length ? median(lcps).toFixed(0).padStart(7) : "    n/a"}`,
  );
}
