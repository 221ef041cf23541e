/**
 * `npm run bench:dashboard`: the server work of a track dashboard for a user with 200 attempts
 * (40 mocks of 60 questions, 160 practice sessions of 20: 5,600 graded questions), against the
 * same work done the old way (every attempt's events loaded and replayed). Both run in the same
 * process, on the same database, interleaved; medians of RUNS runs. The target: ≤ 100 ms.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { loadBank } from "@/lib/content/load.server";
import { deriveState } from "@/lib/exam/derive";
import { migrate } from "@/lib/migrations.server";
import { createDb } from "@/lib/prisma.server";
import { progressOf } from "@/lib/progress/dashboard";
import { populationFacility } from "@/lib/progress/population.server";
import { loadProgress } from "@/lib/progress.server";
import { syncQuestions } from "@/lib/questions.server";
import { openDatabase, withDatabase } from "@/scripts/lib/database";

const RUNS = Number(process.env.RUNS ?? 20);
const ROOT = path.resolve(import.meta.dirname, "..");
const server = await openDatabase("test");
const dbName = `passmark_bench_dash_${Date.now()}`;
const admin = new pg.Client({ connectionString: withDatabase(server.url, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = withDatabase(server.url, dbName);
const db = createDb(url);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

try {
  await migrate({ connectionString: url, dir: path.join(ROOT, "prisma/migrations") });
  const bank = loadBank();
  await syncQuestions(db, bank.questions);
  const track = bank.tracks.get("cba");
  if (!track) throw new Error("no cba track");
  const questions = bank.questionsOf("cba");
  const user = await db.user.create({ data: { email: `dash-${randomUUID()}@example.test` } });
  const day = 86_400_000;
  const t0 = Date.now() - 200 * day;
  for (let i = 0; i < 200; i++) {
    const mock = i % 5 === 0;
    const n = mock ? 60 : 20;
    const at = new Date(t0 + i * day);
    const picked = Array.from(
      { length: n },
      (_, k) => questions[(i * 37 + k * 11) % questions.length],
    );
    const unique = [...new Map(picked.map((q) => [q?.id, q])).values()].filter(
      (q) => q !== undefined,
    );
    const attempt = await db.attempt.create({
      data: {
        userId: user.id,
        trackId: "cba",
        mode: mock ? "mock" : "practice",
        status: "submitted",
        seed: i,
        isBaseline: i === 0,
        startedAt: at,
        submittedAt: new Date(at.getTime() + 3_600_000),
        scorePercent: 70,
        passed: false,
        questions: {
          create: unique.map((q, position) => ({
            position: position + 1,
            questionId: q.id,
            questionHash: q.hash,
            optionOrder: q.options.map((o) => o.key),
            correct: (position + i) % 3 !== 0,
            answered: true,
            gradedHash: q.hash,
            respondedAt: new Date(at.getTime() + position * 60_000),
          })),
        },
      },
    });
    // The event log such a history leaves behind (what the old dashboard replayed).
    await db.answerEvent.createMany({
      data: unique.flatMap((q, position) =>
        [0, 1, 2].map((k) => ({
          id: randomUUID(),
          attemptId: attempt.id,
          questionId: q.id,
          kind: k === 2 ? ("visit" as const) : ("answer" as const),
          selected: k === 2 ? [] : [q.options[(position + k) % q.options.length]?.key ?? "A"],
          answeredAt: new Date(at.getTime() + position * 60_000 + k * 1000),
        })),
      ),
    });
  }
  const graded = await db.attemptQuestion.count();
  const events = await db.answerEvent.count();

  const now = async () => {
    const t = performance.now();
    const [evidence, prior] = await Promise.all([
      loadProgress(db, user.id, track, bank),
      populationFacility(db, track, bank, Date.now() + Math.random() * 1e12),
    ]);
    progressOf({ track, bank, evidence, priorFacility: prior });
    return performance.now() - t;
  };
  const before = async () => {
    const t = performance.now();
    const attempts = await db.attempt.findMany({
      where: { userId: user.id, trackId: "cba" },
      include: {
        questions: { select: { questionId: true } },
        events: { where: { kind: { in: ["answer", "check"] } }, orderBy: { sequence: "asc" } },
      },
    });
    for (const a of attempts) deriveState(a);
    return performance.now() - t;
  };
  const times = { now: [] as number[], before: [] as number[] };
  await now();
  await before();
  for (let r = 0; r < RUNS; r++) {
    times.now.push(await now());
    times.before.push(await before());
  }
  const n = median(times.now);
  const b = median(times.before);
  console.log(`User with 200 attempts: ${graded} graded questions, ${events} events.`);
  console.log("| dashboard server work | median ms | max ms |");
  console.log("|---|---|---|");
  console.log(
    `| now: stored grades + forecast (4,000 simulated exams) + population prior (uncached) | ${n.toFixed(1)} | ${Math.max(...times.now).toFixed(1)} |`,
  );
  console.log(
    `| before: load and replay every event (loading alone, no analytics) | ${b.toFixed(1)} | ${Math.max(...times.before).toFixed(1)} |`,
  );
  console.log(
    `ratio now/before: ${(n / b).toFixed(2)}; target ≤ 100 ms: ${n <= 100 ? "met" : "NOT met"}`,
  );
} finally {
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  await server.stop();
}
