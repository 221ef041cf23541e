import type { DomainInfo, Question, Track } from "@/lib/content/types";
import type { GroupScore } from "@/lib/exam/scoring";

/**
 * Progress analytics on a user's history for one track. Pure.
 *
 * - Mocks are compared as baseline (the first), latest and best (highest percentage).
 * - Weak domains are ranked by recent accuracy weighted by the domain's exam weight. Recent means
 *   the last RECENT_ANSWERS graded answers in the domain, from mocks, practice and drills alike.
 *   Accuracy is smoothed towards 50% by PRIOR_ANSWERS imaginary answers (half right), so one lucky
 *   answer reads as 67%, not 100%, and a domain needs MIN_EVIDENCE answers before it can count as
 *   a strength.
 */

export const RECENT_ANSWERS = 20;
export const MIN_EVIDENCE = 5;
export const PRIOR_ANSWERS = 2;

export type MockRecord = {
  id: string;
  at: Date;
  percent: number;
  passed: boolean;
  isBaseline: boolean;
  byDomain: readonly GroupScore[];
  byCurriculum: readonly GroupScore[];
};

/** One graded answer (a closed attempt's question, or a checked practice answer). */
export type GradedAnswer = {
  questionId: string;
  domain: string;
  curriculum: string | null;
  correct: boolean;
  at: Date;
};

export type Comparison = {
  baseline: MockRecord | null;
  latest: MockRecord | null;
  best: MockRecord | null;
};

/** `mocks` in any order. The baseline is the one marked so, else the oldest. */
export function compareMocks(mocks: readonly MockRecord[]): Comparison {
  if (mocks.length === 0) return { baseline: null, latest: null, best: null };
  const ordered = [...mocks].sort((a, b) => a.at.getTime() - b.at.getTime());
  const baseline = ordered.find((m) => m.isBaseline) ?? ordered[0] ?? null;
  const latest = ordered.at(-1) ?? null;
  const best = ordered.reduce((b, m) => (m.percent > b.percent ? m : b));
  return { baseline, latest, best };
}

export type Grouping = "domain" | "curriculum";

/** Per group: the baseline's, latest's and best mock's percentages (null when not covered). */
export function groupComparison(
  comparison: Comparison,
  groups: readonly DomainInfo[],
  grouping: Grouping,
) {
  const pick = (m: MockRecord | null, id: string) => {
    const scores = grouping === "domain" ? m?.byDomain : m?.byCurriculum;
    const s = scores?.find((g) => g.id === id);
    return s && s.total > 0 ? s : null;
  };
  return groups.map((g) => ({
    id: g.id,
    title: g.title,
    baseline: pick(comparison.baseline, g.id),
    latest: pick(comparison.latest, g.id),
    best: pick(comparison.best, g.id),
  }));
}

/** Every mock's score, oldest first. */
export function trend(mocks: readonly MockRecord[]) {
  return [...mocks]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((m, index) => ({
      n: index + 1,
      id: m.id,
      at: m.at,
      percent: m.percent,
      passed: m.passed,
    }));
}

/**
 * Each study domain's share of the exam, in percent. Tracks that sample by domain state it; for a
 * track that samples by curriculum (CBA) it is derived from the bank: each curriculum weight is
 * spread over its questions, and a study domain gets the share of the questions it holds.
 */
export function domainWeights(track: Track, questions: readonly Question[]): Map<string, number> {
  if (track.blueprint === "domains") {
    return new Map(track.domains.map((d) => [d.id, d.weight ?? 0]));
  }
  const perCurriculum = new Map<string, number>();
  for (const q of questions) {
    if (q.curriculum) perCurriculum.set(q.curriculum, (perCurriculum.get(q.curriculum) ?? 0) + 1);
  }
  const weights = new Map<string, number>(track.domains.map((d) => [d.id, 0]));
  for (const q of questions) {
    const c = track.curriculum.find((x) => x.id === q.curriculum);
    const n = perCurriculum.get(q.curriculum ?? "") ?? 0;
    if (!c || n === 0) continue;
    weights.set(q.domain, (weights.get(q.domain) ?? 0) + (c.weight ?? 0) / n);
  }
  return new Map([...weights].map(([id, w]) => [id, Math.round(w * 10) / 10]));
}

export type DomainStrength = {
  id: string;
  title: string;
  /** Exam weight in percent. */
  weight: number;
  /** Recent graded answers counted (at most RECENT_ANSWERS). */
  answered: number;
  correct: number;
  /** Raw recent accuracy in percent; null when nothing was answered. */
  percent: number | null;
  /** Smoothed accuracy (0–1) used for ranking. */
  smoothed: number;
  /** Fewer than MIN_EVIDENCE recent answers: not enough to call it a strength. */
  thinEvidence: boolean;
  /** Ranking key: how much of the exam this domain is likely costing, higher = weaker. */
  priority: number;
};

/** Study domains ranked weakest first (highest priority). Ties keep the track's order. */
export function rankDomains(
  domains: readonly DomainInfo[],
  weights: ReadonlyMap<string, number>,
  answers: readonly GradedAnswer[],
): DomainStrength[] {
  const recent = new Map<string, GradedAnswer[]>();
  const ordered = [...answers].sort((a, b) => b.at.getTime() - a.at.getTime());
  for (const a of ordered) {
    const list = recent.get(a.domain) ?? [];
    if (list.length < RECENT_ANSWERS) list.push(a);
    recent.set(a.domain, list);
  }
  const rows = domains.map((d, index) => {
    const list = recent.get(d.id) ?? [];
    const correct = list.filter((a) => a.correct).length;
    const smoothed = (correct + PRIOR_ANSWERS / 2) / (list.length + PRIOR_ANSWERS);
    const weight = weights.get(d.id) ?? 0;
    return {
      index,
      row: {
        id: d.id,
        title: d.title,
        weight,
        answered: list.length,
        correct,
        percent: list.length === 0 ? null : Math.round((correct / list.length) * 1000) / 10,
        smoothed,
        thinEvidence: list.length < MIN_EVIDENCE,
        priority: (1 - smoothed) * weight,
      },
    };
  });
  return rows
    .sort((a, b) => b.row.priority - a.row.priority || a.index - b.index)
    .map((r) => r.row);
}

/** The weakest domain worth naming: the top-ranked one with an answer at least. */
export function weakest(ranked: readonly DomainStrength[]): DomainStrength | null {
  return ranked.find((d) => d.answered > 0) ?? null;
}
