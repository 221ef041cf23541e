import type { Bank, Track } from "@/lib/content/types";
import { passingPercentOf } from "@/lib/exam/scoring";
import type { Db } from "@/lib/prisma.server";
import { type Evidence, evidenceOf, forecastOf } from "@/lib/progress/evidence";
import { populationFacility } from "@/lib/progress/population.server";

/**
 * Everything progress and readiness read for one user and track, in one query over the grades
 * stored at each check and close (never the event log, so the cost does not grow with every
 * click the user ever made).
 */
export async function loadProgress(
  db: Db,
  userId: string,
  track: Track,
  bank: Bank,
): Promise<Evidence> {
  const rows = await db.attemptQuestion.findMany({
    where: { attempt: { userId, trackId: track.id } },
    select: {
      questionId: true,
      correct: true,
      answered: true,
      respondedAt: true,
      attempt: {
        select: {
          id: true,
          mode: true,
          status: true,
          isBaseline: true,
          startedAt: true,
          submittedAt: true,
          scorePercent: true,
          passed: true,
        },
      },
    },
  });
  return evidenceOf(rows, bank, track);
}

/** Readiness alone (the dashboard's and the path page's line per track). */
export async function forecastFor(db: Db, userId: string, track: Track, bank: Bank) {
  const [evidence, prior] = await Promise.all([
    loadProgress(db, userId, track, bank),
    populationFacility(db, track, bank),
  ]);
  return forecastOf(track, evidence.fresh, new Date(), passingPercentOf(track), prior);
}
