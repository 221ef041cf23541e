/**
 * `npm run bench:exam` (needs `npm run build` first): the production server on PostgreSQL, N
 * concurrent candidates each answering a 60-question CBA mock as fast as the server allows
 * (one save request per answer, sequential per candidate, as the player sends them), then checks
 * that the database holds exactly every answer sent. The same number of single-row INSERTs
 * straight through `pg` gives the raw ceiling.
 *
 *   BENCH_CANDIDATES=50,200,500 npm run bench:exam     (DATABASE_URL or an embedded PostgreSQL)
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { startMock } from "@/lib/attempts.server";
import { loadBank } from "@/lib/content/load.server";
import { createDb } from "@/lib/prisma.server";
import { openDatabase, withDatabase } from "@/scripts/lib/database";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const SIZES = (process.env.BENCH_CANDIDATES ?? "50,200,500").split(",").map(Number);
const SECRET = randomBytes(32).toString("base64url");
const ANSWERS_PER_CANDIDATE = 60;

if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const server = await openDatabase("test");
const dbName = `passmark_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = withDatabase(server.url, dbName);

const app = spawn(
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
    },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
await new Promise<void>((resolve, reject) => {
  app.stdout?.on("data", (chunk: Buffer) => {
    if (/Ready in/.test(chunk.toString())) resolve();
  });
  app.on("exit", () => reject(new Error("the server exited")));
});

const db = createDb(url);
const bank = loadBank();
const track = bank.tracks.get("cba");
if (!track) throw new Error("no cba track");
const questions = bank.questionsOf("cba");

type Row = {
  n: number;
  answers: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  stored: number;
  raw: number;
};
const rows: Row[] = [];

async function countStored(connectionString: string, ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM "AnswerEvent" WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

for (const n of SIZES) {
  // Candidates and their open mocks, created directly (sign-in cost is not what is measured).
  const candidates = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const user = await db.user.create({
        data: { email: `bench-${n}-${i}-${randomUUID()}@example.test`, name: `Bench ${i}` },
      });
      const { attemptId } = await startMock(db, { userId: user.id, track, questions });
      const items = await db.attemptQuestion.findMany({
        where: { attemptId },
        orderBy: { position: "asc" },
      });
      const token = await encode({
        token: { sub: user.id, email: user.email, name: user.name },
        secret: SECRET,
      });
      return { attemptId, items, cookie: `next-auth.session-token=${token}` };
    }),
  );

  const latencies: number[] = [];
  let errors = 0;
  const sent: string[] = [];
  const started = performance.now();
  await Promise.all(
    candidates.map(async (c) => {
      for (const item of c.items.slice(0, ANSWERS_PER_CANDIDATE)) {
        const id = randomUUID();
        const body = JSON.stringify({
          events: [
            {
              id,
              questionId: item.questionId,
              kind: "answer",
              selected: [item.optionOrder[0]],
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
          });
          const json = (await res.json()) as { accepted?: string[] };
          if (res.ok && json.accepted?.includes(id)) sent.push(id);
          else errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = await countStored(url, sent);

  // Raw ceiling: the same number of single-row INSERTs through pg, n clients in a pool of 10.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(
    `CREATE TABLE IF NOT EXISTS bench_raw (id uuid primary key, attempt text, question text, selected text[], at timestamptz)`,
  );
  const rawStart = performance.now();
  await Promise.all(
    candidates.map(async (c) => {
      for (const item of c.items.slice(0, ANSWERS_PER_CANDIDATE)) {
        await pool.query(`INSERT INTO bench_raw VALUES ($1, $2, $3, $4, now())`, [
          randomUUID(),
          c.attemptId,
          item.questionId,
          [item.optionOrder[0]],
        ]);
      }
    }),
  );
  const rawPerSecond = (n * ANSWERS_PER_CANDIDATE) / ((performance.now() - rawStart) / 1000);
  await pool.end();

  latencies.sort((a, b) => a - b);
  rows.push({
    n,
    answers: n * ANSWERS_PER_CANDIDATE,
    seconds,
    perSecond: (n * ANSWERS_PER_CANDIDATE) / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    stored,
    raw: rawPerSecond,
  });
}

app.kill("SIGTERM");
await db.$disconnect();
await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await admin.end();
await server.stop();

const f = (x: number, d = 0) => x.toFixed(d);
console.log(
  `\nexam bench: ${ANSWERS_PER_CANDIDATE} answers per candidate, one request each, node ${process.version}`,
);
console.log(
  "candidates  answers  seconds  answers/s   p50 ms   p95 ms   p99 ms  errors  stored/sent   raw pg/s  app/raw",
);
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(10)}  ${String(r.answers).padStart(7)}  ${f(r.seconds, 1).padStart(7)}  ${f(r.perSecond).padStart(9)}  ${f(r.p50, 1).padStart(7)}  ${f(r.p95, 1).padStart(7)}  ${f(r.p99, 1).padStart(7)}  ${String(r.errors).padStart(6)}  ${`${r.stored}/${r.answers - r.errors}`.padStart(11)}  ${f(r.raw).padStart(9)}  ${f(r.perSecond / r.raw, 2).padStart(7)}`,
  );
}
const lost = rows.some((r) => r.stored !== r.answers - r.errors);
if (lost) {
  console.error("LOST ANSWERS: the database does not hold every accepted answer.");
  process.exitCode = 1;
}
