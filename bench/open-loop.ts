/**
 * bench:exam's open-loop mode (BENCH_MODE=open). Two parts:
 *
 * 1. The synchronised start: BENCH_START candidates (1000) press "Start" within 10 s (arrivals
 *    spread uniformly at random over the window). Each runs `startMock` as a replica runs it, on
 *    a pool of DATABASE_POOL_MAX (10) connections, in this process; latencies and failures are
 *    reported (target: all start, p99 ≤ 2 s).
 * 2. The open loop: for each level in BENCH_OPEN_LEVELS (concurrent candidates), that many
 *    candidates hold an open mock and act independently: think times are exponential with mean
 *    BENCH_THINK_S (30 s); an action opens a question and answers it (one request with a visit and
 *    an answer event), one in eight changes an earlier answer, one in ten also flags it. Requests
 *    are sent when due, whether or not earlier ones have come back (open loop), over
 *    BENCH_OPEN_SECONDS (60) after a ramp of one mean think time. Levels rise until p99 passes
 *    100 ms. CPU per answer comes from /proc for the server, the PostgreSQL backends and this
 *    process: the machine is shared, so CPU time, not wall-clock rate, is the comparable figure.
 */

import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type pg from "pg";
import type { Bank, OptionKey, Track } from "@/lib/content/types";
import { startMock } from "@/lib/exam/attempts.server";
import { optionIdCodec, optionIdSecret } from "@/lib/exam/option-ids";
import type { Db } from "@/lib/prisma.server";
import {
  backendSeconds,
  backendTicks,
  clientCpuSeconds,
  percentile,
  treeCpuSeconds,
} from "./measure";

type Context = {
  base: string;
  secret: string;
  db: Db;
  admin: pg.Client;
  dbName: string;
  app: ChildProcess;
  bank: Bank;
  track: Track;
};

type Candidate = {
  attemptId: string;
  cookie: string;
  items: { questionId: string; optionOrder: string[] }[];
  idOf: (questionId: string, key: OptionKey) => string;
  answered: number[];
};

const START_N = Number(process.env.BENCH_START ?? 1000);
const START_WINDOW_MS = 10_000;
const LEVELS = (process.env.BENCH_OPEN_LEVELS ?? "500,1000,2000,4000,8000,20000")
  .split(",")
  .map(Number);
const THINK_MS = Number(process.env.BENCH_THINK_S ?? 30) * 1000;
const WINDOW_MS = Number(process.env.BENCH_OPEN_SECONDS ?? 60) * 1000;
const P99_LIMIT_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exponential = (mean: number) => -Math.log(1 - Math.random()) * mean;

async function newUsers(db: Db, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 500) {
    const batch = Array.from({ length: Math.min(500, n - i) }, () => ({
      id: randomUUID(),
      email: `open-${randomUUID()}@example.test`,
      name: "Open loop",
    }));
    await db.user.createMany({ data: batch });
    ids.push(...batch.map((u) => u.id));
  }
  return ids;
}

async function candidateOf(ctx: Context, userId: string, attemptId: string): Promise<Candidate> {
  const items = await ctx.db.attemptQuestion.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    select: { questionId: true, optionOrder: true },
  });
  const token = await encode({ token: { sub: userId, sv: 0 }, secret: ctx.secret });
  return {
    attemptId,
    cookie: `next-auth.session-token=${token}`,
    items,
    idOf: optionIdCodec(optionIdSecret(ctx.secret), attemptId).idOf,
    answered: [],
  };
}

