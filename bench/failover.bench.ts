/**
 * `npm run bench:failover` (needs `npm run build` first): two replicas behind nginx on one
 * PostgreSQL; simulated candidates answer a CBA mock through the player's save protocol (client
 * event ids, one request in flight per candidate, batches of everything unacknowledged, the
 * retry queue's back-off from lib/exam/queue.ts). Mid-run one replica dies:
 *   round 1: `kill -9` of its server process, then a restart;
 *   round 2: SIGTERM (the graceful drain of a rolling restart), then a restart.
 * Afterwards every candidate submits, and the bench checks the database against what each
 * candidate sent and what the server acknowledged, and each attempt's stored score against the
 * score replayed from the candidate's own event log.
 *
 * Settings: FAILOVER_CANDIDATES (200), FAILOVER_ANSWERS (answers per candidate, 40),
 * FAILOVER_THINK_MS (mean think time between actions, 1500, exponential), FAILOVER_DISRUPT_S
 * (when the replica dies, 15), FAILOVER_PORT (nginx, 3330; replicas on the next two ports),
 * DATABASE_URL (else the embedded test PostgreSQL).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import {
  type Replica,
  serverPid,
  startNginx,
  startReplica,
  stopReplica,
  waitFor200,
} from "@/deploy/cluster";
import { loadBank } from "@/lib/content/load.server";
import type { OptionKey } from "@/lib/content/types";
import { startMock } from "@/lib/exam/attempts.server";
import { gradeAttempt, type StoredEvent } from "@/lib/exam/derive";
import { optionIdCodec, optionIdSecret } from "@/lib/exam/option-ids";
import {
  interpretEventsResponse,
  type QueuedEvent,
  removeIds,
  retryDelay,
  takeBatch,
} from "@/lib/exam/queue";
import { createDb } from "@/lib/prisma.server";
import { openDatabase, withDatabase } from "@/scripts/lib/database";

const ROOT = path.resolve(import.meta.dirname, "..");
const CANDIDATES = Number(process.env.FAILOVER_CANDIDATES ?? 200);
const ANSWERS = Number(process.env.FAILOVER_ANSWERS ?? 40);
const THINK_MS = Number(process.env.FAILOVER_THINK_MS ?? 1500);
const DISRUPT_MS = Number(process.env.FAILOVER_DISRUPT_S ?? 15) * 1000;
const PORT = Number(process.env.FAILOVER_PORT ?? 3330);
const BASE = `http://127.0.0.1:${PORT}`;
const REQUEST_TIMEOUT_MS = 15_000; // the player's (components/exam-player/save-queue.ts)
const SECRET = randomBytes(32).toString("base64url");

if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => -Math.log(1 - Math.random()) * THINK_MS;

type Candidate = {
  attemptId: string;
  cookie: string;
  items: { questionId: string; optionOrder: string[] }[];
  idOf: (questionId: string, key: OptionKey) => string;
  /** Every event this candidate created, in order, with its option keys (for the replay). */
  log: { event: QueuedEvent; keys: string[]; createdAt: number }[];
  acked: Set<string>;
  waits: number[];
  submitted: boolean;
  /** What the candidate is doing now (printed when a round runs long). */
  phase: string;
};

async function inBatches<T>(n: number, width: number, task: (i: number) => Promise<T>) {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function post(url: string, cookie: string, body?: string) {
  // A timer of our own, as the player has (an AbortSignal.timeout nobody holds may be collected).
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: BASE },
      ...(body ? { body } : {}),
      signal: controller.signal,
    });
    const json: unknown = await res.json().catch(() => null);
    return { status: res.status, json };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** One candidate: think, act, queue, send as the player does; then drain the queue and submit. */
