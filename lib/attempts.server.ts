import { randomInt } from "node:crypto";
import type { Bank, OptionKey, Question, Track } from "@/lib/content/types";
import { type AnswerEvent, currentAnswers } from "@/lib/exam/answers";
import { checkSave, deadlineFor, GRACE_MS, isExpired } from "@/lib/exam/deadline";
import {
  type CheckedFeedback,
  feedbackFor,
  historyOf,
  sampleDrill,
  samplePractice,
  timeSpent,
} from "@/lib/exam/practice";
import { regradeDecisions } from "@/lib/exam/regrade";
import { type MockItem, sampleMock } from "@/lib/exam/sampling";
import { type AttemptScore, isCorrect, scoreAttempt } from "@/lib/exam/scoring";
import type { Db } from "@/lib/prisma.server";
import { addMisses } from "@/lib/review-deck.server";

/**
 * Attempts repository: the only code that reads and writes attempts. Every function takes the
 * user id and answers `null` for an attempt that does not exist or is not theirs (→ 404).
 */

/** Mocks considered "recent" when sampling avoids repeats. */
const RECENT_MOCKS = 3;

export type StartResult = { attemptId: string; resumed: boolean; isBaseline: boolean };

/**
 * Starts a timed mock at the track's blueprint, or resumes the user's open one (at most one open
 * mock per track: the check and the insert run under a per-user-and-track advisory lock).
 */
export async function startMock(
  db: Db,
  input: {
    userId: string;
    track: Track;
    questions: readonly Question[];
    now?: Date;
    count?: number;
    durationMinutes?: number;
  },
): Promise<StartResult> {
  const now = input.now ?? new Date();
  const { userId, track } = input;
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
      if (open) await closeAttempt(tx as unknown as Db, open.id, input.questions, track, now);

      const previous = await tx.attempt.findMany({
        where: { userId, trackId: track.id, mode: "mock" },
        orderBy: { startedAt: "desc" },
        take: RECENT_MOCKS,
        select: { questions: { select: { questionId: true } } },
      });
      const recentlySeen = new Set(previous.flatMap((a) => a.questions.map((q) => q.questionId)));
      const seed = randomInt(0, 2 ** 31 - 1);
      const sample = sampleMock({
        track,
        questions: input.questions,
        seed,
        recentlySeen,
        ...(input.count ? { count: input.count } : {}),
      });
      const byId = new Map(input.questions.map((q) => [q.id, q]));
      const attempt = await tx.attempt.create({
        data: {
          userId,
          trackId: track.id,
          mode: "mock",
          seed,
          isBaseline: previous.length === 0,
          startedAt: now,
          deadline: deadlineFor(now, input.durationMinutes ?? track.durationMinutes),
          questions: {
            create: sample.items.map((item, index) => ({
              position: index + 1,
              questionId: item.questionId,
              questionHash: byId.get(item.questionId)?.hash ?? "",
              optionOrder: item.optionOrder,
            })),
          },
        },
        select: { id: true, isBaseline: true },
      });
      return { attemptId: attempt.id, resumed: false, isBaseline: attempt.isBaseline };
    },
    { timeout: 30_000 },
  );
}

/**
 * Starts an untimed practice session or domain drill (immediate feedback) on the chosen domains.
 * Practice prefers questions not seen in the user's recent attempts; a drill prefers questions
 * whose latest graded answer was wrong, then questions never answered.
 */
