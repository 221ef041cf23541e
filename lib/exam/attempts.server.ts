import { randomInt } from "node:crypto";
import type { Bank, Track } from "@/lib/content/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/prisma.server";
import { addMisses } from "@/lib/review-deck.server";
import { deadlineFor, isExpired } from "./deadline";
import { deriveState, gradeAttempt } from "./derive";
import { openMockQuestionIds } from "./open-mocks.server";
import { historyOf, sampleDrill, samplePractice } from "./practice";
import { type MockItem, sampleMock } from "./sampling";

/**
 * Attempts: start, load, close. Every function takes the user id and answers `null` (or
 * not-found) for an attempt that does not exist or is not theirs (→ 404). Saving events lives in
 * saving.server.ts, immediate feedback in checks.server.ts, regrades in regrade.server.ts.
 *
 * Closing and saving are serialised on the attempt's row: a close takes `FOR UPDATE`, every save
 * `FOR KEY SHARE` (see saving.server.ts). An acknowledged answer is therefore either in the score
 * or refused, and two closes at once make one close.
 */

export type Tx = Prisma.TransactionClient;

export type StartResult = { attemptId: string; resumed: boolean; isBaseline: boolean };

const questionRows = (items: readonly MockItem[], bank: Pick<Bank, "byId">) =>
  items.map((item, index) => ({
    position: index + 1,
    questionId: item.questionId,
    questionHash: bank.byId.get(item.questionId)?.hash ?? "",
    optionOrder: item.optionOrder,
  }));

/**
 * A class pressing "Start" together sends hundreds of starts at once. Each start is an
 * interactive transaction; hundreds of them waiting for a pool of 10 ran past Prisma's 2 s
 * `maxWait` (P2028). So a process runs at most START_CONCURRENCY starts at a time and the others
 * wait their turn in order, in memory, holding no connection: the pool stays free for saves, and
 * a start's connection wait stays short (START_QUEUE_WAIT_MS is its bound, not its usual wait).
 */
export const START_CONCURRENCY = 4;
export const START_QUEUE_WAIT_MS = 15_000;

let startsRunning = 0;
const startsWaiting: (() => void)[] = [];

async function inStartQueue<T>(task: () => Promise<T>): Promise<T> {
  if (startsRunning < START_CONCURRENCY) startsRunning += 1;
  else await new Promise<void>((resolve) => startsWaiting.push(resolve));
  try {
    return await task();
  } finally {
    // Hand the slot to the next start in line, or free it.
    const next = startsWaiting.shift();
    if (next) next();
    else startsRunning -= 1;
  }
}

/**
 * Starts a timed mock at the track's blueprint, or resumes the user's open one (at most one open
 * mock per track: the check and the insert run under a per-user-and-track advisory lock).
 */
export async function startMock(
  db: Db,
  input: {
    userId: string;
    track: Track;
    bank: Bank;
    now?: Date;
    count?: number;
    durationMinutes?: number;
  },
): Promise<StartResult> {
  const now = input.now ?? new Date();
  const { userId, track, bank } = input;
  return inStartQueue(() => startMockTx(db, { userId, track, bank, now, input }));
}

async function startMockTx(
  db: Db,
  {
    userId,
    track,
    bank,
    now,
    input,
  }: {
    userId: string;
    track: Track;
    bank: Bank;
    now: Date;
    input: { count?: number; durationMinutes?: number };
  },
): Promise<StartResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mock:${userId}:${track.id}`}))`;
      const open = await tx.attempt.findFirst({
        where: { userId, trackId: track.id, mode: "mock", status: "in_progress" },
        select: { id: true, deadline: true, isBaseline: true },
      });
      if (open && !isExpired(now, open.deadline)) {
        return { attemptId: open.id, resumed: true, isBaseline: open.isBaseline };
      }
      if (open) await closeAttemptTx(tx, open.id, bank, now);

      // Fresh questions first, then those seen longest ago (any mode counts as seen).
      const seen = await tx.$queryRaw<{ questionId: string; at: Date }[]>`
        SELECT aq."questionId", max(a."startedAt") AS at
          FROM "AttemptQuestion" aq JOIN "Attempt" a ON a.id = aq."attemptId"
         WHERE a."userId" = ${userId} AND a."trackId" = ${track.id}
         GROUP BY aq."questionId"`;
      const mocksBefore = await tx.attempt.count({
        where: { userId, trackId: track.id, mode: "mock", status: { not: "abandoned" } },
      });
      const seed = randomInt(0, 2 ** 31 - 1);
      const sample = sampleMock({
        track,
        questions: bank.questionsOf(track.id),
        seed,
        lastSeen: new Map(seen.map((r) => [r.questionId, r.at])),
        ...(input.count ? { count: input.count } : {}),
      });
      const attempt = await tx.attempt.create({
        data: {
          userId,
          trackId: track.id,
          mode: "mock",
          seed,
          isBaseline: mocksBefore === 0,
          startedAt: now,
          deadline: deadlineFor(now, input.durationMinutes ?? track.durationMinutes),
          questions: { create: questionRows(sample.items, bank) },
        },
        select: { id: true, isBaseline: true },
      });
      return { attemptId: attempt.id, resumed: false, isBaseline: attempt.isBaseline };
    },
    { maxWait: START_QUEUE_WAIT_MS, timeout: 30_000 },
  );
}

