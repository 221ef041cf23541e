"use client";

import { useEffect, useRef } from "react";
import type { Summary } from "@/lib/exam/player";

export type EndPhase =
  | { kind: "confirm"; error: string | null }
  | { kind: "submitting"; trigger: "user" | "timeout"; step: string }
  | { kind: "closed"; message: string; reviewUrl: string };

const buttonBase =
  "rounded-md px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60";

function JumpList({
  title,
  positions,
  onJump,
}: {
  title: string;
  positions: readonly number[];
  onJump: (position: number) => void;
}) {
  if (positions.length === 0) return null;
  return (
    <div>
      <h3 className="text-sm font-semibold">
        {title} ({positions.length})
      </h3>
      <ul className="mt-1 flex max-h-40 flex-wrap gap-1.5 overflow-y-auto p-0.5">
        {positions.map((position) => (
          <li key={position}>
            <button
              type="button"
              aria-label={`Go to question ${position}`}
              onClick={() => onJump(position)}
              className="min-w-9 rounded border border-slate-300 px-2 py-1 text-sm tabular-nums hover:border-indigo-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-600"
            >
              {position}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The modal for ending the exam (native <dialog> opened with showModal: focus is trapped and the
 * page behind is inert). Confirm lists unanswered and flagged questions; it also shows the
 * progress of submitting and the "exam closed" message. Escape returns to the exam while that
 * is allowed.
 */
export function EndExamDialog({
  phase,
  total,
  summary,
  canReturn,
  reviewUrl,
  onSubmit,
  onReturn,
  onJump,
  practice = false,
}: {
  /** Practice and drills: "session" wording; unchecked answers are not graded. */
  practice?: boolean;
  phase: EndPhase | null;
  total: number;
  summary: Summary;
  /** False once time is up or while submitting. */
  canReturn: boolean;
  reviewUrl: string;
  onSubmit: () => void;
  onReturn: () => void;
  onJump: (position: number) => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const open = phase !== null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      titleRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const noun = practice ? "session" : "exam";
  const title =
    phase?.kind === "closed"
      ? `This ${noun} is closed`
      : phase?.kind === "submitting" && phase.trigger === "timeout"
        ? "Time is up"
        : phase?.kind === "submitting"
          ? `Submitting your ${noun}`
          : `End the ${noun}?`;

  return (
    <dialog
      ref={dialogRef}
      aria-modal="true"
      aria-labelledby="end-exam-title"
      onCancel={(event) => {
        event.preventDefault();
        if (canReturn) onReturn();
      }}
      onClose={() => {
        // Closed by the browser itself (e.g. a second Escape that may not be cancelled).
        if (!open) return;
        if (canReturn) onReturn();
        else dialogRef.current?.showModal();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {phase && (
        <div className="space-y-4 p-5">
          <h2
            id="end-exam-title"
            ref={titleRef}
            tabIndex={-1}
            className="rounded text-lg font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {title}
          </h2>

          {phase.kind === "confirm" && (
            <>
              {practice ? (
                <p>
                  You have answered {summary.answered.length} of {total} questions. Answers you have
                  not checked are graded when you finish; unanswered questions count as wrong.
                </p>
              ) : (
                <p>
                  You have answered {summary.answered.length} of {total} questions.
                  {summary.unanswered.length > 0 && " Unanswered questions are scored as wrong."}{" "}
                  Once you submit, you cannot change your answers.
                </p>
              )}
              <JumpList title="Unanswered" positions={summary.unanswered} onJump={onJump} />
              <JumpList title="Flagged for review" positions={summary.flagged} onJump={onJump} />
              <JumpList
                title="Wrong number of options chosen"
                positions={summary.miscounted}
                onJump={onJump}
              />
              {phase.error && (
                <p
                  role="alert"
                  className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
                >
                  {phase.error}
                </p>
              )}
            </>
          )}

          {phase.kind === "submitting" && (
            <p role="status" className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="size-4 shrink-0 rounded-full border-2 border-indigo-600 border-t-transparent motion-safe:animate-spin"
              />
              {phase.step}
            </p>
          )}

          {phase.kind === "closed" && (
            <div role="alert" className="space-y-2">
              <p>{phase.message}</p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Opening your review…{" "}
                <a href={phase.reviewUrl} className="underline">
                  Go to review now
                </a>
              </p>
            </div>
          )}

          {phase.kind !== "closed" && (
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              {canReturn && (
                <button
                  type="button"
                  onClick={onReturn}
                  disabled={phase.kind === "submitting"}
                  className={`${buttonBase} border border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800`}
                >
                  Return to {noun}
                </button>
              )}
              {!canReturn && phase.kind === "confirm" && (
                <a href={reviewUrl} className={`${buttonBase} text-center underline`}>
                  Go to review
                </a>
              )}
              {(phase.kind === "confirm" || phase.trigger === "user") && (
                <button
                  type="button"
                  onClick={onSubmit}
                  disabled={phase.kind === "submitting"}
                  aria-busy={phase.kind === "submitting" ? true : undefined}
                  className={`${buttonBase} bg-indigo-600 text-white hover:bg-indigo-700`}
                >
                  {practice ? "Finish session" : "Submit exam"}
                </button>
              )}
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
