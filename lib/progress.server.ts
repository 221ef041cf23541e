import type { Bank, Track } from "@/lib/content/types";
import { gradeAttempt, storedScore } from "@/lib/exam/derive";
import type { Db } from "@/lib/prisma.server";
import type { GradedAnswer, MockRecord } from "@/lib/progress/analytics";

/**
 * What the progress analytics need for one user and track, in one query: every closed mock with
 * its per-domain scores, and every graded answer (closed attempts of any mode, plus the checked
 * answers of open practice sessions and drills). Closed attempts are read as graded and stored at
 * close (and by regrades), the same result the review page shows.
 */
export async function loadProgress(
  db: Db,
  userId: string,
  track: Track,
  bank: Bank,
): Promise<{ mocks: MockRecord[]; answers: GradedAnswer[] }> {
  const attempts = await db.attempt.findMany({
    where: {
      userId,
      trackId: track.id,
      OR: [{ status: { in: ["submitted", "expired"] } }, { mode: { in: ["practice", "drill"] } }],
    },
    orderBy: { startedAt: "asc" },
    include: {
      questions: {
        select: {
          questionId: true,
          questionHash: true,
          correct: true,
          version: { select: { optionHashes: true } },
        },
      },
      events: { where: { kind: { in: ["answer", "check"] } }, orderBy: { sequence: "asc" } },
    },
  });
  const mocks: MockRecord[] = [];
  const answers: GradedAnswer[] = [];
  for (const attempt of attempts) {
    const closed = attempt.status !== "in_progress";
    const at = attempt.submittedAt ?? attempt.startedAt;
    const { graded, score: replayed } = gradeAttempt(attempt, bank, track);
    const stored = attempt.questions.every(
      (q) => q.correct !== null || !bank.byId.has(q.questionId),
    );
    const answered = new Set([...graded].flatMap(([id, g]) => (g?.selected.length ? [id] : [])));
    const score =
      closed && stored ? storedScore(attempt.questions, answered, bank, track) : replayed;
    if (attempt.mode === "mock" && closed) {
      mocks.push({
        id: attempt.id,
        at,
        percent: attempt.scorePercent ?? score.percent,
        passed: attempt.passed ?? score.passed,
        isBaseline: attempt.isBaseline,
        byDomain: score.byDomain,
        byCurriculum: score.byCurriculum,
      });
    }
    const checked = new Set(
      attempt.events.filter((e) => e.kind === "check").map((e) => e.questionId),
    );
    for (const aq of attempt.questions) {
      const q = bank.byId.get(aq.questionId);
      const g = graded.get(aq.questionId);
      if (!q || !g || !(closed || checked.has(aq.questionId))) continue;
      answers.push({
        questionId: aq.questionId,
        domain: q.domain,
        curriculum: q.curriculum,
        correct: closed && aq.correct !== null ? aq.correct : g.correct,
        at,
      });
    }
  }
  return { mocks, answers };
}
