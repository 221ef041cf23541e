import { type Card, fsrs, type Grade, Rating, State } from "ts-fsrs";

/**
 * Spaced review of missed questions with FSRS (ts-fsrs): conversion between the ReviewCard row
 * and a ts-fsrs Card, rating, and the preview of each rating's next due date. Pure.
 * Parameters: ts-fsrs defaults (request retention 0.9, maximum interval 36500 days, short-term
 * learning steps 1 min and 10 min) with fuzz off, so a rating's interval is the one shown.
 */

const scheduler = fsrs({ enable_fuzz: false });

export type CardState = "new" | "learning" | "review" | "relearning";

export type CardRow = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: Date | null;
};

const STATES: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_NAMES = Object.fromEntries(
  Object.entries(STATES).map(([name, state]) => [state, name]),
) as Record<State, CardState>;

export function toCard(row: CardRow): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: STATES[row.state],
    ...(row.lastReview ? { last_review: row.lastReview } : {}),
  };
}

export function fromCard(card: Card): CardRow {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review ?? null,
  };
}

export const RATINGS = [
  { value: 1, label: "Again", grade: Rating.Again },
  { value: 2, label: "Hard", grade: Rating.Hard },
  { value: 3, label: "Good", grade: Rating.Good },
  { value: 4, label: "Easy", grade: Rating.Easy },
] as const;

export type RatingValue = (typeof RATINGS)[number]["value"];

export function isRating(value: unknown): value is RatingValue {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The card after a rating, as a row. */
export function rate(row: CardRow, rating: RatingValue, now: Date): CardRow {
  const grade = RATINGS[rating - 1]?.grade as Grade;
  return fromCard(scheduler.next(toCard(row), now, grade).card);
}

/** Each rating's next due date, for the buttons ("Good · 3 days"). */
export function previews(row: CardRow, now: Date) {
  return RATINGS.map((r) => {
    const due = scheduler.next(toCard(row), now, r.grade as Grade).card.due;
    return { ...r, due, interval: intervalLabel(due.getTime() - now.getTime()) };
  });
}

export function intervalLabel(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} day${days === 1 ? "" : "s"}`;
  const months = Math.round(days / 30);
  return `${months} month${months === 1 ? "" : "s"}`;
}
