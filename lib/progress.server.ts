import { deriveState, scoreOf } from "@/lib/attempts.server";
import type { Question, Track } from "@/lib/content/types";
import { isCorrect } from "@/lib/exam/scoring";
import type { Db } from "@/lib/prisma.server";
import type { GradedAnswer, MockRecord } from "@/lib/progress/analytics";

/**
 * What the progress analytics need for one user and track, in one query: every closed mock with
 * its per-domain scores, and every graded answer (closed attempts of any mode, plus the checked
 * answers of open practice sessions and drills).
 */
export async function loadProgress(
  db: Db,
  userId: string,
  track: Track,
  questions: readonly Question[],
): Promise<{ mocks: MockRecord[]; answers: GradedAnswer[] }> {
  const attempts = await db.attempt.findMany({
    where: {
      userId,
      trackId: track.id,
      OR: [{ status: { in: ["submitted", "expired"] } }, { mode: { in: ["practice", "drill"] } }],
    },
    orderBy: { startedAt: "asc" },
    include: {
      questions: { select: { questionId: true } },
      events: { where: { kind: { in: ["answer", "check"] } }, orderBy: { sequence: "asc" } },
    },
  });
  const byId = new Map(questions.map((q) => [q.id, q]));
  const mocks: MockRecord[] = [];
  const answers: GradedAnswer[] = [];
  for (const attempt of attempts) {
    const closed = attempt.status !== "in_progress";
    const at = attempt.submittedAt ?? attempt.startedAt;
    if (attempt.mode === "mock" && closed) {
      const score = scoreOf(attempt, questions, track);
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
    const state = deriveState(attempt);
    for (const { questionId } of attempt.questions) {
      const q = byId.get(questionId);
      if (!q || !(closed || state.checked.has(questionId))) continue;
      answers.push({
        questionId,
        domain: q.domain,
        curriculum: q.curriculum,
        correct: isCorrect(q.correctKeys, state.answers.get(questionId)),
        at,
      });
    }
  }
  return { mocks, answers };
}
