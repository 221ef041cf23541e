/**
 * `npm run bench:stats`: item statistics (lib/analytics/item-stats.server.ts) for 1,000
 * questions over 200,000 counted responses, timed end to end: the check for newly graded
 * responses, the SQL that picks first responses, the cursor, the accumulators. Budget: 2 s per
 * computation (issue 13). The one-time derivation of the graded responses from the 424,000
 * events is timed and reported separately.
 *
 * A throwaway database on DATABASE_URL's server (or an embedded PostgreSQL) is migrated and filled
 * in SQL, deterministically (setseed): 3,600 closed 50-question mocks and 400 practice sessions
 * of 50 checked questions, one user each, with a visit and an answer per question and a flag on
 * about 5%. Settings: BENCH_RUNS (5).
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { computeItemStats, recordResponses } from "@/lib/analytics/item-stats.server";
import { migrate } from "@/lib/migrations.server";
import { createDb } from "@/lib/prisma.server";
import { openDatabase, withDatabase } from "@/scripts/lib/database";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_MS = 2_000;
const QUESTIONS = 1_000;
const MOCKS = 3_600;
const PRACTICES = 400;
const PER_ATTEMPT = 50;

const FILL = `
SELECT setseed(0.42);
INSERT INTO "User" (id, email, role)
  SELECT 'u' || i, 'u' || i || '@bench.test', 'learner' FROM generate_series(1, ${MOCKS + PRACTICES}) i;
INSERT INTO "Question" (id, "trackId", domain, "currentHash")
  SELECT 'q' || i, 'bench', 'd' || (i % 5), 'h' || i FROM generate_series(1, ${QUESTIONS}) i;
INSERT INTO "QuestionVersion" ("questionId", hash, "correctKeys")
  SELECT 'q' || i, 'h' || i, ARRAY[(ARRAY['A','B','C','D'])[1 + i % 4]] FROM generate_series(1, ${QUESTIONS}) i;
INSERT INTO "Attempt" (id, "userId", "trackId", mode, status, seed, "startedAt", deadline, "submittedAt")
  SELECT 'a' || i, 'u' || i, 'bench',
    (CASE WHEN i <= ${MOCKS} THEN 'mock' ELSE 'practice' END)::"AttemptMode", 'submitted', i,
    timestamp '2026-12-01' + i * interval '1 minute',
    CASE WHEN i <= ${MOCKS} THEN timestamp '2026-12-01' + i * interval '1 minute' + interval '90 minutes' END,
    timestamp '2026-12-01' + i * interval '1 minute' + interval '80 minutes'
  FROM generate_series(1, ${MOCKS + PRACTICES}) i;
-- Question k of attempt i: 50 distinct questions per attempt, every question used.
INSERT INTO "AttemptQuestion" ("attemptId", position, "questionId", "questionHash", "optionOrder")
  SELECT 'a' || i, k, 'q' || q, 'h' || q, '{A,B,C,D}'
  FROM generate_series(1, ${MOCKS + PRACTICES}) i, generate_series(1, ${PER_ATTEMPT}) k,
    LATERAL (SELECT ((i * 7 + k * 20) % ${QUESTIONS}) + 1 AS q) s;
CREATE TEMP TABLE shown AS
  SELECT aq."attemptId", aq."questionId", aq.position, a."startedAt", a.mode,
    qv."correctKeys"[1] AS key,
    -- ability of the candidate and difficulty of the question, both in (0, 1)
    (hashtext(a."userId") & 1023) / 1024.0 AS ability, (hashtext(aq."questionId") & 1023) / 1024.0 AS difficulty
  FROM "AttemptQuestion" aq JOIN "Attempt" a ON a.id = aq."attemptId"
  JOIN "QuestionVersion" qv ON qv."questionId" = aq."questionId" AND qv.hash = aq."questionHash";
INSERT INTO "AnswerEvent" (id, "attemptId", "questionId", kind, selected, "answeredAt")
  SELECT gen_random_uuid(), "attemptId", "questionId", 'visit', '{}', "startedAt" + position * interval '90 seconds'
  FROM shown;
CREATE TEMP TABLE chosen AS
  SELECT s.*, CASE
    WHEN random() < 0.2 + 0.6 * (ability - difficulty + 1) / 2 THEN key
    ELSE (ARRAY['A','B','C','D'])[1 + floor(random() * 4)::int] END AS choice
  FROM shown s WHERE s.mode = 'practice' OR random() < 0.97;
INSERT INTO "AnswerEvent" (id, "attemptId", "questionId", kind, selected, "answeredAt")
  SELECT gen_random_uuid(), "attemptId", "questionId", 'answer', ARRAY[choice], "startedAt" + position * interval '90 seconds' + interval '40 seconds'
  FROM chosen;
INSERT INTO "AnswerEvent" (id, "attemptId", "questionId", kind, selected, "answeredAt")
  SELECT gen_random_uuid(), "attemptId", "questionId", 'check', ARRAY[choice], "startedAt" + position * interval '90 seconds' + interval '50 seconds'
  FROM chosen WHERE mode = 'practice';
INSERT INTO "AnswerEvent" (id, "attemptId", "questionId", kind, selected, flagged, "answeredAt")
  SELECT gen_random_uuid(), "attemptId", "questionId", 'flag', '{}', true, "startedAt" + position * interval '90 seconds' + interval '60 seconds'
  FROM shown WHERE random() < 0.05;
ANALYZE;
`;

const server = await openDatabase("test");
const adminUrl = withDatabase(server.url, "postgres");
const dbName = `passmark_bench_stats_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = withDatabase(server.url, dbName);
const db = createDb(url);
try {
  await migrate({
    connectionString: url,
    dir: path.resolve(import.meta.dirname, "../prisma/migrations"),
  });
  const fillStart = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(FILL);
  const counts = await client.query<{ events: string; shown: string }>(
    `SELECT (SELECT count(*) FROM "AnswerEvent") AS events, (SELECT count(*) FROM "AttemptQuestion") AS shown`,
  );
  await client.end();
  console.log(
    `filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s: ${counts.rows[0]?.shown} questions shown, ${counts.rows[0]?.events} events`,
  );

  // Once: every graded response is derived from the events into ItemResponse (what the first
  // statistics after a deployment pay; afterwards only newly graded responses are added).
  const recordStart = performance.now();
  const recorded = await recordResponses(db, "bench");
  console.log(
    `recorded ${recorded} graded responses from the events in ${(performance.now() - recordStart).toFixed(0)} ms (once)`,
  );

  const timings: number[] = [];
  let responses = 0;
  let items = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const stats = await computeItemStats(db, { trackId: "bench" });
    timings.push(performance.now() - start);
    responses = stats.reduce((sum, s) => sum + s.n, 0);
    items = stats.length;
  }
  // What every author page view pays before it can use the cache: nothing new to record.
  const noop: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    await recordResponses(db, "bench");
    await db.itemResponse.count({ where: { trackId: "bench" } });
    noop.push(performance.now() - start);
  }
  console.log(`cache check with nothing new (ms): ${noop.map((t) => t.toFixed(0)).join(", ")}`);
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`${items} question versions, ${responses} counted responses`);
  console.log(`runs (ms): ${timings.map((t) => t.toFixed(0)).join(", ")}`);
  console.log(`median ${median.toFixed(0)} ms, budget ${BUDGET_MS} ms`);
  if (responses !== (MOCKS + PRACTICES) * PER_ATTEMPT || items !== QUESTIONS) {
    console.error("unexpected data size");
    process.exitCode = 1;
  } else if (median > BUDGET_MS) {
    console.error("OVER BUDGET");
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
  if (process.env.BENCH_KEEP) console.log(`kept ${url}`);
  else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  await server.stop();
}
