import { createEmptyCard } from "ts-fsrs";
import { openMockQuestionIds } from "@/lib/exam/open-mocks.server";
import type { Db } from "@/lib/prisma.server";
import { type RatingValue, rate } from "@/lib/progress/review";

/**
 * The spaced-review deck: every question a user got wrong, in any mode, becomes an FSRS card
 * (ts-fsrs) that is due at once. This file owns the ReviewCard and ReviewLog tables.
 */

export type Miss = { questionId: string; at: Date };

/**
 * Adds missed questions to the user's deck. A question already in the deck is made due again
 * (no later than the miss) without resetting its FSRS memory state; the next rating updates it.
 */
export async function addMisses(
  db: Pick<Db, "reviewCard">,
  userId: string,
  misses: readonly Miss[],
): Promise<void> {
  const latest = new Map<string, Date>();
  for (const miss of misses) {
    const seen = latest.get(miss.questionId);
    if (!seen || miss.at > seen) latest.set(miss.questionId, miss.at);
  }
  for (const [questionId, at] of latest) {
    const card = createEmptyCard(at);
    const existing = await db.reviewCard.findUnique({
      where: { userId_questionId: { userId, questionId } },
      select: { due: true },
    });
    await db.reviewCard.upsert({
      where: { userId_questionId: { userId, questionId } },
      create: {
        userId,
        questionId,
        due: card.due,
        stability: card.stability,
        difficulty: card.difficulty,
        elapsedDays: card.elapsed_days,
        scheduledDays: card.scheduled_days,
        learningSteps: card.learning_steps,
        reps: card.reps,
        lapses: card.lapses,
        state: "new",
        lastReview: null,
        lastMissedAt: at,
      },
      update: {
        lastMissedAt: at,
        ...(existing && existing.due > at ? { due: at } : {}),
      },
    });
  }
}

/** How many cards are due now, optionally only for questions of one track. */
export async function dueCount(
  db: Db,
  userId: string,
  options: { trackId?: string; now?: Date } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  if (!options.trackId) {
    return db.reviewCard.count({ where: { userId, due: { lte: now } } });
  }
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "ReviewCard" c
      JOIN "Question" q ON q."id" = c."questionId"
     WHERE c."userId" = ${userId} AND c."due" <= ${now} AND q."trackId" = ${options.trackId}`;
  return Number(row?.count ?? 0);
}

const cardColumns = {
  questionId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

/**
 * The review queue: the card due longest ago (of live questions, optionally of one track), how
 * many are due, and when the next one not yet due comes up.
 */
export async function reviewQueue(
  db: Db,
  userId: string,
  options: { trackId?: string; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  // Questions of the user's open mocks wait until the mock closes: the card shows the key.
  const inMock = await openMockQuestionIds(db, userId, now);
  const live = {
    userId,
    questionId: {
      in: (
        await db.question.findMany({
          where: { retired: false, ...(options.trackId ? { trackId: options.trackId } : {}) },
          select: { id: true },
        })
      )
        .map((q) => q.id)
        .filter((id) => !inMock.has(id)),
    },
  };
  const [next, due, upcoming, total] = await Promise.all([
    db.reviewCard.findFirst({
      where: { ...live, due: { lte: now } },
      orderBy: [{ due: "asc" }, { questionId: "asc" }],
      select: cardColumns,
    }),
    db.reviewCard.count({ where: { ...live, due: { lte: now } } }),
    db.reviewCard.findFirst({
      where: { ...live, due: { gt: now } },
      orderBy: { due: "asc" },
      select: { due: true },
    }),
    db.reviewCard.count({ where: live }),
  ]);
  return { next, due, nextDueAt: upcoming?.due ?? null, total };
}

export type RateResult =
  | { status: "ok"; due: Date }
  | { status: "stale" }
  | { status: "not-found" };

/**
 * Applies a rating to one of the user's cards and logs it, in one transaction. `shownDue` is the
 * due date of the card as it was shown: if the card changed since (rated in another tab), nothing
 * is recorded, so one showing gives at most one review.
 */
export async function rateCard(
  db: Db,
  input: { userId: string; questionId: string; rating: RatingValue; shownDue: Date; now?: Date },
): Promise<RateResult> {
  const now = input.now ?? new Date();
  const { userId, questionId } = input;
  return db.$transaction(async (tx) => {
    const card = await tx.reviewCard.findUnique({
      where: { userId_questionId: { userId, questionId } },
      select: cardColumns,
    });
    if (!card) return { status: "not-found" } as const;
    const next = rate(card, input.rating, now);
    const updated = await tx.reviewCard.updateMany({
      where: { userId, questionId, due: input.shownDue },
      data: next,
    });
    if (updated.count === 0) return { status: "stale" } as const;
    await tx.reviewLog.create({
      data: {
        userId,
        questionId,
        rating: input.rating,
        state: card.state,
        dueBefore: card.due,
        dueAfter: next.due,
        stability: next.stability,
        difficulty: next.difficulty,
        scheduledDays: next.scheduledDays,
        reviewedAt: now,
      },
    });
    return { status: "ok", due: next.due } as const;
  });
}
