import type { CheckedFeedback } from "@/lib/exam/practice";
import { sameOriginPath } from "@/lib/same-origin-path";

/** Props of the exam player and the pure helpers behind it. */

/** What an opaque option id looks like (made by option-ids.ts on the server). */
export const OPTION_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export type PlayerQuestion = {
  questionId: string;
  /** 1-based. */
  position: number;
  type: "single" | "multiple";
  /** 1 for single. */
  chooseCount: number;
  stemHtml: string;
  /** Already in this attempt's shuffled order; `key` is an opaque option id (option-ids.ts). */
  options: { key: string; html: string }[];
  /** Empty in a timed mock. */
  domainTitle: string;
};

export type PlayerState = {
  attemptId: string;
  trackTitle: string;
  /** ISO; null = untimed. */
  deadline: string | null;
  /** ISO, the server's clock when the page was rendered. */
  serverNow: string;
  questions: PlayerQuestion[];
  /** Saved answers by questionId (server truth), as opaque option ids. */
  answers: Record<string, string[]>;
  /** questionIds. */
  flagged: string[];
  isBaseline: boolean;
  /** mock: graded at the end; practice and drill: each answer checked on request. */
  mode: "mock" | "practice" | "drill";
  /** Immediate-feedback modes: the feedback of every question checked so far, by questionId. */
  checked: Record<string, CheckedFeedback<string>>;
};

// ---------------------------------------------------------------------------------------------
// Time

/** Minutes left at which the player warns, most distant first. */
export const WARNING_MINUTES = [10, 5, 1] as const;
export type WarningMinutes = (typeof WARNING_MINUTES)[number];

/** Clock offset to add to `Date.now()` to get the server's time. */
export function clockOffset(serverNowIso: string, clientNowMs: number): number {
  const server = Date.parse(serverNowIso);
  return Number.isNaN(server) ? 0 : server - clientNowMs;
}

/** Milliseconds left (never negative), or null when untimed or the deadline is unreadable. */
export function remainingMs(deadlineIso: string | null, serverNowMs: number): number | null {
  if (deadlineIso === null) return null;
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) return null;
  return Math.max(0, deadline - serverNowMs);
}

/** `mm:ss`, or `h:mm:ss` from one hour; whole seconds rounded up, so 00:00 means time is up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, "0")}:${ss}`;
  return `${String(minutes).padStart(2, "0")}:${ss}`;
}

/** The most urgent warning reached: 10, 5 or 1 (minutes), or null above ten minutes. */
export function warningLevel(ms: number | null): WarningMinutes | null {
  if (ms === null) return null;
  let level: WarningMinutes | null = null;
  for (const minutes of WARNING_MINUTES) if (ms <= minutes * 60_000) level = minutes;
  return level;
}

/** The warnings crossed between two readings of the remaining time, in order. */
export function crossedWarnings(previousMs: number, nextMs: number): WarningMinutes[] {
  return WARNING_MINUTES.filter((m) => previousMs > m * 60_000 && nextMs <= m * 60_000);
}

export function warningMessage(minutes: number): string {
  return minutes === 1 ? "1 minute remaining" : `${minutes} minutes remaining`;
}

// ---------------------------------------------------------------------------------------------
// Answers

export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * The selection after clicking option `key`: radio semantics for single, toggle for multiple.
 * As on the real exam, a multiple-answer question stops at `chooseCount`: one more option is
 * refused (the selection comes back unchanged) until one is cleared.
 */
export function toggleSelection(
  current: readonly string[],
  key: string,
  type: PlayerQuestion["type"],
  chooseCount = Number.POSITIVE_INFINITY,
): string[] {
  if (type === "single") return [key];
  if (current.includes(key)) return current.filter((k) => k !== key).sort();
  if (current.length >= chooseCount) return [...current].sort();
  return [...current, key].sort();
}

/** Said when an extra option is refused on a multiple-answer question. */
export function selectionLimitNote(chooseCount: number): string {
  return `This question needs only ${chooseCount} answers. Clear one before choosing another.`;
}

