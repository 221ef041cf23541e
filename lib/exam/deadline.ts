/**
 * Deadline rules, all against the server's clock. Pure.
 * - The deadline is fixed when the attempt starts: startedAt + the exam's duration.
 * - A save arriving after the deadline is still accepted within a short grace period, for
 *   requests that were in flight when time ran out, but only if the change itself was made
 *   before the deadline.
 * - After deadline + grace the attempt is closed with what was received.
 */

export const GRACE_MS = 10_000;

export function deadlineFor(startedAt: Date, durationMinutes: number): Date {
  return new Date(startedAt.getTime() + durationMinutes * 60_000);
}

export function remainingMs(now: Date, deadline: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

export type SaveVerdict = { ok: true } | { ok: false; reason: string };

export function checkSave(input: {
  now: Date;
  deadline: Date | null;
  answeredAt: Date;
}): SaveVerdict {
  const { now, deadline, answeredAt } = input;
  if (!deadline) return { ok: true };
  if (now.getTime() > deadline.getTime() + GRACE_MS) {
    return { ok: false, reason: "Time is up: this attempt was closed at its deadline." };
  }
  if (answeredAt.getTime() > deadline.getTime()) {
    return { ok: false, reason: "This answer was given after the deadline and was not saved." };
  }
  return { ok: true };
}

export function isExpired(now: Date, deadline: Date | null): boolean {
  return deadline !== null && now.getTime() > deadline.getTime() + GRACE_MS;
}
