import "server-only";
import type { Db } from "@/lib/prisma.server";
import { type HistoryAttempt, historyRow } from "./history";

/** Every attempt of the user (on one track, or all), newest first, as history rows. */
export async function attemptHistory(db: Db, userId: string, trackId?: string) {
  const rows = await db.attempt.findMany({
    where: { userId, ...(trackId ? { trackId } : {}) },
    orderBy: { startedAt: "desc" },
    take: 500,
    select: {
      id: true,
      trackId: true,
      mode: true,
      status: true,
      isBaseline: true,
      startedAt: true,
      submittedAt: true,
      deadline: true,
      correctCount: true,
      scorePercent: true,
      passed: true,
      _count: { select: { questions: true } },
    },
  });
  return rows.map(({ _count, ...a }) =>
    historyRow({ ...a, questionCount: _count.questions } satisfies HistoryAttempt),
  );
}