export function sameSelection(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** A polite note for a multiple-answer question with too few or too many options chosen. */
export function selectionNote(
  type: PlayerQuestion["type"],
  chooseCount: number,
  selectedCount: number,
): string | null {
  if (type !== "multiple" || selectedCount === 0 || selectedCount === chooseCount) return null;
  if (selectedCount < chooseCount) {
    const missing = chooseCount - selectedCount;
    return `Select ${missing} more option${missing === 1 ? "" : "s"}: this question needs ${chooseCount}.`;
  }
  return `You have selected ${selectedCount} options; this question needs ${chooseCount}.`;
}

export type Summary = {
  /** Positions (1-based), in order. */
  answered: number[];
  unanswered: number[];
  flagged: number[];
  /** Multiple-answer questions answered with the wrong number of options. */
  miscounted: number[];
};

export function summarise(
  questions: readonly PlayerQuestion[],
  answers: Readonly<Record<string, readonly string[] | undefined>>,
  flagged: ReadonlySet<string>,
): Summary {
  const summary: Summary = { answered: [], unanswered: [], flagged: [], miscounted: [] };
  for (const q of questions) {
    const selected = answers[q.questionId] ?? [];
    if (selected.length > 0) summary.answered.push(q.position);
    else summary.unanswered.push(q.position);
    if (flagged.has(q.questionId)) summary.flagged.push(q.position);
    if (q.type === "multiple" && selected.length > 0 && selected.length !== q.chooseCount) {
      summary.miscounted.push(q.position);
    }
  }
  return summary;
}

/** The accessible name of a navigator button, e.g. "Question 3, answered, flagged". */
export function navigatorLabel(position: number, answered: boolean, flagged: boolean): string {
  return `Question ${position}, ${answered ? "answered" : "unanswered"}${flagged ? ", flagged" : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Keyboard

export type Shortcut =
  | { kind: "option"; index: number }
  | { kind: "next" }
  | { kind: "previous" }
  | { kind: "flag" }
  /** Practice and drills: check the answer (Enter). Mocks ignore it. */
  | { kind: "check" };

/** Letters that pick an option by displayed position. F is "flag", so letters stop at E. */
export const OPTION_LETTER_KEYS = ["A", "B", "C", "D", "E"] as const;
/** Digits pick options 1–9 by displayed position. */
export const MAX_DIGIT_OPTION = 9;

/** The shortcut for a key (`KeyboardEvent.key`), or null. Never Tab or Space. */
export function shortcutForKey(key: string, optionCount: number): Shortcut | null {
  if (key === "Enter") return { kind: "check" };
  if (key === "ArrowRight") return { kind: "next" };
  if (key === "ArrowLeft") return { kind: "previous" };
  if (key.length !== 1) return null;
  const upper = key.toUpperCase();
  if (upper === "N") return { kind: "next" };
  if (upper === "P") return { kind: "previous" };
  if (upper === "F") return { kind: "flag" };
  let index = -1;
  if (upper >= "1" && upper <= String(MAX_DIGIT_OPTION)) index = Number(upper) - 1;
  else index = (OPTION_LETTER_KEYS as readonly string[]).indexOf(upper);
  return index >= 0 && index < optionCount ? { kind: "option", index } : null;
}

export type KeyInput = {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  /** The focused element, described. */
  target: { tagName: string; type?: string | null; isContentEditable?: boolean } | null;
};

const TEXT_INPUT_TYPES = new Set([
  "text",
  "search",
  "email",
  "url",
  "tel",
  "password",
  "number",
  "date",
  "datetime-local",
  "month",
  "time",
  "week",
]);

/** Whether the focused element takes typing (shortcuts are off there). */
export function isTypingTarget(target: KeyInput["target"]): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return TEXT_INPUT_TYPES.has((target.type ?? "text").toLowerCase());
  return false;
}

/**
 * The shortcut for a key press, or null when it must be left alone: a modifier is held, an IME
 * is composing, focus is in a text field, or an arrow key on a radio button (arrows move
 * between radios natively).
 */
export function resolveShortcut(input: KeyInput, optionCount: number): Shortcut | null {
  if (input.ctrlKey || input.altKey || input.metaKey || input.shiftKey || input.isComposing) {
    return null;
  }
  if (isTypingTarget(input.target)) return null;
  // Enter on a button or a link activates it.
  if (input.key === "Enter" && /^(BUTTON|A|SUMMARY)$/i.test(input.target?.tagName ?? "")) {
    return null;
  }
  const shortcut = shortcutForKey(input.key, optionCount);
  if (
    shortcut &&
    (input.key === "ArrowLeft" || input.key === "ArrowRight") &&
    input.target?.tagName.toUpperCase() === "INPUT" &&
    input.target.type?.toLowerCase() === "radio"
  ) {
    return null;
  }
  return shortcut;
}

// ---------------------------------------------------------------------------------------------
// Submitting

export function reviewUrlFor(attemptId: string): string {
  return `/attempts/${encodeURIComponent(attemptId)}/review`;
}

/** A same-origin path from the server, or the attempt's review page. */
export function safeReviewUrl(value: unknown, attemptId: string): string {
  return sameOriginPath(value) ?? reviewUrlFor(attemptId);
}

export type SubmitOutcome =
  | { kind: "done"; reviewUrl: string }
  | { kind: "failed"; message: string }
  | { kind: "retry" };

/** What to do after `POST /api/attempts/{id}/submit`: 200 and 409 (already closed) both go to review. */
export function interpretSubmitResponse(
  status: number,
  body: unknown,
  attemptId: string,
): SubmitOutcome {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if ((status >= 200 && status < 300) || (status === 409 && record.closed === true)) {
    return { kind: "done", reviewUrl: safeReviewUrl(record.reviewUrl, attemptId) };
  }
  if (status >= 500 || status === 408 || status === 429) return { kind: "retry" };
  const message =
    typeof record.error === "string" && record.error.trim()
      ? record.error
      : `The exam could not be submitted (error ${status}).`;
  return { kind: "failed", message };
}