export async function startPractice(
  db: Db,
  input: {
    userId: string;
    track: Track;
    questions: readonly Question[];
    mode: "practice" | "drill";
    domains: readonly string[];
    count: number;
    now?: Date;
  },
): Promise<{ attemptId: string; count: number }> {
  const now = input.now ?? new Date();
  const { userId, track } = input;
  const seed = randomInt(0, 2 ** 31 - 1);
  let items: MockItem[];
  if (input.mode === "practice") {
    const recent = await db.attemptQuestion.findMany({
      where: { attempt: { userId, trackId: track.id, startedAt: { gte: daysBefore(now, 14) } } },
      select: { questionId: true },
    });
    items = samplePractice({
      questions: input.questions,
      domains: input.domains,
      count: input.count,
      seed,
      recentlySeen: new Set(recent.map((r) => r.questionId)),
    });
  } else {
    const graded = await gradedHistory(db, userId, track.id, input.questions);
    items = sampleDrill({
      questions: input.questions,
      domains: input.domains,
      count: input.count,
      seed,
      history: historyOf(graded),
    });
  }
  const byId = new Map(input.questions.map((q) => [q.id, q]));
  const attempt = await db.attempt.create({
    data: {
      userId,
      trackId: track.id,
      mode: input.mode,
      seed,
      startedAt: now,
      deadline: null,
      domains: [...input.domains],
      questions: {
        create: items.map((item, index) => ({
          position: index + 1,
          questionId: item.questionId,
          questionHash: byId.get(item.questionId)?.hash ?? "",
          optionOrder: item.optionOrder,
        })),
      },
    },
    select: { id: true },
  });
  return { attemptId: attempt.id, count: items.length };
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Every graded answer of the user on a track: each question of a closed attempt, and each
 * checked question of an open practice or drill. Graded against the current answer key.
 */
async function gradedHistory(
  db: Db,
  userId: string,
  trackId: string,
  questions: readonly Question[],
) {
  const attempts = await db.attempt.findMany({
    where: { userId, trackId },
    select: {
      status: true,
      deadline: true,
      submittedAt: true,
      startedAt: true,
      questions: { select: { questionId: true } },
      events: {
        where: { kind: { in: ["answer", "check"] } },
        orderBy: { sequence: "asc" },
      },
    },
  });
  const byId = new Map(questions.map((q) => [q.id, q]));
  return attempts.flatMap((attempt) => {
    const { answers, checked } = deriveState(attempt);
    const closed = attempt.status !== "in_progress";
    const at = attempt.submittedAt ?? attempt.startedAt;
    return attempt.questions.flatMap(({ questionId }) => {
      const q = byId.get(questionId);
      if (!q || !(closed || checked.has(questionId))) return [];
      return [{ questionId, correct: isCorrect(q.correctKeys, answers.get(questionId)), at }];
    });
  });
}

export type LoadedAttempt = NonNullable<Awaited<ReturnType<typeof findAttempt>>>;

function findAttempt(db: Db, userId: string, attemptId: string) {
  return db.attempt.findFirst({
    where: { id: attemptId, userId },
    include: {
      questions: { orderBy: { position: "asc" } },
      events: { orderBy: { sequence: "asc" } },
      regrades: { orderBy: { createdAt: "asc" } },
    },
  });
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
    const track = bank.tracks.get(attempt.trackId);
    if (track) await closeAttempt(db, attempt.id, bank.questionsOf(track.id), track, now);
    return findAttempt(db, userId, attemptId);
  }
  return attempt;
}

/** Current answers and flags derived from the event log (answers only up to the deadline). */
export function deriveState(attempt: Pick<LoadedAttempt, "events" | "deadline">) {
  const toEvent = (e: LoadedAttempt["events"][number]): AnswerEvent => ({
    questionId: e.questionId,
    selected: e.selected as OptionKey[],
    answeredAt: e.answeredAt,
    sequence: Number(e.sequence),
  });
  const inTime = attempt.events.filter(
    (e) => !attempt.deadline || e.answeredAt <= attempt.deadline,
  );
  const answers = currentAnswers(inTime.filter((e) => e.kind === "answer").map(toEvent));
  const flags = currentAnswers(
    attempt.events
      .filter((e) => e.kind === "flag")
      .map((e) => ({ ...toEvent(e), selected: e.flagged ? (["A"] as OptionKey[]) : [] })),
  );
  const flagged = [...flags].filter(([, v]) => v.length > 0).map(([id]) => id);
  // A checked answer is final: the selection graded at the check is the answer.
  const checks = attempt.events.filter((e) => e.kind === "check");
  const checked = new Set(checks.map((e) => e.questionId));
  for (const [id, selected] of currentAnswers(checks.map(toEvent))) answers.set(id, selected);
  return { answers, flagged, checked };
}

/** Milliseconds spent on each question, from the player's visit events (see lib/exam/practice). */
export function timeSpentOf(
  attempt: Pick<LoadedAttempt, "events" | "deadline" | "submittedAt" | "startedAt">,
) {
  const end = attempt.submittedAt ?? attempt.deadline ?? new Date();
  return timeSpent(
    attempt.events
      .filter((e) => e.kind === "visit" && e.answeredAt <= end)
      .map((e) => ({ questionId: e.questionId, at: e.answeredAt })),
    end,
  );
}

