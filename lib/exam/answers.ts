import type { OptionKey } from "@/lib/content/types";

/**
 * Answers are stored as an append-only log of selection events (as in Moodle's question engine);
 * the current answer to each question is derived from it. Pure.
 */

export type AnswerEvent = {
  questionId: string;
  selected: readonly OptionKey[];
  /** When the candidate made the change (client clock, checked against the deadline by the server). */
  answeredAt: Date;
  /** Server-assigned order of arrival; breaks ties between events with the same time. */
  sequence: number;
};

/** The latest event per question by answer time, then by arrival: the last write wins. */
export function currentAnswers(events: readonly AnswerEvent[]): Map<string, readonly OptionKey[]> {
  const latest = new Map<string, AnswerEvent>();
  for (const event of events) {
    const current = latest.get(event.questionId);
    if (
      !current ||
      event.answeredAt.getTime() > current.answeredAt.getTime() ||
      (event.answeredAt.getTime() === current.answeredAt.getTime() &&
        event.sequence > current.sequence)
    ) {
      latest.set(event.questionId, event);
    }
  }
  return new Map([...latest].map(([id, e]) => [id, e.selected]));
}
