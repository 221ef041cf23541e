import type { OptionKey, Track } from "@/lib/content/types";

/**
 * Grading and scores. Pure.
 * - All-or-nothing per question: the selected set must equal the correct set exactly
 *   (multiple response included); unanswered counts as wrong; no partial credit.
 * - AWS reports a scaled score (100–1000) and publishes no conversion from raw marks, so the
 *   scaled score here is an ESTIMATE: a piecewise-linear, monotone map that sends 0% to the
 *   scale's minimum, the track's passing percentage to the passing score, and 100% to the maximum.
 *   The passing percentage is assumed to be passingScore / 10 (700 → 70%), the usual rule of thumb;
 *   see docs/decisions/0006-scoring.md.
 */

export function isCorrect(
  correctKeys: readonly OptionKey[],
  selected: readonly OptionKey[] | undefined,
): boolean {
  if (!selected || selected.length !== correctKeys.length) return false;
  const want = new Set(correctKeys);
  return new Set(selected).size === selected.length && selected.every((k) => want.has(k));
}

export type GradedItem = {
  questionId: string;
  domain: string;
  curriculum: string | null;
  correctKeys: readonly OptionKey[];
};

export type GroupScore = { id: string; correct: number; total: number; percent: number };

export type AttemptScore = {
  correct: number;
  total: number;
  answered: number;
  percent: number;
  passed: boolean;
  byDomain: GroupScore[];
  byCurriculum: GroupScore[];
  /** AWS only: the estimated scaled score; always shown labelled as an estimate. */
  scaledEstimate: number | null;
  /** The percentage treated as the pass mark (percent tracks: the passing score itself). */
  passingPercent: number;
};

const pct = (correct: number, total: number) =>
  total === 0 ? 0 : Math.round((correct / total) * 1000) / 10;

export function passingPercentOf(track: Track): number {
  return track.passing.scale === "percent" ? track.passing.score : track.passing.score / 10;
}

/** Monotone piecewise-linear estimate of a scaled score from a raw percentage. */
export function estimateScaled(track: Track, percent: number): number {
  const { min, max, score } = track.passing;
  const pass = passingPercentOf(track);
  const p = Math.min(100, Math.max(0, percent));
  const value =
    p <= pass
      ? min + (p / pass) * (score - min)
      : score + ((p - pass) / (100 - pass)) * (max - score);
  return Math.round(value);
}

type Grouped = { domain: string; curriculum: string | null };

function groupScores<T extends Grouped>(
  items: readonly T[],
  results: readonly boolean[],
  key: (i: T) => string | null,
) {
  const groups = new Map<string, { correct: number; total: number }>();
  items.forEach((item, index) => {
    const id = key(item);
    if (id === null) return;
    const g = groups.get(id) ?? { correct: 0, total: 0 };
    g.total += 1;
    if (results[index]) g.correct += 1;
    groups.set(id, g);
  });
  return [...groups.entries()].map(([id, g]) => ({ id, ...g, percent: pct(g.correct, g.total) }));
}

export function scoreAttempt(
  track: Track,
  items: readonly GradedItem[],
  answers: ReadonlyMap<string, readonly OptionKey[]>,
): AttemptScore {
  return scoreResults(
    track,
    items.map((item) => {
      const selected = answers.get(item.questionId);
      return {
        ...item,
        correct: isCorrect(item.correctKeys, selected),
        answered: (selected?.length ?? 0) > 0,
      };
    }),
  );
}

/** The score of questions already graded one by one (what an attempt stores when it closes). */
export function scoreResults(
  track: Track,
  items: readonly (Omit<GradedItem, "correctKeys"> & { correct: boolean; answered: boolean })[],
): AttemptScore {
  const results = items.map((item) => item.correct);
  const correct = results.filter(Boolean).length;
  const percent = pct(correct, items.length);
  const scaledEstimate = track.passing.scale === "scaled" ? estimateScaled(track, percent) : null;
  const passingPercent = passingPercentOf(track);
  return {
    correct,
    total: items.length,
    answered: items.filter((i) => i.answered).length,
    percent,
    passed:
      scaledEstimate === null
        ? percent >= track.passing.score
        : scaledEstimate >= track.passing.score,
    byDomain: groupScores(items, results, (i) => i.domain),
    byCurriculum: groupScores(items, results, (i) => i.curriculum),
    scaledEstimate,
    passingPercent,
  };
}
