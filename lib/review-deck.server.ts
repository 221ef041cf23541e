import { createEmptyCard } from "ts-fsrs";
import type { Db } from "@/lib/prisma.server";

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
