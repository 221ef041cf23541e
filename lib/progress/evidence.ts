import { blueprintQuotas, groupOf, isMockEligible, sampledGrouping } from "@/lib/content/blueprint";
import type { Bank, Track } from "@/lib/content/types";
import { sampleMock } from "@/lib/exam/sampling";
import { type AttemptScore, scoreResults } from "@/lib/exam/scoring";
import type { GradedAnswer, MockRecord } from "./analytics";
import { domainPosteriors, type Prediction, predictExam, type Response } from "./prediction";
import { READY_PERCENT, type Readiness, readiness } from "./readiness";

/**
 * From a user's stored grades to what the dashboard, the plan and readiness need. Pure: the rows
 * come from lib/progress.server.ts (grades stored at each check and close, never the event log).
 */

export type GradeRow = {
  questionId: string;
  /** null until graded (an open attempt's unchecked question). */
  correct: boolean | null;
  answered: boolean | null;
  respondedAt: Date | null;
  attempt: {
    id: string;
    mode: "mock" | "practice" | "drill";
    status: "in_progress" | "submitted" | "expired";
    isBaseline: boolean;
    startedAt: Date;
    submittedAt: Date | null;
    scorePercent: number | null;
    passed: boolean | null;
  };
};

export type Evidence = {
  mocks: MockRecord[];
  /** Graded responses in any mode (for the weak-domain ranking; see `counts`). */
  answers: GradedAnswer[];
  /** The first graded response to each on-list question: readiness's evidence. */
  fresh: Response[];
  /** The same first responses, grouped by study domain (`group` is the question's domain). */
  freshByDomain: Response[];
  /** When each question was last shown to the user. */
  lastSeen: Map<string, Date>;
};

/**
 * Which graded rows are responses: an answered question; and a question left blank in a mock the
 * candidate submitted (they chose to leave it, and the exam scores it wrong). A blank in a mock
 * that ran out of time (often an abandoned one) or in practice says nothing, so it is not counted.
 */
function counts(row: GradeRow): boolean {
  return (
    row.answered === true || (row.attempt.mode === "mock" && row.attempt.status === "submitted")
  );
}

export function evidenceOf(
  rows: readonly GradeRow[],
  bank: Pick<Bank, "byId">,
  track: Track,
): Evidence {
  const lastSeen = new Map<string, Date>();
  const firstResponse = new Map<string, GradeRow>();
  const answers: GradedAnswer[] = [];
  const mockRows = new Map<string, GradeRow[]>();
  for (const row of rows) {
    const seen = lastSeen.get(row.questionId);
    if (!seen || row.attempt.startedAt > seen) lastSeen.set(row.questionId, row.attempt.startedAt);
    const closed = row.attempt.status !== "in_progress";
    if (row.attempt.mode === "mock" && closed) {
      mockRows.set(row.attempt.id, [...(mockRows.get(row.attempt.id) ?? []), row]);
    }
    const q = bank.byId.get(row.questionId);
    if (!q || row.correct === null || !counts(row)) continue;
    const at = row.respondedAt ?? row.attempt.submittedAt ?? row.attempt.startedAt;
    answers.push({
      questionId: q.id,
      domain: q.domain,
      curriculum: q.curriculum,
      correct: row.correct,
      at,
    });
    const first = firstResponse.get(q.id);
    if (!first || at < (first.respondedAt ?? first.attempt.startedAt))
      firstResponse.set(q.id, { ...row, respondedAt: at });
  }
  const fresh: Response[] = [];
  const freshByDomain: Response[] = [];
  for (const [id, row] of firstResponse) {
    const q = bank.byId.get(id);
    if (!q) continue;
    const response = {
      correct: row.correct === true,
      at: row.respondedAt ?? row.attempt.startedAt,
    };
    freshByDomain.push({ ...response, group: q.domain });
    const group = groupOf(track, q);
    if (group && isMockEligible(track, q)) fresh.push({ ...response, group });
  }
  const mocks = [...mockRows.values()].flatMap((list) => {
    const a = list[0]?.attempt;
    if (!a) return [];
    const score: AttemptScore = scoreResults(
      track,
      list.flatMap((r) => {
        const q = bank.byId.get(r.questionId);
        return q && r.correct !== null
          ? [
              {
                questionId: q.id,
                domain: q.domain,
                curriculum: q.curriculum,
                correct: r.correct,
                answered: r.answered === true,
              },
            ]
          : [];
      }),
    );
    return [
      {
        id: a.id,
        at: a.submittedAt ?? a.startedAt,
        percent: a.scorePercent ?? score.percent,
        passed: a.passed ?? score.passed,
        isBaseline: a.isBaseline,
        byDomain: score.byDomain,
        byCurriculum: score.byCurriculum,
      },
    ];
  });
  return { mocks, answers, fresh, freshByDomain, lastSeen };
}

export type Freshness = {
  byGroup: { id: string; title: string; fresh: number; total: number; perMock: number }[];
  fresh: number;
  total: number;
  /** Whole mocks the bank can still give this user without a repeat. */
  freshMocks: number;
  /** Questions a mock started now would repeat. */
  nextMockRepeats: number;
};

/** Fresh (never shown) on-list questions per exam domain, and what the next mock would repeat. */
export function freshnessOf(
  track: Track,
  bank: Bank,
  lastSeen: ReadonlyMap<string, Date>,
): Freshness {
  const questions = bank.questionsOf(track.id).filter((q) => isMockEligible(track, q));
  const quotas = blueprintQuotas(track);
  const byGroup = sampledGrouping(track).map((g) => {
    const inGroup = questions.filter((q) => groupOf(track, q) === g.id);
    return {
      id: g.id,
      title: g.title,
      fresh: inGroup.filter((q) => !lastSeen.has(q.id)).length,
      total: inGroup.length,
      perMock: quotas[g.id] ?? 0,
    };
  });
  const freshMocks = Math.min(
    ...byGroup.filter((g) => g.perMock > 0).map((g) => Math.floor(g.fresh / g.perMock)),
  );
  const next = sampleMock({ track, questions: bank.questionsOf(track.id), seed: 1, lastSeen });
  return {
    byGroup,
    fresh: byGroup.reduce((s, g) => s + g.fresh, 0),
    total: byGroup.reduce((s, g) => s + g.total, 0),
    freshMocks: Number.isFinite(freshMocks) ? freshMocks : 0,
    nextMockRepeats: next.repeats,
  };
}

export type Forecast = {
  posteriors: ReturnType<typeof domainPosteriors>;
  prediction: Prediction;
  readiness: Readiness;
};

/**
 * The prediction and readiness from fresh evidence. `priorFacility`: the population's facility
 * per exam domain, where item statistics have enough responses.
 */
export function forecastOf(
  track: Track,
  fresh: readonly Response[],
  now: Date,
  passPercent: number,
  priorFacility?: ReadonlyMap<string, number>,
): Forecast {
  const posteriors = domainPosteriors(sampledGrouping(track), fresh, now, priorFacility);
  const prediction = predictExam(posteriors, blueprintQuotas(track), passPercent, READY_PERCENT);
  return { posteriors, prediction, readiness: readiness(prediction, posteriors) };
}