export type IncomingEvent =
  | { id: string; questionId: string; kind: "answer"; selected: OptionKey[]; at: Date }
  | { id: string; questionId: string; kind: "flag"; flagged: boolean; at: Date }
  | { id: string; questionId: string; kind: "visit"; at: Date };

export type RecordResult =
  | { status: "ok"; accepted: string[]; rejected: { id: string; reason: string }[] }
  | { status: "closed"; message: string }
  | { status: "not-found" };

type SaveRow = {
  status: "in_progress" | "submitted" | "expired";
  trackId: string;
  /** The deadline in ms since the epoch (the column is UTC without a zone). */
  deadlineMs: number | null;
  /** Index of the event in the request; null only when the request had no events. */
  ord: number | null;
  /** The event's question's option keys in this attempt; null when it is not in the attempt. */
  optionOrder: string[] | null;
  /** Immediate-feedback modes: the question was checked, so its answer is final. */
  checked: boolean | null;
};

/**
 * Appends the candidate's events. Idempotent by event id; refuses saves after the deadline.
 *
 * One statement, one round trip (this is the hottest path of the app: one request per answer of
 * every candidate): it finds the attempt as the user's, joins each event to its question in the
 * attempt, inserts the events that pass the rules below, and returns what the rules were judged
 * on, from which the reasons for the refused ones are told. The SQL `WHERE` and `saveVerdict`
 * are the same rules and must change together:
 *   - the attempt is the user's (else no row at all → not found) and in progress;
 *   - the question is in the attempt; an answer names only the question's options;
 *   - an answer to a question already checked (practice, drills) is refused: it is final;
 *   - `checkSave`: received before deadline + grace, the change made before the deadline.
 * Event kinds are handled generically (the kind is stored as sent; `selected` is checked against
 * the options only for answers), so a new kind needs its zod schema, its columns in `rowOf`, and
 * a rule here in both places if it has one.
 */
