import type { Bank } from "@/lib/content/types";
import type { Db } from "@/lib/prisma.server";
import { closeAttempt } from "./attempts.server";
import { checkSave, GRACE_MS, isExpired } from "./deadline";

/** Saving the candidate's events: the hottest path of the app (one request per answer). */

export type IncomingEvent =
  | { id: string; questionId: string; kind: "answer"; selected: string[]; at: Date }
  | { id: string; questionId: string; kind: "flag"; flagged: boolean; at: Date }
  | { id: string; questionId: string; kind: "visit"; at: Date };

export type RecordResult =
  | { status: "ok"; accepted: string[]; rejected: { id: string; reason: string }[] }
  | { status: "closed"; message: string }
  | { status: "not-found" };

type SaveRow = {
  status: "in_progress" | "submitted" | "expired";
  trackId: string;
  /** The deadline in ms since the epoch (the column is UTC without a zone). */
  deadlineMs: number | null;
  /** Index of the event in the request; null only when the request had no events. */
  ord: number | null;
  /** The event's question's option keys in this attempt; null when it is not in the attempt. */
  optionOrder: string[] | null;
  /** Immediate-feedback modes: the question was checked, so its answer is final. */
  checked: boolean | null;
};

/**
 * Appends the candidate's events. Idempotent by event id; refuses saves after the deadline.
 *
 * One statement, one round trip (this is the hottest path of the app: one request per answer of
 * every candidate): it finds the attempt as the user's, joins each event to its question in the
 * attempt, inserts the events that pass the rules below, and returns what the rules were judged
 * on, from which the reasons for the refused ones are told. The SQL `WHERE` and `saveVerdict`
 * are the same rules and must change together:
 *   - the attempt is the user's (else no row at all → not found) and in progress, read under a
 *     row lock shared with other saves and exclusive of a close (see attempts.server.ts);
 *   - the question is in the attempt; an answer names only the question's options;
 *   - an answer to a question already checked (practice, drills) is refused: it is final;
 *   - `checkSave`: received before deadline + grace, the change made before the deadline.
 * Event kinds are handled generically (the kind is stored as sent; `selected` is checked against
 * the options only for answers), so a new kind needs its zod schema, its columns in `rowOf`, and
 * a rule here in both places if it has one.
 */
export async function recordEvents(
  db: Db,
  userId: string,
  attemptId: string,
  events: readonly IncomingEvent[],
  bank: Bank,
  now: Date = new Date(),
): Promise<RecordResult> {
  // A client clock ahead of the server's cannot date a change into the future.
  const clamped = events.map((e) => ({ ...e, at: e.at > now ? now : e.at }));
  const rowOf = (e: IncomingEvent, ord: number) => ({
    ord,
    id: e.id,
    questionId: e.questionId,
    kind: e.kind,
    selected: e.kind === "answer" ? [...new Set(e.selected)] : [],
    flagged: e.kind === "flag" ? e.flagged : null,
    at: e.at.toISOString(),
  });
  const payload = JSON.stringify(clamped.map(rowOf));
  const nowText = now.toISOString();
  const grace = `${GRACE_MS} milliseconds`;
  const rows = await db.$queryRaw<SaveRow[]>`
    WITH attempt AS (
      -- FOR KEY SHARE: waits for a close in progress (which holds FOR UPDATE), then re-reads
      -- the row, so an event is never stored after its attempt was scored. Saves of the same
      -- attempt do not block each other.
      SELECT id, status, deadline, "trackId" FROM "Attempt"
      WHERE id = ${attemptId} AND "userId" = ${userId}
      FOR KEY SHARE
    ),
    incoming AS (
      -- A scalar subquery per event: always one probe of the (attemptId, questionId) unique
      -- index. (As a join, the planner's guess of 100 rows from jsonb_to_recordset made it
      -- hash-join a sequential scan of the whole table on small databases: 4x the CPU.)
      SELECT e.*, (
        SELECT q."optionOrder" FROM "AttemptQuestion" q
        WHERE q."attemptId" = a.id AND q."questionId" = e."questionId"
      ) AS "optionOrder", EXISTS (
        SELECT 1 FROM "AnswerEvent" c
        WHERE c."attemptId" = a.id AND c."questionId" = e."questionId" AND c.kind = 'check'
      ) AS checked
      FROM attempt a
      CROSS JOIN jsonb_to_recordset(${payload}::jsonb) AS e(
        ord int, id uuid, "questionId" text, kind text, selected text[], flagged boolean,
        at timestamp(3)
      )
    ),
    saved AS (
      INSERT INTO "AnswerEvent"
        (id, "attemptId", "questionId", kind, selected, flagged, "answeredAt", "receivedAt")
      SELECT i.id, a.id, i."questionId", i.kind::"AnswerEventKind", i.selected, i.flagged, i.at,
        ${nowText}::timestamp(3)
      FROM incoming i CROSS JOIN attempt a
      WHERE a.status = 'in_progress'
        AND i."optionOrder" IS NOT NULL
        AND (i.kind <> 'answer' OR (i.selected <@ i."optionOrder" AND NOT i.checked))
        AND (a.deadline IS NULL OR (
          ${nowText}::timestamp(3) <= a.deadline + ${grace}::interval AND i.at <= a.deadline
        ))
      ORDER BY i.ord
      ON CONFLICT DO NOTHING
    )
    SELECT a.status::text AS status, a."trackId",
      (extract(epoch FROM a.deadline) * 1000)::float8 AS "deadlineMs",
      i.ord, i."optionOrder", i.checked
    FROM attempt a LEFT JOIN incoming i ON true`;
  const head = rows[0];
  if (!head) return { status: "not-found" };
  if (head.status !== "in_progress") {
    return {
      status: "closed",
      message: "This attempt is closed: it was submitted or its time ran out.",
    };
  }
  const deadline = head.deadlineMs === null ? null : new Date(head.deadlineMs);
  if (isExpired(now, deadline)) {
    // Nothing was inserted (the deadline rule above); close the attempt with what it holds.
    await closeAttempt(db, attemptId, bank, now);
    return { status: "closed", message: "Time is up: this attempt was closed at its deadline." };
  }
  const byOrd = new Map(rows.map((r) => [r.ord, r]));
  const accepted: string[] = [];
  const rejected: { id: string; reason: string }[] = [];
  clamped.forEach((event, ord) => {
    const row = byOrd.get(ord);
    const verdict = saveVerdict(
      event,
      row?.optionOrder ?? null,
      row?.checked ?? false,
      deadline,
      now,
    );
    if (verdict.ok) accepted.push(event.id);
    else rejected.push({ id: event.id, reason: verdict.reason });
  });
  return { status: "ok", accepted, rejected };
}

/** The save rules of `recordEvents` (mirrored by its SQL), for one event of an open attempt. */
function saveVerdict(
  event: IncomingEvent,
  optionOrder: readonly string[] | null,
  checked: boolean,
  deadline: Date | null,
  now: Date,
): { ok: true } | { ok: false; reason: string } {
  if (!optionOrder) {
    return { ok: false, reason: `Question ${event.questionId} is not part of this attempt.` };
  }
  if (event.kind === "answer" && !event.selected.every((k) => optionOrder.includes(k))) {
    return { ok: false, reason: "The answer names an option the question does not have." };
  }
  if (event.kind === "answer" && checked) {
    return { ok: false, reason: "This answer was already checked, so it can no longer change." };
  }
  return checkSave({ now, deadline, answeredAt: event.at });
}