async function candidateRun(c: Candidate) {
  let queue: QueuedEvent[] = [];
  let sending: Promise<void> | null = null;
  let failures = 0;
  const url = `${BASE}/api/attempts/${c.attemptId}/events`;

  async function sendAll() {
    while (queue.length > 0) {
      const batch = takeBatch(queue);
      const response = await post(url, c.cookie, JSON.stringify({ events: batch }));
      const outcome = response
        ? interpretEventsResponse(response.status, response.json)
        : ({ kind: "retry" } as const);
      if (outcome.kind === "acked") {
        const now = performance.now();
        for (const id of outcome.done) {
          if (c.acked.has(id)) continue;
          c.acked.add(id);
          const entry = c.log.find((e) => e.event.id === id);
          if (entry) c.waits.push(now - entry.createdAt);
        }
        queue = removeIds(queue, outcome.done);
        failures = 0;
        if (!batch.every((e) => outcome.done.includes(e.id))) {
          await sleep(retryDelay(1));
        }
      } else if (outcome.kind === "retry") {
        failures += 1;
        await sleep(retryDelay(failures));
      } else {
        throw new Error(`save refused: ${JSON.stringify(outcome)}`);
      }
    }
  }
  const flush = () => {
    sending ??= sendAll().finally(() => {
      sending = null;
    });
    return sending;
  };
  const push = (event: QueuedEvent, keys: string[]) => {
    c.log.push({ event, keys, createdAt: performance.now() });
    queue.push(event);
    void flush();
  };

  const answered: number[] = [];
  for (let k = 0; k < ANSWERS && k < c.items.length; k++) {
    c.phase = "answering";
    await sleep(think());
    // Proportions of the player: every answer follows a visit; about one in eight is a change of
    // an earlier answer, one in ten comes with a flag.
    const change = answered.length > 0 && Math.random() < 0.125;
    const index = change ? (answered[Math.floor(Math.random() * answered.length)] as number) : k;
    const item = c.items[index] as Candidate["items"][number];
    const at = () => new Date().toISOString();
    push({ id: randomUUID(), questionId: item.questionId, kind: "visit", at: at() }, []);
    const key = item.optionOrder[Math.floor(Math.random() * item.optionOrder.length)] as OptionKey;
    push(
      {
        id: randomUUID(),
        questionId: item.questionId,
        kind: "answer",
        selected: [c.idOf(item.questionId, key)],
        at: at(),
      },
      [key],
    );
    if (!change) answered.push(index);
    if (Math.random() < 0.1) {
      push(
        { id: randomUUID(), questionId: item.questionId, kind: "flag", flagged: true, at: at() },
        [],
      );
    }
  }
  c.phase = "draining the queue";
  while (queue.length > 0) await flush();
  // Submit, retried like a save (a second submit answers 409 "already closed").
  for (let tries = 1; tries <= 20; tries++) {
    c.phase = `submitting (try ${tries})`;
    const res = await post(`${BASE}/api/attempts/${c.attemptId}/submit`, c.cookie);
    if (res && (res.status === 200 || res.status === 409)) {
      c.submitted = true;
      c.phase = "done";
      return;
    }
    c.phase = `submit failed (${res?.status ?? "network"}), backing off`;
    await sleep(retryDelay(tries));
  }
}

const server = await openDatabase("test");
const dbName = `passmark_failover_${Date.now()}`;
const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = withDatabase(server.url, dbName);
const db = createDb(url);
const runDir = mkdtempSync(path.join(tmpdir(), "passmark-failover-"));
chmodSync(runDir, 0o755); // nginx's unprivileged workers reach their temp dirs through it
const replicaEnv = {
  DATABASE_URL: url,
  NEXTAUTH_SECRET: SECRET,
  NEXTAUTH_URL: BASE,
  PASSMARK_ALLOW_HTTP: "1",
  TRUST_PROXY: "1",
  PASSMARK_REQUEST_LOG: "0",
};
const replicas: Replica[] = [];
const launch = (i: number) => {
  const name = `r${i + 1}`;
  replicas[i] = startReplica({
    name,
    port: PORT + 1 + i,
    env: replicaEnv,
    onLine: (line) => {
      if (/error|drain|stopped|Ready in/i.test(line)) console.log(`  [${name}] ${line}`);
    },
  });
  return replicas[i] as Replica;
};
const ready = (r: Replica) =>
  waitFor200(`http://127.0.0.1:${r.port}/api/health/ready`, 240_000, r.exited);
