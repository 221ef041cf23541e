import type { Bank, OptionKey, Question, Track } from "@/lib/content/types";
import { type AnswerEvent, currentAnswers } from "./answers";
import { gradeQuestions } from "./grading";
import { timeSpent } from "./practice";
import { type AttemptScore, scoreResults } from "./scoring";

/**
 * What an attempt's event log means: current answers, flags, checks, time spent, and grades.
 * Pure: the `*.server.ts` files load the rows and call these.
 */

export type StoredEvent = {
  questionId: string;
  kind: "answer" | "flag" | "visit" | "check";
  selected: readonly string[];
  flagged: boolean | null;
  answeredAt: Date;
  sequence: bigint | number;
};

export type StoredQuestion = {
  questionId: string;
  questionHash: string;
  /** The shown version's option hashes, when loaded (needed only if the bank changed since). */
  version?: { optionHashes: readonly string[] } | null;
};

/** Current answers and flags derived from the event log (answers only up to the deadline). */
export function deriveState(attempt: { events: readonly StoredEvent[]; deadline: Date | null }) {
  const toEvent = (e: StoredEvent): AnswerEvent => ({
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
export function timeSpentOf(attempt: {
  events: readonly StoredEvent[];
  deadline: Date | null;
  submittedAt: Date | null;
}) {
  const end = attempt.submittedAt ?? attempt.deadline ?? new Date();
  return timeSpent(
    attempt.events
      .filter((e) => e.kind === "visit" && e.answeredAt <= end)
      .map((e) => ({ questionId: e.questionId, at: e.answeredAt })),
    end,
  );
}

/**
 * Every question of the attempt graded against the current bank (selections carried across a
 * changed version by option text), and the attempt's score from those grades. This is what a
 * close and a regrade store, and what a replay of the events must always reproduce.
 */
export function gradeAttempt(
  attempt: {
    events: readonly StoredEvent[];
    deadline: Date | null;
    questions: readonly StoredQuestion[];
  },
  bank: Pick<Bank, "byId">,
  track: Track,
) {
  const { answers } = deriveState(attempt);
  const graded = gradeQuestions(
    attempt.questions.map((q) => ({
      questionId: q.questionId,
      questionHash: q.questionHash,
      shownHashes: q.version?.optionHashes ?? [],
    })),
    answers,
    bank.byId as ReadonlyMap<string, Question>,
  );
  const items = attempt.questions.flatMap((aq) => {
    const q = bank.byId.get(aq.questionId);
    const g = graded.get(aq.questionId);
    return q && g
      ? [
          {
            questionId: q.id,
            domain: q.domain,
            curriculum: q.curriculum,
            correct: g.correct,
            answered: g.selected.length > 0,
          },
        ]
      : [];
  });
  return { graded, score: scoreResults(track, items) };
}

/** The score as stored per question at close (and by regrades): what every page reads. */
export function storedScore(
  questions: readonly { questionId: string; correct: boolean | null }[],
  answered: ReadonlySet<string>,
  bank: Pick<Bank, "byId">,
  track: Track,
): AttemptScore {
  return scoreResults(
    track,
    questions.flatMap((aq) => {
      const q = bank.byId.get(aq.questionId);
      return q && aq.correct !== null
        ? [
            {
              questionId: q.id,
              domain: q.domain,
              curriculum: q.curriculum,
              correct: aq.correct,
              answered: answered.has(aq.questionId),
            },
          ]
        : [];
    }),
  );
}
