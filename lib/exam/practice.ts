import type { OptionKey, Question } from "@/lib/content/types";
import { seededRandom, shuffled } from "./random";
import type { MockItem } from "./sampling";

/**
 * Practice and domain-drill rules. Pure.
 *
 * Both modes give immediate feedback (Moodle's "immediate feedback" behaviour): the candidate
 * answers, asks to check, and only then sees the answer key, the rationales and the explanation
 * of that question; a checked answer is final. They differ in what they pick:
 * - practice: questions of the chosen domains, unseen before recently seen, in random order;
 * - drill: a short set that goes after weak spots: questions whose latest answer was wrong
 *   first, then questions never answered, then the rest.
 */

export const PRACTICE_COUNT = { min: 5, max: 60, default: 20 } as const;
export const DRILL_COUNT = { min: 5, max: 30, default: 10 } as const;

/** What the candidate's history says about one question: was the latest graded answer right? */
export type QuestionHistory = ReadonlyMap<string, { lastCorrect: boolean }>;

function withShuffledOptions(qs: readonly Question[], random: () => number): MockItem[] {
  return qs.map((q) => ({
    questionId: q.id,
    optionOrder: shuffled(
      q.options.map((o) => o.key),
      random,
    ),
  }));
}

function inDomains(questions: readonly Question[], domains: readonly string[]) {
  const wanted = new Set(domains);
  return questions.filter((q) => wanted.has(q.domain));
}

export function samplePractice(input: {
  questions: readonly Question[];
  domains: readonly string[];
  count: number;
  seed: number;
  recentlySeen?: ReadonlySet<string>;
}): MockItem[] {
  const random = seededRandom(input.seed);
  const seen = input.recentlySeen ?? new Set<string>();
  const pool = inDomains(input.questions, input.domains);
  const ordered = [
    ...shuffled(
      pool.filter((q) => !seen.has(q.id)),
      random,
    ),
    ...shuffled(
      pool.filter((q) => seen.has(q.id)),
      random,
    ),
  ].slice(0, input.count);
  return withShuffledOptions(shuffled(ordered, random), random);
}

/** Wrong last time first, then never answered, then the ones answered right; random inside each. */
export function sampleDrill(input: {
  questions: readonly Question[];
  domains: readonly string[];
  count: number;
  seed: number;
  history: QuestionHistory;
}): MockItem[] {
  const random = seededRandom(input.seed);
  const pool = inDomains(input.questions, input.domains);
  const rank = (q: Question) => {
    const h = input.history.get(q.id);
    return h === undefined ? 1 : h.lastCorrect ? 2 : 0;
  };
  const ordered = [0, 1, 2].flatMap((r) =>
    shuffled(
      pool.filter((q) => rank(q) === r),
      random,
    ),
  );
  return withShuffledOptions(ordered.slice(0, input.count), random);
}

export type Graded = { questionId: string; correct: boolean; at: Date };

/** The latest graded result per question, from graded answers in any order. */
export function historyOf(graded: readonly Graded[]): Map<string, { lastCorrect: boolean }> {
  const latest = new Map<string, Graded>();
  for (const g of graded) {
    const seen = latest.get(g.questionId);
    if (!seen || g.at >= seen.at) latest.set(g.questionId, g);
  }
  return new Map([...latest].map(([id, g]) => [id, { lastCorrect: g.correct }]));
}

/** Feedback for one checked question, sent to the browser only after the check. */
export type CheckedFeedback<K extends string = OptionKey> = {
  correct: boolean;
  selected: K[];
  correctKeys: K[];
  /** Rationale HTML per option key (the browser gets opaque option ids, see option-ids.ts). */
  rationales: Partial<Record<K, string>>;
  explanationHtml: string;
  sources: string[];
};

export function feedbackFor(question: Question, selected: readonly OptionKey[], correct: boolean) {
  return {
    correct,
    selected: [...selected],
    correctKeys: [...question.correctKeys],
    rationales: Object.fromEntries(
      question.options.flatMap((o) => (o.rationaleHtml ? [[o.key, o.rationaleHtml]] : [])),
    ),
    explanationHtml: question.explanationHtml,
    sources: [...question.sources],
  } satisfies CheckedFeedback;
}

/**
 * Time on each question from the log of visits (the player records one each time a question is
 * shown): each visit lasts until the next visit or the end of the attempt. A gap longer than
 * `idleCapMs` counts as `idleCapMs`, so a tab left open overnight does not read as study time.
 */
export const IDLE_CAP_MS = 10 * 60_000;

export function timeSpent(
  visits: readonly { questionId: string; at: Date }[],
  end: Date,
  idleCapMs: number = IDLE_CAP_MS,
): Map<string, number> {
  const ordered = [...visits].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out = new Map<string, number>();
  ordered.forEach((visit, i) => {
    const until = ordered[i + 1]?.at ?? end;
    const ms = Math.min(idleCapMs, Math.max(0, until.getTime() - visit.at.getTime()));
    out.set(visit.questionId, (out.get(visit.questionId) ?? 0) + ms);
  });
  return out;
}

/** `1 min 05 s`, `42 s`. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return `${seconds} s`;
  return `${minutes} min ${String(seconds).padStart(2, "0")} s`;
}
