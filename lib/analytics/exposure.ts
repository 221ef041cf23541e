/**
 * Which responses count: a user's FIRST graded response to a question (in a closed mock or at a
 * practice check), across every version of it. Later exposures are learning, not measurement
 * (ADR 0014). Pure; lib/analytics/item-stats.server.ts does the same in SQL.
 */

export type GradedResponse = {
  userId: string;
  questionId: string;
  /** When it was graded: a mock's close, a practice check's time. */
  gradedAt: Date;
  /** Tie-breaker for responses graded at the same instant (e.g. the event's arrival order). */
  order: number;
};

export function firstExposures<T extends GradedResponse>(responses: readonly T[]): T[] {
  const first = new Map<string, T>();
  for (const r of responses) {
    const key = `${r.userId}\u0000${r.questionId}`;
    const seen = first.get(key);
    const earlier =
      !seen ||
      r.gradedAt.getTime() < seen.gradedAt.getTime() ||
      (r.gradedAt.getTime() === seen.gradedAt.getTime() && r.order < seen.order);
    if (earlier) first.set(key, r);
  }
  return [...first.values()];
}
