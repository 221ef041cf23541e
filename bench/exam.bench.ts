/**
 * `npm run bench:exam` (needs `npm run build` first): the production server on PostgreSQL, N
 * concurrent candidates each answering a 60-question CBA mock as fast as the server allows
 * (one save request per answer, sequential per candidate, as the player sends them), then checks
 * that the database holds exactly every answer the server accepted. The same number of
 * single-row INSERTs straight through `pg` (same concurrency, a pool as large as the app's) gives
 * the raw ceiling.
 *
 *   BENCH_CANDIDATES=50,200,500 npm run bench:exam     (DATABASE_URL or an embedded PostgreSQL)
 *
 * Other settings: BENCH_PORT (3300), BENCH_WARMUP (candidates of the unreported warm-up round,
 * 50; 0 for none), BENCH_TIMEOUT_S (time budget per size, 120: a size that
 * runs out stops sending and is reported as partial), BENCH_REQUEST_TIMEOUT_MS (10000),
 * BENCH_CPU_PROF_DIR (write a V8 CPU profile of the Next.js server there).
 *
 * The load generator runs on the same machine as the server: its CPU use is reported next to
 * the server's so a client-bound run is visible as one.
 *
 * BENCH_MODE=open: the synchronised start and the open loop instead (bench/open-loop.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { loadBank } from "@/lib/content/load.server";
import type { OptionKey } from "@/lib/content/types";
import { DEFAULT_POOL_MAX, poolMax } from "@/lib/db-pool";
import { startMock } from "@/lib/exam/attempts.server";
import { optionIdCodec, optionIdSecret } from "@/lib/exam/option-ids";
import { createDb } from "@/lib/prisma.server";
import { openDatabase, withDatabase } from "@/scripts/lib/database";
import {
  backendSeconds,
  backendTicks,
  clientCpuSeconds,
  percentile,
  treeCpuSeconds,
} from "./measure";
import { runOpenLoop } from "./open-loop";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const SIZES = (process.env.BENCH_CANDIDATES ?? "50,200,500").split(",").map(Number);
const BUDGET_MS = Number(process.env.BENCH_TIMEOUT_S ?? 120) * 1000;
const REQUEST_TIMEOUT_MS = Number(process.env.BENCH_REQUEST_TIMEOUT_MS ?? 10_000);
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const SECRET = randomBytes(32).toString("base64url");
const ANSWERS_PER_CANDIDATE = 60;
const MODE = process.env.BENCH_MODE === "open" ? "open" : "closed";

if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

/** `task(0..n-1)` with at most `width` running at once, results in order. */
async function inBatches<T>(n: number, width: number, task: (i: number) => Promise<T>) {
  const results: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

type Row = {
  n: number;
  planned: number;
  answers: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  errorKinds: Map<string, number>;
  lost: number;
  extra: number;
  raw: number | null;
  rawPartial: boolean;
  clientCpu: number;
  serverCpu: number | null;
  dbCpu: number | null;
  partial: boolean;
};

const server = await openDatabase("test");
const dbName = `passmark_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = withDatabase(server.url, dbName);
const rows: Row[] = [];
let app: ChildProcess | undefined;
const db = createDb(url);

try {
  app = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/run.ts", "start"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(PORT),
        NEXTAUTH_SECRET: SECRET,
        NEXTAUTH_URL: BASE,
        PASSMARK_ALLOW_HTTP: "1", // a local bench: production refuses plain http otherwise
        PASSMARK_REQUEST_LOG: process.env.PASSMARK_REQUEST_LOG ?? "0",
        ...(PROFILE_DIR
          ? {
              PASSMARK_SERVER_NODE_ARGS: `${process.env.PASSMARK_SERVER_NODE_ARGS ?? ""} --cpu-prof --cpu-prof-dir=${PROFILE_DIR}`,
            }
          : {}),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const started = app;
  // Never leave the server behind, whatever ends this process.
  process.on("exit", () => {
    if (started.exitCode === null) started.kill("SIGTERM");
  });
  await new Promise<void>((resolve, reject) => {
    started.stdout?.on("data", (chunk: Buffer) => {
      if (/Ready in/.test(chunk.toString())) resolve();
    });
    started.on("exit", () => reject(new Error("the server exited")));
  });

  const bank = loadBank();
  const track = bank.tracks.get("cba");
  if (!track) throw new Error("no cba track");

  // A warm-up round first, not reported: the first thousands of requests pay for V8 compiling
  // the hot code, Next.js loading the route, and new PostgreSQL connections filling their
  // caches (in every run we made, the size that ran first cost the server the most CPU per
  // answer, up to 40 % more).
  const rounds =
    MODE === "open"
      ? []
      : [
          ...(WARMUP > 0 ? [{ n: WARMUP, warmup: true }] : []),
          ...SIZES.map((n) => ({ n, warmup: false })),
        ];
  if (MODE === "open") {
    await runOpenLoop({ base: BASE, secret: SECRET, db, admin, dbName, app, bank, track });
  }
  for (const { n, warmup } of rounds) {
    // Candidates and their open mocks, created directly (sign-in cost is not what is measured).
    // Eight at a time: startMock runs an interactive transaction, and hundreds at once would
    // wait past Prisma's transaction start timeout on the bench's own pool.
    const candidates = await inBatches(n, 8, async (i) => {
      const user = await db.user.create({
        data: { email: `bench-${n}-${i}-${randomUUID()}@example.test`, name: `Bench ${i}` },
      });
      const { attemptId } = await startMock(db, { userId: user.id, track, bank });
      const items = await db.attemptQuestion.findMany({
        where: { attemptId },
        orderBy: { position: "asc" },
      });
      const token = await encode({
        token: { sub: user.id, email: user.email, name: user.name },
        secret: SECRET,
      });
      return {
        attemptId,
        items,
        optionIds: optionIdCodec(optionIdSecret(SECRET), attemptId),
        cookie: `next-auth.session-token=${token}`,
      };
    });

    // A production database has planner statistics; this fresh one gets them now, instead of
    // whenever autovacuum wakes up in the middle of the run (until then the attempt-question
    // lookup of every save is planned on an empty table's estimates).
    const stats = new pg.Client({ connectionString: url });
    await stats.connect();
    await stats.query("ANALYZE");
    await stats.end();

    const latencies: number[] = [];
    const errorKinds = new Map<string, number>();
    const fail = (kind: string) => errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    const accepted: string[] = [];
    const stop = new AbortController();
    const budget = setTimeout(() => stop.abort(), BUDGET_MS);
    const db0 = await backendTicks(admin, dbName);
    const cpu0 = clientCpuSeconds();
    const server0 = treeCpuSeconds(app.pid);
    const t00 = performance.now();
    await Promise.all(
      candidates.map(async (c) => {
        for (const item of c.items.slice(0, ANSWERS_PER_CANDIDATE)) {
          if (stop.signal.aborted) return;
          const id = randomUUID();
          const body = JSON.stringify({
            events: [
              {
                id,
                questionId: item.questionId,
                kind: "answer",
                selected: [c.optionIds.idOf(item.questionId, item.optionOrder[0] as OptionKey)],
                at: new Date().toISOString(),
              },
            ],
          });
          const t0 = performance.now();
          try {
            const res = await fetch(`${BASE}/api/attempts/${c.attemptId}/events`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie: c.cookie },
              body,
              signal: AbortSignal.any([stop.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
            });
            const json = (await res.json()) as { accepted?: string[] };
            if (res.ok && json.accepted?.includes(id)) accepted.push(id);
            else fail(`HTTP ${res.status}`);
          } catch (error) {
            if (stop.signal.aborted) return; // cut off by the size's budget: not a sample
            fail(error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network");
          }
          latencies.push(performance.now() - t0);
        }
      }),
    );
    clearTimeout(budget);
    const seconds = (performance.now() - t00) / 1000;
    const clientCpu = clientCpuSeconds() - cpu0;
    const server1 = treeCpuSeconds(app.pid);
    const serverCpu = server0 === null || server1 === null ? null : server1 - server0;
    const dbCpu = backendSeconds(db0, await backendTicks(admin, dbName));
    const partial = stop.signal.aborted;
    const errors = [...errorKinds.values()].reduce((a, b) => a + b, 0);

    // Every accepted answer must be stored; rows beyond them can only come from requests the
    // client gave up on (timeouts, the budget) after the server had saved them.
    const verify = new pg.Client({ connectionString: url });
    await verify.connect();
    const [stored, total] = await Promise.all([
      verify.query<{ count: string }>(
        `SELECT count(*) FROM "AnswerEvent" WHERE id = ANY($1::uuid[])`,
        [accepted],
      ),
      verify.query<{ count: string }>(
        `SELECT count(*) FROM "AnswerEvent" WHERE "attemptId" = ANY($1::text[])`,
        [candidates.map((c) => c.attemptId)],
      ),
    ]);
    await verify.end();
    const storedAccepted = Number(stored.rows[0]?.count ?? 0);
    const extra = Number(total.rows[0]?.count ?? 0) - storedAccepted;

    if (warmup) {
      console.log(
        `  warm-up: ${latencies.length} answers in ${seconds.toFixed(1)} s (${accepted.length - storedAccepted} lost; not reported)`,
      );
      if (accepted.length !== storedAccepted) process.exitCode = 1;
      continue;
    }

    // Raw ceiling: the same number of single-row INSERTs through pg, n clients sharing a pool
    // as large as the app's, within the same time budget.
    const pool = new pg.Pool({ connectionString: url, max: poolMax() });
    await pool.query(
      `CREATE TABLE IF NOT EXISTS bench_raw (id uuid primary key, attempt text, question text, selected text[], at timestamptz)`,
    );
    let rawDone = 0;
    const rawStop = AbortSignal.timeout(BUDGET_MS);
    const rawStart = performance.now();
    await Promise.all(
      candidates.map(async (c) => {
        for (const item of c.items.slice(0, ANSWERS_PER_CANDIDATE)) {
          if (rawStop.aborted) return;
          await pool.query(`INSERT INTO bench_raw VALUES ($1, $2, $3, $4, now())`, [
            randomUUID(),
            c.attemptId,
            item.questionId,
            [item.optionOrder[0]],
          ]);
          rawDone += 1;
        }
      }),
    );
    const rawSeconds = (performance.now() - rawStart) / 1000;
    await pool.end();

    latencies.sort((a, b) => a - b);
    const answers = latencies.length;
    rows.push({
      n,
      planned: n * ANSWERS_PER_CANDIDATE,
      answers,
      seconds,
      perSecond: answers / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      errors,
      errorKinds,
      lost: accepted.length - storedAccepted,
      extra,
      raw: rawDone / rawSeconds,
      rawPartial: rawStop.aborted,
      clientCpu,
      serverCpu,
      dbCpu,
      partial,
    });
    console.log(
      `  ${n} candidates: ${answers}/${n * ANSWERS_PER_CANDIDATE} answers in ${seconds.toFixed(1)} s${partial ? " (budget ran out: partial)" : ""}`,
    );
  }
} catch (error) {
  // Report the sizes that finished rather than nothing.
  console.error(`The bench stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (app && app.exitCode === null) {
    const exited = new Promise<void>((resolve) => app?.once("exit", () => resolve()));
    app.kill("SIGTERM");
    // The server writes its CPU profiles on the way out.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  await server.stop();
}

if (MODE === "open") process.exit(process.exitCode ?? 0);
const f = (x: number, d = 0) => x.toFixed(d);
console.log(
  `\nexam bench: ${ANSWERS_PER_CANDIDATE} answers per candidate, one request each, node ${process.version}, ` +
    `app pool ${poolMax()} (default ${DEFAULT_POOL_MAX}), budget ${BUDGET_MS / 1000} s per size`,
);
console.log(
  "candidates  answers  seconds  answers/s   p50 ms   p95 ms   p99 ms  errors  lost   raw pg/s  app/raw",
);
for (const r of rows) {
  const answers = r.partial ? `${r.answers}*` : String(r.answers);
  console.log(
    `${String(r.n).padStart(10)}  ${answers.padStart(7)}  ${f(r.seconds, 1).padStart(7)}  ${f(r.perSecond).padStart(9)}  ${f(r.p50, 1).padStart(7)}  ${f(r.p95, 1).padStart(7)}  ${f(r.p99, 1).padStart(7)}  ${String(r.errors).padStart(6)}  ${String(r.lost).padStart(4)}  ${`${r.raw === null ? "n/a" : f(r.raw)}${r.rawPartial ? "*" : ""}`.padStart(9)}  ${(r.raw ? f(r.perSecond / r.raw, 2) : "n/a").padStart(7)}`,
  );
}
console.log(
  "\nCPU during the run: % of one core, and ms of CPU per answer (the machine has " +
    `${availableParallelism()} cores, shared by all three)`,
);
console.log("candidates         server (Next.js)      PostgreSQL backends     load generator");
for (const r of rows) {
  const cell = (cpu: number | null) =>
    cpu === null
      ? "n/a".padStart(20)
      : `${f((100 * cpu) / r.seconds).padStart(4)}%  ${f((1000 * cpu) / Math.max(1, r.answers), 2).padStart(5)} ms/answer`;
  console.log(
    `${String(r.n).padStart(10)}  ${cell(r.serverCpu)}  ${cell(r.dbCpu)}  ${cell(r.clientCpu)}`,
  );
}
for (const r of rows) {
  if (r.errors > 0) {
    console.log(
      `${r.n} candidates, errors: ${[...r.errorKinds].map(([k, v]) => `${k} × ${v}`).join(", ")}`,
    );
  }
  if (r.extra > 0) {
    console.log(
      `${r.n} candidates: ${r.extra} stored answers whose request the client gave up on (saved after a timeout)`,
    );
  }
}
if (rows.some((r) => r.partial || r.rawPartial)) {
  console.log(
    "* partial: the size's time budget ran out; rates are over the answers actually sent.",
  );
}
if (rows.length < SIZES.length) console.log("Some sizes did not run (see the error above).");
const lost = rows.some((r) => r.lost !== 0);
if (lost) {
  console.error("LOST ANSWERS: the database does not hold every accepted answer.");
  process.exitCode = 1;
}
