import type { OptionKey } from "@/lib/content/types";
import { isCorrect } from "./scoring";

/**
 * Which shown questions need regrading: those whose answer key in the current version differs
 * from the key of the version the candidate saw. A wording fix that keeps the key changes nothing.
 * Pure.
 */

export type ShownQuestion = {
  attemptId: string;
  questionId: string;
  shownHash: string;
  shownKeys: readonly string[];
};

export type RegradeDecision = {
  attemptId: string;
  questionId: string;
  fromHash: string;
  toHash: string;
  wasCorrect: boolean;
  nowCorrect: boolean;
};

export function regradeDecisions(
  shown: readonly ShownQuestion[],
  current: ReadonlyMap<string, { hash: string; correctKeys: readonly OptionKey[] }>,
  answers: ReadonlyMap<string, ReadonlyMap<string, readonly OptionKey[]>>,
): RegradeDecision[] {
  const decisions: RegradeDecision[] = [];
  for (const s of shown) {
    const now = current.get(s.questionId);
    if (!now || now.hash === s.shownHash) continue;
    const before = [...s.shownKeys].sort().join(",");
    const after = [...now.correctKeys].sort().join(",");
    if (before === after) continue;
    const answer = answers.get(s.attemptId)?.get(s.questionId);
    decisions.push({
      attemptId: s.attemptId,
      questionId: s.questionId,
      fromHash: s.shownHash,
      toHash: now.hash,
      wasCorrect: isCorrect(s.shownKeys as OptionKey[], answer),
      nowCorrect: isCorrect(now.correctKeys, answer),
    });
  }
  return decisions;
}