const nginx = startNginx({
  dir: path.join(runDir, "nginx"),
  listen: `127.0.0.1:${PORT}`,
  upstreams: [PORT + 1, PORT + 2].map((p) => `127.0.0.1:${p}`),
});

type Report = {
  round: string;
  sent: number;
  acknowledged: number;
  stored: number;
  ackedLost: number;
  neverStored: number;
  duplicates: number;
  longestWaitMs: number;
  p99WaitMs: number;
  scoreMismatches: number;
  notSubmitted: number;
  seconds: number;
};
const reports: Report[] = [];

try {
  await Promise.all([ready(launch(0)), ready(launch(1))]);
  console.log("Both replicas ready; creating the candidates…");
  const bank = loadBank();
  const track = bank.tracks.get("cba");
  if (!track) throw new Error("no cba track");

  for (const round of ["kill -9", "SIGTERM"] as const) {
    const candidates: Candidate[] = await inBatches(CANDIDATES, 8, async (i) => {
      const user = await db.user.create({
        data: { email: `failover-${i}-${randomUUID()}@example.test`, name: `Failover ${i}` },
      });
      const { attemptId } = await startMock(db, { userId: user.id, track, bank });
      const items = await db.attemptQuestion.findMany({
        where: { attemptId },
        orderBy: { position: "asc" },
        select: { questionId: true, optionOrder: true },
      });
      const token = await encode({ token: { sub: user.id, sv: 0 }, secret: SECRET });
      const codec = optionIdCodec(optionIdSecret(SECRET), attemptId);
      return {
        attemptId,
        cookie: `next-auth.session-token=${token}`,
        items,
        idOf: codec.idOf,
        log: [],
        acked: new Set<string>(),
        waits: [],
        submitted: false,
        phase: "created",
      };
    });
    console.log(`Round "${round}": ${CANDIDATES} candidates, ${ANSWERS} answers each`);
    const started = performance.now();
    const disruption = (async () => {
      await sleep(DISRUPT_MS);
      const index = round === "kill -9" ? 0 : 1;
      const victim = replicas[index] as Replica;
      if (round === "kill -9") {
        const pid = serverPid(victim);
        console.log(
          `  ${((performance.now() - started) / 1000).toFixed(1)} s: kill -9 ${victim.name} (pid ${pid})`,
        );
        if (pid) process.kill(pid, "SIGKILL");
        await victim.exited;
        await sleep(2000);
      } else {
        console.log(
          `  ${((performance.now() - started) / 1000).toFixed(1)} s: SIGTERM ${victim.name}`,
        );
        await stopReplica(victim);
      }
      console.log(
        `  ${((performance.now() - started) / 1000).toFixed(1)} s: restarting ${victim.name}`,
      );
      await ready(launch(index));
      console.log(
        `  ${((performance.now() - started) / 1000).toFixed(1)} s: ${victim.name} ready again`,
      );
    })();
    const watchdog = setInterval(() => {
      const phases = new Map<string, number>();
      for (const c of candidates) phases.set(c.phase, (phases.get(c.phase) ?? 0) + 1);
      console.log(
        `  ${((performance.now() - started) / 1000).toFixed(0)} s: ${[...phases].map(([p, n]) => `${n} ${p}`).join(", ")}`,
      );
    }, 20_000);
    await Promise.all([...candidates.map(candidateRun), disruption]).finally(() =>
      clearInterval(watchdog),
    );
    const seconds = (performance.now() - started) / 1000;

    // The database against the candidates' own logs.
    const attemptIds = candidates.map((c) => c.attemptId);
    const sentIds = candidates.flatMap((c) => c.log.map((e) => e.event.id));
    const ackedIds = candidates.flatMap((c) => [...c.acked]);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const storedRows = await check.query<{ id: string }>(
      `SELECT id::text FROM "AnswerEvent" WHERE "attemptId" = ANY($1::text[]) AND kind <> 'check'`,
      [attemptIds],
    );
    const stored = new Set(storedRows.rows.map((r) => r.id));
    const attempts = await check.query<{ id: string; correctCount: number | null }>(
      `SELECT id, "correctCount" FROM "Attempt" WHERE id = ANY($1::text[])`,
      [attemptIds],
    );
    const questions = await check.query<{
      attemptId: string;
      questionId: string;
      questionHash: string;
    }>(
      `SELECT "attemptId", "questionId", "questionHash" FROM "AttemptQuestion" WHERE "attemptId" = ANY($1::text[])`,
      [attemptIds],
    );
    await check.end();
    const correctOf = new Map(attempts.rows.map((a) => [a.id, a.correctCount]));
    let scoreMismatches = 0;
    for (const c of candidates) {
      const events: StoredEvent[] = c.log.map((e, i) => ({
        questionId: e.event.questionId,
        kind: e.event.kind,
        selected: e.keys,
        flagged: e.event.kind === "flag" ? e.event.flagged : null,
        answeredAt: new Date(e.event.at),
        sequence: i,
      }));
      const replay = gradeAttempt(
        {
          events,
          deadline: null,
          questions: questions.rows.filter((q) => q.attemptId === c.attemptId),
        },
        bank,
        track,
      );
      if (replay.score.correct !== correctOf.get(c.attemptId)) scoreMismatches += 1;
    }
    const waits = candidates.flatMap((c) => c.waits).sort((a, b) => a - b);
    reports.push({
      round,
      sent: sentIds.length,
      acknowledged: ackedIds.length,
      stored: sentIds.filter((id) => stored.has(id)).length,
      ackedLost: ackedIds.filter((id) => !stored.has(id)).length,
      neverStored: sentIds.filter((id) => !stored.has(id)).length,
      // Rows for these attempts beyond the events sent, each stored once: a retried event can
      // only be stored once (its id is the primary key), so this counts any other extra row.
      duplicates: storedRows.rows.length - sentIds.filter((id) => stored.has(id)).length,
      longestWaitMs: waits.at(-1) ?? 0,
      p99WaitMs: waits[Math.floor(0.99 * (waits.length - 1))] ?? 0,
      scoreMismatches,
      notSubmitted: candidates.filter((c) => !c.submitted).length,
      seconds,
    });
  }
} catch (error) {
  console.error(`The bench stopped: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await Promise.all(replicas.map((r) => stopReplica(r)));
  await nginx.stop();
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  await server.stop();
}

console.log(
  `\nfailover bench: 2 replicas behind nginx, ${CANDIDATES} candidates × ${ANSWERS} answers ` +
    `(plus visits and flags), think time ${THINK_MS} ms mean, replica down at ${DISRUPT_MS / 1000} s`,
);
console.log(
  "round     events sent  acknowledged  stored  acked-but-lost  never-stored  duplicates  longest wait  p99 wait  score≠replay  not submitted  seconds",
);
for (const r of reports) {
  console.log(
    `${r.round.padEnd(8)}  ${String(r.sent).padStart(11)}  ${String(r.acknowledged).padStart(12)}  ${String(r.stored).padStart(6)}  ${String(r.ackedLost).padStart(14)}  ${String(r.neverStored).padStart(12)}  ${String(r.duplicates).padStart(10)}  ${`${(r.longestWaitMs / 1000).toFixed(2)} s`.padStart(12)}  ${`${(r.p99WaitMs / 1000).toFixed(2)} s`.padStart(8)}  ${String(r.scoreMismatches).padStart(12)}  ${String(r.notSubmitted).padStart(13)}  ${r.seconds.toFixed(1).padStart(7)}`,
  );
}
if (
  reports.some(
    (r) => r.ackedLost + r.neverStored + r.duplicates + r.scoreMismatches + r.notSubmitted > 0,
  )
) {
  console.error("FAILOVER CHECK FAILED: see the table above.");
  process.exitCode = 1;
}
if (reports.length < 2) process.exitCode = 1;