/** Part 1: BENCH_START starts within 10 s. Returns the candidates, reused by the open loop. */
async function synchronisedStart(ctx: Context) {
  const users = await newUsers(ctx.db, START_N);
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const attempts: { userId: string; attemptId: string }[] = [];
  const t0 = performance.now();
  await Promise.all(
    users.map(async (userId) => {
      await sleep(Math.random() * START_WINDOW_MS);
      const t = performance.now();
      try {
        const { attemptId } = await startMock(ctx.db, {
          userId,
          track: ctx.track,
          bank: ctx.bank,
        });
        latencies.push(performance.now() - t);
        attempts.push({ userId, attemptId });
      } catch (error) {
        const code = (error as { code?: string }).code ?? (error as Error).name;
        failures.set(code, (failures.get(code) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `\nsynchronised start: ${START_N} candidates within ${START_WINDOW_MS / 1000} s, startMock on this process's pool (${process.env.DATABASE_POOL_MAX ?? 10})`,
  );
  console.log("started  failed   p50 ms   p95 ms   p99 ms   max ms  seconds");
  console.log(
    `${String(latencies.length).padStart(7)}  ${String(START_N - latencies.length).padStart(6)}  ${percentile(latencies, 50).toFixed(0).padStart(7)}  ${percentile(latencies, 95).toFixed(0).padStart(7)}  ${percentile(latencies, 99).toFixed(0).padStart(7)}  ${(latencies.at(-1) ?? 0).toFixed(0).padStart(7)}  ${seconds.toFixed(1).padStart(7)}`,
  );
  if (failures.size > 0) {
    console.log(`failures: ${[...failures].map(([k, v]) => `${k} × ${v}`).join(", ")}`);
    process.exitCode = 1;
  }
  const candidates: Candidate[] = [];
  for (const a of attempts) candidates.push(await candidateOf(ctx, a.userId, a.attemptId));
  return candidates;
}

async function moreCandidates(ctx: Context, pool: Candidate[], n: number) {
  const users = await newUsers(ctx.db, n - pool.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < users.length) {
        const userId = users[next++] as string;
        const { attemptId } = await startMock(ctx.db, {
          userId,
          track: ctx.track,
          bank: ctx.bank,
        });
        pool.push(await candidateOf(ctx, userId, attemptId));
      }
    }),
  );
}

type Level = {
  n: number;
  answers: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  server: number | null;
  db: number | null;
  client: number;
};

/** One action of one candidate: a request with a visit and an answer (and sometimes a flag). */
function actionBody(c: Candidate) {
  const change = c.answered.length > 0 && Math.random() < 0.125;
  const index = change
    ? (c.answered[Math.floor(Math.random() * c.answered.length)] as number)
    : c.answered.length % c.items.length;
  if (!change) c.answered.push(index);
  const item = c.items[index] as Candidate["items"][number];
  const at = new Date().toISOString();
  const key = item.optionOrder[Math.floor(Math.random() * item.optionOrder.length)] as OptionKey;
  const events: unknown[] = [
    { id: randomUUID(), questionId: item.questionId, kind: "visit", at },
    {
      id: randomUUID(),
      questionId: item.questionId,
      kind: "answer",
      selected: [c.idOf(item.questionId, key)],
      at,
    },
  ];
  if (Math.random() < 0.1) {
    events.push({ id: randomUUID(), questionId: item.questionId, kind: "flag", flagged: true, at });
  }
  return JSON.stringify({ events });
}

async function openLevel(ctx: Context, candidates: Candidate[]): Promise<Level> {
  const latencies: number[] = [];
  let errors = 0;
  let measuring = false;
  const stopAt = performance.now() + THINK_MS + WINDOW_MS;
  let cpu0 = 0;
  let server0: number | null = null;
  let db0: Map<number, number> | null = null;
  const inFlight = new Set<Promise<void>>();
  const send = (c: Candidate) => {
    const body = actionBody(c);
    const counted = measuring;
    const t = performance.now();
    const request = fetch(`${ctx.base}/api/attempts/${c.attemptId}/events`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: c.cookie },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) throw new Error(String(res.status));
        if (counted) latencies.push(performance.now() - t);
      })
      .catch(() => {
        if (counted) errors += 1;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  const ramp = setTimeout(async () => {
    // After one mean think time every candidate is in its stationary pattern: measure from here.
    db0 = await backendTicks(ctx.admin, ctx.dbName);
    server0 = treeCpuSeconds(ctx.app.pid);
    cpu0 = clientCpuSeconds();
    measuring = true;
  }, THINK_MS);
  // Poisson arrivals over the first mean think time; then each acts after exponential thinks.
  await Promise.all(
    candidates.map(async (c) => {
      await sleep(Math.random() * THINK_MS);
      for (;;) {
        if (performance.now() >= stopAt) return;
        send(c);
        await sleep(exponential(THINK_MS));
      }
    }),
  );
  clearTimeout(ramp);
  const server1 = treeCpuSeconds(ctx.app.pid);
  const db1 = await backendTicks(ctx.admin, ctx.dbName);
  const client = clientCpuSeconds() - cpu0;
  await Promise.all([...inFlight]);
  latencies.sort((a, b) => a - b);
  const answers = Math.max(1, latencies.length + errors);
  return {
    n: candidates.length,
    answers: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    server: server0 === null || server1 === null ? null : (1000 * (server1 - server0)) / answers,
    db: (() => {
      const s = backendSeconds(db0, db1);
      return s === null ? null : (1000 * s) / answers;
    })(),
    client: (1000 * client) / answers,
  };
}

export async function runOpenLoop(ctx: Context) {
  const candidates = await synchronisedStart(ctx);
  const levels: Level[] = [];
  for (const n of LEVELS) {
    if (candidates.length < n) await moreCandidates(ctx, candidates, n);
    const level = await openLevel(ctx, candidates.slice(0, n));
    levels.push(level);
    console.log(
      `  ${n} candidates: ${level.answers} answers measured, p99 ${level.p99.toFixed(1)} ms`,
    );
    if (level.p99 > P99_LIMIT_MS || level.errors > 0) break;
  }
  const f = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));
  console.log(
    `\nopen loop: think time ${THINK_MS / 1000} s mean (exponential), ${WINDOW_MS / 1000} s measured per level; CPU ms per answer request`,
  );
  console.log("candidates  answers  errors   p50 ms   p95 ms   p99 ms   server  postgres  loadgen");
  for (const l of levels) {
    console.log(
      `${String(l.n).padStart(10)}  ${String(l.answers).padStart(7)}  ${String(l.errors).padStart(6)}  ${l.p50.toFixed(1).padStart(7)}  ${l.p95.toFixed(1).padStart(7)}  ${l.p99.toFixed(1).padStart(7)}  ${f(l.server).padStart(7)}  ${f(l.db).padStart(8)}  ${f(l.client).padStart(7)}`,
    );
  }
  const held = levels.filter((l) => l.p99 <= P99_LIMIT_MS && l.errors === 0).at(-1);
  console.log(
    held
      ? `Largest level held at p99 ≤ ${P99_LIMIT_MS} ms: ${held.n} concurrent candidates.`
      : `No level held p99 ≤ ${P99_LIMIT_MS} ms.`,
  );
}