export async function recordEvents(
  db: Db,
  userId: string,
  attemptId: string,
  events: readonly IncomingEvent[],
  bank: Bank,
  now: Date = new Date(),
): Promise<RecordResult> {
  // A client clock ahead of the server's cannot date a change into the future.
  const clamped = events.map((e) => ({ ...e, at: e.at > now ? now : e.at }));
  const rowOf = (e: IncomingEvent, ord: number) => ({
    ord,
    id: e.id,
    questionId: e.questionId,
    kind: e.kind,
    selected: e.kind === "answer" ? [...new Set(e.selected)] : [],
    flagged: e.kind === "flag" ? e.flagged : null,
    at: e.at.toISOString(),
  });
  const payload = JSON.stringify(clamped.map(rowOf));
  const nowText = now.toISOString();
  const grace = `${GRACE_MS} milliseconds`;
  const rows = await db.$queryRaw<SaveRow[]>`
    WITH attempt AS (
      SELECT id, status, deadline, "trackId" FROM "Attempt"
      WHERE id = ${attemptId} AND "userId" = ${userId}
    ),
    incoming AS (
      -- A scalar subquery per event: always one probe of the (attemptId, questionId) unique
      -- index. (As a join, the planner's guess of 100 rows from jsonb_to_recordset made it
      -- hash-join a sequential scan of the whole table on small databases: 4x the CPU.)
      SELECT e.*, (
        SELECT q."optionOrder" FROM "AttemptQuestion" q
        WHERE q."attemptId" = a.id AND q."questionId" = e."questionId"
      ) AS "optionOrder", EXISTS (
        SELECT 1 FROM "AnswerEvent" c
        WHERE c."attemptId" = a.id AND c."questionId" = e."questionId" AND c.kind = 'check'
      ) AS checked
      FROM attempt a
      CROSS JOIN jsonb_to_recordset(${payload}::jsonb) AS e(
        ord int, id uuid, "questionId" text, kind text, selected text[], flagged boolean,
        at timestamp(3)
      )
    ),
    saved AS (
      INSERT INTO "AnswerEvent"
        (id, "attemptId", "questionId", kind, selected, flagged, "answeredAt", "receivedAt")
      SELECT i.id, a.id, i."questionId", i.kind::"AnswerEventKind", i.selected, i.flagged, i.at,
        ${nowText}::timestamp(3)
      FROM incoming i CROSS JOIN attempt a
      WHERE a.status = 'in_progress'
        AND i."optionOrder" IS NOT NULL
        AND (i.kind <> 'answer' OR (i.selected <@ i."optionOrder" AND NOT i.checked))
        AND (a.deadline IS NULL OR (
          ${nowText}::timestamp(3) <= a.deadline + ${grace}::interval AND i.at <= a.deadline
        ))
      ORDER BY i.ord
      ON CONFLICT DO NOTHING
    )
    SELECT a.status::text AS status, a."trackId",
      (extract(epoch FROM a.deadline) * 1000)::float8 AS "deadlineMs",
      i.ord, i."optionOrder", i.checked
    FROM attempt a LEFT JOIN incoming i ON true`;
  const head = rows[0];
  if (!head) return { status: "not-found" };
  if (head.status !== "in_progress") {
    return {
      status: "closed",
      message: "This attempt is closed: it was submitted or its time ran out.",
    };
  }
  const deadline = head.deadlineMs === null ? null : new Date(head.deadlineMs);
  if (isExpired(now, deadline)) {
    // Nothing was inserted (the deadline rule above); close the attempt with what it holds.
    const track = bank.tracks.get(head.trackId);
    if (track) await closeAttempt(db, attemptId, bank.questionsOf(track.id), track, now);
    return { status: "closed", message: "Time is up: this attempt was closed at its deadline." };
  }
  const byOrd = new Map(rows.map((r) => [r.ord, r]));
  const accepted: string[] = [];
  const rejected: { id: string; reason: string }[] = [];
  clamped.forEach((event, ord) => {
    const row = byOrd.get(ord);
    const verdict = saveVerdict(
      event,
      row?.optionOrder ?? null,
      row?.checked ?? false,
      deadline,
      now,
    );
    if (verdict.ok) accepted.push(event.id);
    else rejected.push({ id: event.id, reason: verdict.reason });
  });
  return { status: "ok", accepted, rejected };
}

/** The save rules of `recordEvents` (mirrored by its SQL), for one event of an open attempt. */
function saveVerdict(
  event: IncomingEvent,
  optionOrder: readonly string[] | null,
  checked: boolean,
  deadline: Date | null,
  now: Date,
): { ok: true } | { ok: false; reason: string } {
  if (!optionOrder) {
    return { ok: false, reason: `Question ${event.questionId} is not part of this attempt.` };
  }
  if (event.kind === "answer" && !event.selected.every((k) => optionOrder.includes(k))) {
    return { ok: false, reason: "The answer names an option the question does not have." };
  }
  if (event.kind === "answer" && checked) {
    return { ok: false, reason: "This answer was already checked, so it can no longer change." };
  }
  return checkSave({ now, deadline, answeredAt: event.at });
}

export type CheckResult =
  | { status: "ok"; questionId: string; feedback: CheckedFeedback }
  | { status: "refused"; message: string }
  | { status: "closed"; message: string }
  | { status: "not-found" };

/**
 * Immediate feedback (practice and drills): grades one answered question, records a `check`
 * event that makes the answer final, adds a miss to the review deck, and only then returns the
 * answer key, rationales and explanation of that question. Checking twice returns the same
 * feedback. Serialised per attempt, so a check and a late answer cannot interleave.
 */
