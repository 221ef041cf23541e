import { OPTION_ID_PATTERN } from "./player";

/**
 * The exam player's save queue, pure: an append-only log of answer, flag and visit events that is
 * persisted in localStorage before anything is sent, sent in batches, and trimmed only when the
 * server has acknowledged (accepted or rejected) an event. Events are idempotent by id, so
 * sending one twice is harmless. The component wires this to fetch, localStorage and timers.
 */

export type QueuedAnswer = {
  id: string;
  questionId: string;
  kind: "answer";
  selected: string[];
  at: string;
};

export type QueuedFlag = {
  id: string;
  questionId: string;
  kind: "flag";
  flagged: boolean;
  at: string;
};

/** The candidate opened a question (time spent per question is derived from these). */
export type QueuedVisit = {
  id: string;
  questionId: string;
  kind: "visit";
  at: string;
};

export type QueuedEvent = QueuedAnswer | QueuedFlag | QueuedVisit;

/** The server takes 1–200 events per request. */
export const MAX_BATCH = 200;
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 30_000;

const MAX_ID_LENGTH = 200;

export function queueStorageKey(attemptId: string): string {
  return `passmark:queue:${attemptId}`;
}

/** Appends an event; an event whose id is already queued is ignored. */
export function enqueue(queue: readonly QueuedEvent[], event: QueuedEvent): QueuedEvent[] {
  if (queue.some((e) => e.id === event.id)) return [...queue];
  return [...queue, event];
}

/** The union of two queues by id: `a` in its order, then the events only `b` has. */
export function mergeQueues(a: readonly QueuedEvent[], b: readonly QueuedEvent[]): QueuedEvent[] {
  const seen = new Set(a.map((e) => e.id));
  const merged = [...a];
  for (const event of b) {
    if (!seen.has(event.id)) {
      seen.add(event.id);
      merged.push(event);
    }
  }
  return merged;
}

/** Drops the events the server has acknowledged (accepted or rejected). */
export function removeIds(queue: readonly QueuedEvent[], ids: Iterable<string>): QueuedEvent[] {
  const done = new Set(ids);
  return queue.filter((e) => !done.has(e.id));
}

/** The next request's events: the oldest first, at most `max`. */
export function takeBatch(queue: readonly QueuedEvent[], max = MAX_BATCH): QueuedEvent[] {
  return queue.slice(0, Math.max(1, Math.min(max, MAX_BATCH)));
}

/**
 * Back-off before retry number `failures` (1-based): 1 s, 2 s, 4 s … capped at 30 s, with ±20%
 * jitter so that many clients coming back online do not retry in step. Never above the cap.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(Number.isFinite(failures) ? failures : 1));
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(n - 1, 30));
  const jittered = base * (0.8 + 0.4 * Math.min(1, Math.max(0, random())));
  return Math.round(Math.min(RETRY_CAP_MS, jittered));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isOptionId(value: unknown): value is string {
  return typeof value === "string" && OPTION_ID_PATTERN.test(value);
}

function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** One persisted event, checked field by field; anything malformed is `null`. */
export function parseEvent(value: unknown): QueuedEvent | null {
  if (!isRecord(value)) return null;
  const { id, questionId, kind, at } = value;
  if (!isId(id) || !isId(questionId)) return null;
  if (typeof at !== "string" || Number.isNaN(Date.parse(at))) return null;
  if (kind === "answer") {
    const { selected } = value;
    if (!Array.isArray(selected) || !selected.every(isOptionId)) return null;
    return { id, questionId, kind, selected: [...new Set(selected)], at };
  }
  if (kind === "flag") {
    const { flagged } = value;
    if (typeof flagged !== "boolean") return null;
    return { id, questionId, kind, flagged, at };
  }
  if (kind === "visit") return { id, questionId, kind, at };
  return null;
}

/**
 * The queue persisted under `queueStorageKey`, read defensively: bad JSON or a wrong shape gives
 * an empty queue, malformed or duplicate events are dropped, the rest kept in order. Accepts
 * `{ "v": 1, "events": [...] }` (what `serializeQueue` writes) or a bare array.
 * With `knownQuestionIds`, events for questions outside this attempt are dropped too.
 */
export function parseQueue(
  raw: string | null | undefined,
  knownQuestionIds?: ReadonlySet<string>,
): QueuedEvent[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  const list = Array.isArray(data) ? data : isRecord(data) ? data.events : null;
  if (!Array.isArray(list)) return [];
  let queue: QueuedEvent[] = [];
  for (const item of list) {
    const event = parseEvent(item);
    if (!event) continue;
    if (knownQuestionIds && !knownQuestionIds.has(event.questionId)) continue;
    queue = enqueue(queue, event);
  }
  return queue;
}

