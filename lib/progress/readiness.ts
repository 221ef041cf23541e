/**
 * Readiness: a practice signal, not a prediction of the real result. "Ready" only when the last
 * three mocks are all at or above 85% and each at or above the exam's pass mark; otherwise it
 * says exactly what is missing. Pure.
 */

export const READY_PERCENT = 85;
export const READY_STREAK = 3;

export type MockResult = { percent: number; passed: boolean };

export type Readiness = { ready: boolean; summary: string };

/**
 * `results` oldest first. `weakest`, when given, is named in a "not ready" summary so the user
 * sees where the missing points are.
 */
export function readiness(
  results: readonly MockResult[],
  weakest?: { title: string; percent: number } | null,
): Readiness {
  const last = results.slice(-READY_STREAK);
  const good = last.filter((r) => r.percent >= READY_PERCENT && r.passed).length;
  if (last.length === READY_STREAK && good === READY_STREAK) {
    return {
      ready: true,
      summary: `Ready: your last ${READY_STREAK} mocks were all at or above ${READY_PERCENT}%.`,
    };
  }
  if (results.length === 0) {
    return {
      ready: false,
      summary: `Not ready yet: take a baseline mock, then aim for ${READY_STREAK} in a row at ${READY_PERCENT}% or more.`,
    };
  }
  const missing = READY_STREAK - last.length;
  const failedPass = last.filter((r) => r.percent >= READY_PERCENT && !r.passed).length;
  return {
    ready: false,
    summary:
      `Not ready yet: ${good} of the last ${last.length} mock${last.length === 1 ? "" : "s"} at or above ${READY_PERCENT}%` +
      (failedPass > 0 ? ` and the pass mark` : "") +
      (missing > 0
        ? `, and ${missing} more mock${missing === 1 ? "" : "s"} needed for a streak of ${READY_STREAK}.`
        : ".") +
      (weakest ? ` Weakest domain: ${weakest.title} (${weakest.percent}%).` : ""),
  };
}