export async function checkAnswer(
  db: Db,
  userId: string,
  attemptId: string,
  input: { id: string; questionId: string },
  bank: Bank,
  now: Date = new Date(),
): Promise<CheckResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attempt:${attemptId}`}))`;
    const attempt = await tx.attempt.findFirst({
      where: { id: attemptId, userId },
      select: {
        mode: true,
        status: true,
        deadline: true,
        questions: { where: { questionId: input.questionId }, select: { questionId: true } },
        events: {
          where: { questionId: input.questionId, kind: { in: ["answer", "check"] } },
          orderBy: { sequence: "asc" },
        },
      },
    });
    if (!attempt) return { status: "not-found" };
    if (attempt.mode === "mock") {
      return { status: "refused", message: "A mock exam is graded when you submit it." };
    }
    const question = bank.byId.get(input.questionId);
    if (attempt.questions.length === 0 || !question) {
      return {
        status: "refused",
        message: `Question ${input.questionId} is not part of this session.`,
      };
    }
    const { answers, checked } = deriveState(attempt);
    const selected = answers.get(question.id) ?? [];
    const correct = isCorrect(question.correctKeys, selected);
    if (!checked.has(question.id)) {
      if (attempt.status !== "in_progress") {
        return { status: "closed", message: "This session is finished." };
      }
      if (selected.length === 0) {
        return { status: "refused", message: "Choose an answer before checking it." };
      }
      await tx.answerEvent.createMany({
        data: [
          {
            id: input.id,
            attemptId,
            questionId: question.id,
            kind: "check",
            selected: [...selected],
            answeredAt: now,
            receivedAt: now,
          },
        ],
        skipDuplicates: true,
      });
      if (!correct) await addMisses(tx, userId, [{ questionId: question.id, at: now }]);
    }
    return {
      status: "ok",
      questionId: question.id,
      feedback: feedbackFor(question, selected, correct),
    };
  });
}

/** Closes an open attempt with its score: `submitted` before the deadline, `expired` from it on. */
async function closeAttempt(
  db: Db,
  attemptId: string,
  questions: readonly Question[],
  track: Track,
  now: Date,
) {
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { questions: true, events: { orderBy: { sequence: "asc" } } },
  });
  if (attempt.status !== "in_progress") return attempt;
  const score = scoreOf(attempt, questions, track);
  // Closed at or after the deadline (a time-up submission arrives during the grace period):
  // the attempt ran out of time and is closed as of its deadline.
  const expired = attempt.deadline !== null && now.getTime() >= attempt.deadline.getTime();
  const closedAt = expired && attempt.deadline ? attempt.deadline : now;
  // Every answered question that was wrong goes into the spaced-review deck (a checked one
  // went in when it was checked).
  const { answers, checked } = deriveState(attempt);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const misses = attempt.questions.flatMap((aq) => {
    const selected = answers.get(aq.questionId);
    const q = byId.get(aq.questionId);
    return q &&
      !checked.has(aq.questionId) &&
      selected &&
      selected.length > 0 &&
      !isCorrect(q.correctKeys, selected)
      ? [{ questionId: aq.questionId, at: closedAt }]
      : [];
  });
  await addMisses(db, attempt.userId, misses);
  return db.attempt.update({
    where: { id: attemptId },
    data: {
      status: expired ? "expired" : "submitted",
      submittedAt: closedAt,
      correctCount: score.correct,
      scorePercent: score.percent,
      scaledEstimate: score.scaledEstimate,
      passed: score.passed,
    },
  });
}

/** Scores an attempt against the answer keys of the versions it showed (the bank's current ones). */
export function scoreOf(
  attempt: Pick<LoadedAttempt, "events" | "deadline"> & {
    questions: readonly { questionId: string }[];
  },
  questions: readonly Question[],
  track: Track,
): AttemptScore {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const items = attempt.questions.flatMap((aq) => {
    const q = byId.get(aq.questionId);
    return q
      ? [
          {
            questionId: q.id,
            domain: q.domain,
            curriculum: q.curriculum,
            correctKeys: q.correctKeys,
          },
        ]
      : [];
  });
  return scoreAttempt(track, items, deriveState(attempt).answers);
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
    select: { id: true, status: true, trackId: true },
  });
  if (!attempt) return { status: "not-found" };
  if (attempt.status !== "in_progress") return { status: "closed", attemptId };
  const track = bank.tracks.get(attempt.trackId);
  if (!track) return { status: "not-found" };
  await closeAttempt(db, attemptId, bank.questionsOf(track.id), track, now);
  return { status: "ok", attemptId };
}

/** The user's open mock on a track (if any) and whether they have taken one before. */
export async function mockStatus(db: Db, userId: string, trackId: string) {
  const [open, taken] = await Promise.all([
    db.attempt.findFirst({
      where: { userId, trackId, mode: "mock", status: "in_progress" },
      select: { id: true, deadline: true },
    }),
    db.attempt.count({ where: { userId, trackId, mode: "mock" } }),
  ]);
  return { open: open && !isExpired(new Date(), open.deadline) ? open : null, taken };
}