export function serializeQueue(queue: readonly QueuedEvent[]): string {
  return JSON.stringify({ v: 1, events: queue });
}

/**
 * Applies queued (not yet acknowledged, so newer) events over the server's answers and flags:
 * the latest event per question by time wins, ties broken by queue order.
 */
export function applyEvents(
  answers: Readonly<Record<string, readonly string[]>>,
  flagged: readonly string[],
  events: readonly QueuedEvent[],
): { answers: Record<string, string[]>; flagged: string[] } {
  const nextAnswers: Record<string, string[]> = {};
  for (const [id, selected] of Object.entries(answers)) nextAnswers[id] = [...selected];
  const nextFlagged = new Set(flagged);
  const ordered = events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((x, y) => x.time - y.time || x.index - y.index);
  for (const { event } of ordered) {
    if (event.kind === "answer") nextAnswers[event.questionId] = [...event.selected];
    else if (event.kind === "visit") continue;
    else if (event.flagged) nextFlagged.add(event.questionId);
    else nextFlagged.delete(event.questionId);
  }
  return { answers: nextAnswers, flagged: [...nextFlagged] };
}

/** What to do after a `POST /api/attempts/{id}/events` response. */
export type EventsOutcome =
  /** `done`: every acknowledged id (accepted and rejected), to drop from the queue. */
  | { kind: "acked"; done: string[]; rejected: { id: string; reason: string }[] }
  /** 409: the attempt is closed; stop sending. */
  | { kind: "closed"; message: string }
  /** 400/404 and other client errors: show the message, stop retrying on a timer. */
  | { kind: "failed"; message: string }
  /** 5xx, 408, 429 or an unreadable 200: retry with back-off. */
  | { kind: "retry" };

function errorText(body: unknown, fallback: string): string {
  if (isRecord(body) && typeof body.error === "string" && body.error.trim()) return body.error;
  return fallback;
}

export function interpretEventsResponse(status: number, body: unknown): EventsOutcome {
  if (status >= 200 && status < 300) {
    if (!isRecord(body)) return { kind: "retry" };
    const accepted = Array.isArray(body.accepted) ? body.accepted.filter(isId) : [];
    const rejected: { id: string; reason: string }[] = [];
    if (Array.isArray(body.rejected)) {
      for (const r of body.rejected) {
        if (isRecord(r) && isId(r.id)) {
          rejected.push({
            id: r.id,
            reason: typeof r.reason === "string" && r.reason ? r.reason : "Not saved.",
          });
        }
      }
    }
    return { kind: "acked", done: [...accepted, ...rejected.map((r) => r.id)], rejected };
  }
  if (status === 409 && isRecord(body) && body.closed === true) {
    return { kind: "closed", message: errorText(body, "This exam is closed.") };
  }
  if (status >= 500 || status === 408 || status === 429) return { kind: "retry" };
  if (status === 401 || status === 403) {
    return {
      kind: "failed",
      message: errorText(body, "Your session has ended. Sign in again to keep saving answers."),
    };
  }
  return { kind: "failed", message: errorText(body, `Could not save answers (error ${status}).`) };
}

export type SaveStatusKind = "saved" | "saving" | "offline" | "error";

/** The text of the save indicator, most urgent first: error, offline, saving, saved. */
export function saveStatus(input: {
  pending: number;
  online: boolean;
  networkFailed: boolean;
  error: string | null;
}): { kind: SaveStatusKind; text: string } {
  if (input.error) return { kind: "error", text: input.error };
  if (!input.online || (input.networkFailed && input.pending > 0)) {
    return { kind: "offline", text: "Offline — will retry" };
  }
  if (input.pending > 0) return { kind: "saving", text: "Saving…" };
  return { kind: "saved", text: "All answers saved" };
}

type CryptoLike = {
  randomUUID?: () => string;
  getRandomValues?: (array: Uint8Array<ArrayBuffer>) => unknown;
};

/**
 * A random UUID v4 for an event id. `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost), so fall back to `getRandomValues`, and to Math.random as a last resort.
 */
export function newEventId(
  cryptoImpl: CryptoLike | undefined = globalThis.crypto as CryptoLike | undefined,
): string {
  if (typeof cryptoImpl?.randomUUID === "function") return cryptoImpl.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof cryptoImpl?.getRandomValues === "function") cryptoImpl.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