/**
 * Starts an untimed practice session or domain drill (immediate feedback) on the chosen domains.
 * Practice prefers questions not seen in the user's recent attempts; a drill prefers questions
 * whose latest graded answer was wrong, then questions never answered. Questions of the user's
 * open mocks are never included.
 */
export async function startPractice(
  db: Db,
  input: {
    userId: string;
    track: Track;
    bank: Bank;
    mode: "practice" | "drill";
    domains: readonly string[];
    count: number;
    now?: Date;
  },
): Promise<{ attemptId: string; count: number }> {
  const now = input.now ?? new Date();
  const { userId, track, bank } = input;
  const seed = randomInt(0, 2 ** 31 - 1);
  const inMock = await openMockQuestionIds(db, userId, now);
  const questions = bank.questionsOf(track.id).filter((q) => !inMock.has(q.id));
  let items: MockItem[];
  if (input.mode === "practice") {
    const recent = await db.attemptQuestion.findMany({
      where: { attempt: { userId, trackId: track.id, startedAt: { gte: daysBefore(now, 14) } } },
      select: { questionId: true },
    });
    items = samplePractice({
      questions,
      domains: input.domains,
      count: input.count,
      seed,
      recentlySeen: new Set(recent.map((r) => r.questionId)),
    });
  } else {
    const graded = await gradedHistory(db, userId, track.id);
    items = sampleDrill({
      questions,
      domains: input.domains,
      count: input.count,
      seed,
      history: historyOf(graded),
    });
  }
  const attempt = await db.attempt.create({
    data: {
      userId,
      trackId: track.id,
      mode: input.mode,
      seed,
      startedAt: now,
      deadline: null,
      domains: [...input.domains],
      questions: { create: questionRows(items, bank) },
    },
    select: { id: true },
  });
  return { attemptId: attempt.id, count: items.length };
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Every graded answer of the user on a track: each question of a closed attempt, and each
 * checked question of an open practice or drill, as stored when it was closed or checked.
 */
async function gradedHistory(db: Db, userId: string, trackId: string) {
  const rows = await db.attemptQuestion.findMany({
    where: { attempt: { userId, trackId }, correct: { not: null } },
    select: {
      questionId: true,
      correct: true,
      attempt: { select: { submittedAt: true, startedAt: true } },
    },
  });
  return rows.map((r) => ({
    questionId: r.questionId,
    correct: r.correct === true,
    at: r.attempt.submittedAt ?? r.attempt.startedAt,
  }));
}

const attemptInclude = {
  questions: {
    orderBy: { position: "asc" },
    include: { version: { select: { optionHashes: true } } },
  },
  events: { orderBy: { sequence: "asc" } },
  regrades: { orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.AttemptInclude;

export type LoadedAttempt = Prisma.AttemptGetPayload<{ include: typeof attemptInclude }>;

function findAttempt(db: Db, userId: string, attemptId: string) {
  return db.attempt.findFirst({ where: { id: attemptId, userId }, include: attemptInclude });
}

/** The attempt with its questions and events; closes it first when its time has run out. */
export async function loadAttempt(
  db: Db,
  userId: string,
  attemptId: string,
  bank: Bank,
  now: Date = new Date(),
): Promise<LoadedAttempt | null> {
  const attempt = await findAttempt(db, userId, attemptId);
  if (!attempt) return null;
  if (attempt.status === "in_progress" && isExpired(now, attempt.deadline)) {
    await closeAttempt(db, attempt.id, bank, now);
    return findAttempt(db, userId, attemptId);
  }
  return attempt;
}

/** Closes an open attempt in its own transaction (see closeAttemptTx). */
export function closeAttempt(db: Db, attemptId: string, bank: Bank, now: Date) {
  return db.$transaction((tx) => closeAttemptTx(tx, attemptId, bank, now), {
    maxWait: 15_000,
    timeout: 30_000,
  });
}

/**
 * Closes an open attempt with its score: `submitted` before the deadline, `expired` from it on,
 * `abandoned` when the candidate discards it (graded for its review, but it feeds neither the
 * review deck nor readiness nor the mock trend: see ADR 0016).
 * Locks the attempt's row first, so saves wait (and are then refused), and a second close finds
 * the attempt closed and changes nothing: one close, one set of misses in the review deck.
 * Stores each question's grade, which every page reads.
 */
export async function closeAttemptTx(
  tx: Tx,
  attemptId: string,
  bank: Bank,
  now: Date,
  options: { abandon?: boolean } = {},
) {
  const locked = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
  if (locked[0]?.status !== "in_progress") return false;
  const attempt = await tx.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: {
      questions: { include: { version: { select: { optionHashes: true } } } },
      events: { orderBy: { sequence: "asc" } },
    },
  });
  const track = bank.tracks.get(attempt.trackId);
  if (!track) return false;
  const { graded, score } = gradeAttempt(attempt, bank, track);
  // Closed at or after the deadline (a time-up submission arrives during the grace period):
  // the attempt ran out of time and is closed as of its deadline.
  const expired = attempt.deadline !== null && now.getTime() >= attempt.deadline.getTime();
  const closedAt = expired && attempt.deadline ? attempt.deadline : now;
  const abandoned = options.abandon === true && !expired;
  // Every answered question that was wrong goes into the spaced-review deck (a checked one
  // went in when it was checked).
  const { checked } = deriveState(attempt);
  const misses = [...graded].flatMap(([questionId, g]) =>
    g && !checked.has(questionId) && g.selected.length > 0 && !g.correct
      ? [{ questionId, at: closedAt }]
      : [],
  );
  if (!abandoned) await addMisses(tx, attempt.userId, misses);
  await storeGrades(tx, attemptId, graded, closedAt);
  await tx.attempt.update({
    where: { id: attemptId },
    data: {
      status: abandoned ? "abandoned" : expired ? "expired" : "submitted",
      submittedAt: closedAt,
      correctCount: score.correct,
      scorePercent: score.percent,
      scaledEstimate: score.scaledEstimate,
      passed: score.passed,
    },
  });
  return true;
}

/**
 * Writes each question's grade, whether it was answered, and the version it was graded against,
 * in one statement. `at` dates responses not dated yet (a check keeps its own time).
 */
export async function storeGrades(
  tx: Tx,
  attemptId: string,
  graded: ReadonlyMap<
    string,
    { correct: boolean; gradedHash: string; selected: readonly string[] } | null
  >,
  at: Date,
) {
  const rows = [...graded].flatMap(([questionId, g]) => (g ? [{ questionId, ...g }] : []));
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "AttemptQuestion" AS aq
       SET correct = v.correct, answered = v.answered, "gradedHash" = v.hash,
           "respondedAt" = COALESCE(aq."respondedAt", ${at.toISOString()}::timestamp(3))
      FROM unnest(${rows.map((r) => r.questionId)}::text[], ${rows.map((r) => r.correct)}::boolean[],
                  ${rows.map((r) => r.selected.length > 0)}::boolean[],
                  ${rows.map((r) => r.gradedHash)}::text[]) AS v("questionId", correct, answered, hash)
     WHERE aq."attemptId" = ${attemptId} AND aq."questionId" = v."questionId"`;
}

export type SubmitResult = { status: "ok" | "closed"; attemptId: string } | { status: "not-found" };

export async function submitAttempt(
  db: Db,
  userId: string,
  attemptId: string,
  bank: Bank,
  now: Date = new Date(),
): Promise<SubmitResult> {
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId },
    select: { id: true },
  });
  if (!attempt) return { status: "not-found" };
  const closed = await closeAttempt(db, attemptId, bank, now);
  return { status: closed ? "ok" : "closed", attemptId };
}

/**
 * Discards the user's open mock: closed as `abandoned` (kept in history with its review), unless
 * the deadline has passed, in which case it closes as `expired` like any other. "not-open" when it
 * is not the user's open mock.
 */
export async function abandonMock(
  db: Db,
  userId: string,
  attemptId: string,
  bank: Bank,
  now: Date = new Date(),
): Promise<"abandoned" | "not-open"> {
  const attempt = await db.attempt.findFirst({
    where: { id: attemptId, userId, mode: "mock", status: "in_progress" },
    select: { id: true },
  });
  if (!attempt) return "not-open";
  const closed = await db.$transaction(
    (tx) => closeAttemptTx(tx, attemptId, bank, now, { abandon: true }),
    { timeout: 30_000 },
  );
  return closed ? "abandoned" : "not-open";
}

/** The user's open mock on a track (if any) and whether they have taken one before. */
export async function mockStatus(db: Db, userId: string, trackId: string) {
  const [open, taken] = await Promise.all([
    db.attempt.findFirst({
      where: { userId, trackId, mode: "mock", status: "in_progress" },
      select: { id: true, deadline: true },
    }),
    db.attempt.count({ where: { userId, trackId, mode: "mock", status: { not: "abandoned" } } }),
  ]);
  return { open: open && !isExpired(new Date(), open.deadline) ? open : null, taken };
}
