import type { Question } from "@/lib/content/types";
import { seededRandom, shuffled } from "./random";
import type { MockItem } from "./sampling";

/** "Retake the ones I got wrong": which questions of a closed attempt come back. Pure. */

/** At most this many in one retake (a practice session's size limit). */
export const RETAKE_MAX = 100;

/**
 * The questions graded wrong (a wrong answer, or a blank in a submitted mock) that are still in the
 * bank and not in an open mock, in a fresh order with fresh option orders.
 */
export function retakeItems(input: {
  graded: readonly { questionId: string; correct: boolean | null }[];
  byId: ReadonlyMap<string, Question>;
  hidden: ReadonlySet<string>;
  seed: number;
}): MockItem[] {
  const random = seededRandom(input.seed);
  const wrong = input.graded.flatMap((g) => {
    const q = input.byId.get(g.questionId);
    return g.correct === false && q && !input.hidden.has(q.id) ? [q] : [];
  });
  return shuffled(wrong, random)
    .slice(0, RETAKE_MAX)
    .map((q) => ({
      questionId: q.id,
      optionOrder: shuffled(
        q.options.map((o) => o.key),
        random,
      ),
    }));
}