type MockOutcome = {
  id: string;
  percent: number;
  scaledEstimate: number | null;
  passed: boolean;
  at: Date;
};

export type MockSummary = {
  trackId: string;
  taken: number;
  latest: MockOutcome | null;
  best: MockOutcome | null;
  /** Every finished mock, oldest first (for readiness and trends). */
  results: { percent: number; passed: boolean }[];
};

/** Per track: how many mocks the user finished, the latest and the best (by percentage). */
export async function mockSummaries(db: Db, userId: string): Promise<Map<string, MockSummary>> {
  const rows = await db.attempt.findMany({
    where: { userId, mode: "mock", status: { in: ["submitted", "expired"] } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      trackId: true,
      scorePercent: true,
      scaledEstimate: true,
      passed: true,
      submittedAt: true,
      startedAt: true,
    },
  });
  const out = new Map<string, MockSummary>();
  for (const row of rows) {
    const entry: MockSummary = out.get(row.trackId) ?? {
      trackId: row.trackId,
      taken: 0,
      latest: null,
      best: null,
      results: [],
    };
    const result = {
      id: row.id,
      percent: row.scorePercent ?? 0,
      scaledEstimate: row.scaledEstimate,
      passed: row.passed ?? false,
      at: row.submittedAt ?? row.startedAt,
    };
    entry.taken += 1;
    entry.latest = result;
    entry.results.push({ percent: result.percent, passed: result.passed });
    if (!entry.best || result.percent > entry.best.percent) entry.best = result;
    out.set(row.trackId, entry);
  }
  return out;
}

/**
 * Re-scores closed attempts whose shown questions have since changed their answer key (the bank
 * must already be mirrored). Records one Regrade row per changed question and updates the stored
 * score. Idempotent: a second run finds nothing new.
 */
export async function regradeAttempts(db: Db, bank: Bank) {
  const shown = await db.$queryRaw<
    { attemptId: string; questionId: string; shownHash: string; shownKeys: string[] }[]
  >`
    SELECT aq."attemptId", aq."questionId", aq."questionHash" AS "shownHash", qv."correctKeys" AS "shownKeys"
      FROM "AttemptQuestion" aq
      JOIN "Attempt" a ON a."id" = aq."attemptId" AND a."status" IN ('submitted', 'expired')
      JOIN "Question" q ON q."id" = aq."questionId" AND q."currentHash" <> aq."questionHash"
      JOIN "QuestionVersion" qv ON qv."questionId" = aq."questionId" AND qv."hash" = aq."questionHash"`;
  const attemptIds = [...new Set(shown.map((s) => s.attemptId))];
  const attempts = await db.attempt.findMany({
    where: { id: { in: attemptIds } },
    include: { questions: true, events: { orderBy: { sequence: "asc" } }, regrades: true },
  });
  const answers = new Map(attempts.map((a) => [a.id, deriveState(a).answers]));
  const current = new Map(
    bank.questions.map((q) => [q.id, { hash: q.hash, correctKeys: q.correctKeys }]),
  );
  const decisions = regradeDecisions(shown, current, answers).filter(
    (d) =>
      !attempts
        .find((a) => a.id === d.attemptId)
        ?.regrades.some((r) => r.questionId === d.questionId && r.toHash === d.toHash),
  );
  const touched = new Set(decisions.map((d) => d.attemptId));
  for (const attempt of attempts.filter((a) => touched.has(a.id))) {
    const track = bank.tracks.get(attempt.trackId);
    if (!track) continue;
    const score = scoreOf(attempt, bank.questionsOf(track.id), track);
    await db.$transaction([
      db.regrade.createMany({
        data: decisions.filter((d) => d.attemptId === attempt.id),
        skipDuplicates: true,
      }),
      db.attempt.update({
        where: { id: attempt.id },
        data: {
          correctCount: score.correct,
          scorePercent: score.percent,
          scaledEstimate: score.scaledEstimate,
          passed: score.passed,
        },
      }),
    ]);
  }
  return { questionsRegraded: decisions.length, attemptsRescored: touched.size };
}
