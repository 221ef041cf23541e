"use client";

import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { EndExamDialog, type EndPhase } from "@/components/exam-player/end-exam-dialog";
import { ExamTimer } from "@/components/exam-player/exam-timer";
import { FeedbackPanel } from "@/components/exam-player/feedback-panel";
import { QuestionNavigator } from "@/components/exam-player/question-navigator";
import { QuestionPanel } from "@/components/exam-player/question-panel";
import {
  createSaveQueue,
  initialSaveSnapshot,
  type RejectedEvent,
  type SaveQueue,
  type SaveSnapshot,
} from "@/components/exam-player/save-queue";
import { ShortcutLegend } from "@/components/exam-player/shortcut-legend";
import {
  clockOffset,
  interpretSubmitResponse,
  type PlayerState,
  resolveShortcut,
  reviewUrlFor,
  type SubmitOutcome,
  sameSelection,
  selectionLimitNote,
  summarise,
  toggleSelection,
  type WarningMinutes,
  warningMessage,
} from "@/lib/exam/player";
import type { CheckedFeedback } from "@/lib/exam/practice";
import { applyEvents, newEventId, retryDelay, saveStatus } from "@/lib/exam/queue";

export type { PlayerQuestion, PlayerState } from "@/lib/exam/player";

const CLOSED_REDIRECT_MS = 2_000;
const ANNOUNCEMENT_MS = 10_000;
const SUBMIT_TIMEOUT_MS = 20_000;

const navButton =
  "rounded-md border border-slate-300 px-3 py-2 font-medium sm:px-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:hover:bg-transparent dark:border-slate-700 dark:hover:bg-slate-900";

const STATUS_DOT: Record<ReturnType<typeof saveStatus>["kind"], string> = {
  saved: "bg-emerald-500",
  saving: "bg-indigo-500 motion-safe:animate-pulse",
  offline: "bg-amber-500",
  error: "bg-red-600",
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type CheckStatus = { questionId: string; busy: boolean; error: string | null };

/**
 * The exam player: timed mocks (graded at the end) and untimed practice and drills (each answer
 * checked on request, feedback at once). Every change is queued in localStorage before it is sent (see
 * save-queue.ts), so an answer survives a dropped connection, a reload or a crash; the countdown
 * follows the server's clock; at zero the queue is flushed and the exam submitted.
 */
export function ExamPlayer({ initial }: { initial: PlayerState }) {
  const { attemptId, questions } = initial;
  const total = questions.length;
  const practice = initial.mode !== "mock";
  const reviewUrl = reviewUrlFor(attemptId);

  const [answers, setAnswers] = useState<Record<string, string[]>>(initial.answers);
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(() => new Set(initial.flagged));
  const [index, setIndex] = useState(0);
  const positionKey = `passmark:position:${attemptId}`;
  const [save, setSave] = useState<SaveSnapshot>(initialSaveSnapshot);
  const [notices, setNotices] = useState<string[]>([]);
  /** A live message; one about a question (a verdict) is shown only while that question is. */
  const [announcement, setAnnouncement] = useState<{ text: string; questionId: string | null }>({
    text: "",
    questionId: null,
  });
  /** The question whose extra option was just refused ("Choose 2" stops at two). */
  const [limitHit, setLimitHit] = useState<string | null>(null);
  const [phase, setPhase] = useState<EndPhase | null>(null);
  const [timeUp, setTimeUp] = useState(false);
  const [checked, setChecked] = useState<Record<string, CheckedFeedback<string>>>(initial.checked);
  const [checkStatus, setCheckStatus] = useState<CheckStatus | null>(null);
  /** True once hydrated: keyboard shortcuts and saving work from then on. */
  const [ready, setReady] = useState(false);

  const offsetRef = useRef(0);
  const queueRef = useRef<SaveQueue | null>(null);
  const finishingRef = useRef(false);
  const leavingRef = useRef(false);
  const timeUpRef = useRef(false);
  const firstIndexEffect = useRef(true);
  const shownReasons = useRef(new Set<string>());
  const legendRef = useRef<HTMLLegendElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const questionIds = useMemo(() => new Set(questions.map((q) => q.questionId)), [questions]);

  const announce = useCallback((text: string, questionId: string | null = null) => {
    setAnnouncement({ text, questionId });
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(
      () => setAnnouncement({ text: "", questionId: null }),
      ANNOUNCEMENT_MS,
    );
  }, []);

  const onRejected = useCallback((rejected: RejectedEvent[]) => {
    const fresh: string[] = [];
    for (const r of rejected) {
      if (shownReasons.current.has(r.reason)) continue;
      shownReasons.current.add(r.reason);
      fresh.push(r.reason);
    }
    if (fresh.length > 0) setNotices((current) => [...current, ...fresh]);
  }, []);

  const onClosed = useCallback(
    (message: string) => {
      leavingRef.current = true;
      finishingRef.current = true;
      setPhase({ kind: "closed", message, reviewUrl });
      setTimeout(() => window.location.assign(reviewUrl), CLOSED_REDIRECT_MS);
    },
    [reviewUrl],
  );

  const getQueue = useCallback((): SaveQueue => {
    queueRef.current ??= createSaveQueue({
      attemptId,
      knownQuestionIds: questionIds,
      onChange: setSave,
      onRejected,
      onClosed,
    });
    return queueRef.current;
  }, [attemptId, questionIds, onRejected, onClosed]);

  /** The client's best estimate of the server's time, for event timestamps. */
  const nowIso = () => new Date(Date.now() + offsetRef.current).toISOString();

  // Start the save queue; events persisted by an earlier visit are newer than the server's
  // answers, so they override them on screen (and are sent again).
  useEffect(() => {
    offsetRef.current = clockOffset(initial.serverNow, Date.now());
    const queue = getQueue();
    const restored = queue.start();
    // A reload comes back to the question the candidate was on.
    try {
      const saved = Number(window.sessionStorage.getItem(positionKey));
      if (Number.isInteger(saved) && saved > 0 && saved < total) {
        firstIndexEffect.current = true;
        setIndex(saved);
      }
    } catch {
      // Storage may be unavailable (privacy modes): start at the first question.
    }
    setReady(true);
    if (restored.length > 0) {
      const merged = applyEvents(initial.answers, initial.flagged, restored);
      setAnswers(merged.answers);
      setFlagged(new Set(merged.flagged));
    }
    return () => queue.stop();
  }, [getQueue, initial.answers, initial.flagged, initial.serverNow, positionKey, total]);

  useEffect(() => {
    if (!ready) return;
    try {
      window.sessionStorage.setItem(positionKey, String(index));
    } catch {
      // Not kept: a reload starts at the first question.
    }
  }, [ready, index, positionKey]);

  // A timed mock is shown as exam players show it: without the site's navigation.
  useEffect(() => {
    if (practice) return;
    document.body.classList.add("exam-mode");
    return () => document.body.classList.remove("exam-mode");
  }, [practice]);

  // Ask before leaving while answers are still unsent.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leavingRef.current || !queueRef.current?.hasPending()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  const question = questions[Math.min(index, total - 1)];
  const currentId = question?.questionId;

  // Keep the new question's start in view (Next/Previous sit below long option lists).
  useEffect(() => {
    if (currentId === undefined) return;
    if (firstIndexEffect.current) {
      firstIndexEffect.current = false;
      return;
    }
    const legend = legendRef.current;
    if (legend && legend.getBoundingClientRect().top < 64)
      legend.scrollIntoView({ block: "start" });
  }, [currentId]);

  // After a jump (navigator or end-exam list), move focus to the question's legend. This runs
  // after the dialog's own effect has closed it, so the page is no longer inert.
  useEffect(() => {
    if (focusRequest === 0) return;
    legendRef.current?.focus();
    legendRef.current?.scrollIntoView({ block: "nearest" });
  }, [focusRequest]);

  useEffect(() => () => clearTimeout(announceTimer.current), []);

  // Each time a question is shown, log a visit: the review derives time per question from these.
  useEffect(() => {
    if (!ready || currentId === undefined || finishingRef.current) return;
    getQueue().push({
      id: newEventId(),
      questionId: currentId,
      kind: "visit",
      at: new Date(Date.now() + offsetRef.current).toISOString(),
    });
  }, [ready, currentId, getQueue]);

  const locked = timeUp || phase !== null;
  const summary = useMemo(
    () => summarise(questions, answers, flagged),
    [questions, answers, flagged],
  );
  const status = saveStatus(save);

  function go(target: number, moveFocus = false) {
    setIndex(Math.max(0, Math.min(total - 1, target)));
    if (moveFocus) setFocusRequest((n) => n + 1);
  }

  function select(key: string) {
    if (!question || locked || checked[question.questionId]) return;
    const current = answers[question.questionId] ?? [];
    const next = toggleSelection(current, key, question.type, question.chooseCount);
    const refused =
      question.type === "multiple" && !current.includes(key) && sameSelection(current, next);
    setLimitHit(refused ? question.questionId : null);
    if (sameSelection(current, next)) return;
    setAnswers((prev) => ({ ...prev, [question.questionId]: next }));
    getQueue().push({
      id: newEventId(),
      questionId: question.questionId,
      kind: "answer",
      selected: next,
      at: nowIso(),
    });
  }

  function toggleFlag() {
    if (!question || locked) return;
    const next = !flagged.has(question.questionId);
    setFlagged((prev) => {
      const copy = new Set(prev);
      if (next) copy.add(question.questionId);
      else copy.delete(question.questionId);
      return copy;
    });
    getQueue().push({
      id: newEventId(),
      questionId: question.questionId,
      kind: "flag",
      flagged: next,
      at: nowIso(),
    });
  }

  /** Practice and drills: save the answer, then ask the server to grade it and show feedback. */
  async function check() {
    if (!practice || !question || locked) return;
    const questionId = question.questionId;
    if (checked[questionId] || checkStatus?.busy) return;
    const fail = (error: string) => setCheckStatus({ questionId, busy: false, error });
    if ((answers[questionId] ?? []).length === 0) {
      fail("Choose an answer before checking it.");
      return;
    }
    setCheckStatus({ questionId, busy: true, error: null });
    const flushed = await getQueue().flush();
    if (flushed === "closed") return;
    if (flushed !== "done") {
      fail(
        "Your answer is not saved yet, so it cannot be checked. Check your connection and try again.",
      );
      return;
    }
    try {
      const response = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/check`, {
        method: "POST",
        cache: "no-store",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: newEventId(), questionId }),
      });
      const body = (await response.json().catch(() => null)) as {
        feedback?: CheckedFeedback;
        error?: string;
      } | null;
      if (!response.ok || !body?.feedback) {
        fail(body?.error ?? `Could not check the answer (error ${response.status}).`);
        return;
      }
      const feedback = body.feedback;
      setChecked((prev) => ({ ...prev, [questionId]: feedback }));
      setCheckStatus(null);
      announce(
        feedback.correct ? "Correct." : "Not quite: see the correct answer below.",
        questionId,
      );
    } catch {
      fail("Could not reach the server. Check your connection and try again.");
    }
  }

  async function postSubmit(): Promise<SubmitOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SUBMIT_TIMEOUT_MS);
    try {
      const response = await fetch(`/api/attempts/${encodeURIComponent(attemptId)}/submit`, {
        method: "POST",
        cache: "no-store",
        credentials: "same-origin",
        signal: controller.signal,
      });
      const body: unknown = await response.json().catch(() => null);
      return interpretSubmitResponse(response.status, body, attemptId);
    } catch {
      return { kind: "retry" };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Flush the queue, then submit. At time-up it keeps retrying; a user's submit stops and says why. */
  async function finish(trigger: "user" | "timeout") {
    if (finishingRef.current) return;
    finishingRef.current = true;
    const queue = getQueue();
    const giveUp = (error: string) => {
      finishingRef.current = false;
      setPhase({ kind: "confirm", error });
    };
    let failures = 0;
    setPhase({ kind: "submitting", trigger, step: "Saving your answers…" });
    for (;;) {
      const result = await queue.flush();
      if (result === "closed") return; // onClosed goes to the review.
      // "failed": the server refuses these events for good; submitting is the only way on.
      if (result === "done" || result === "failed") break;
      if (trigger === "user" && !timeUpRef.current) {
        giveUp(
          "Could not reach the server, so your latest answers are not saved yet. They are kept on this device. Check your connection and submit again.",
        );
        return;
      }
      failures += 1;
      setPhase({ kind: "submitting", trigger, step: "Could not reach the server. Retrying…" });
      await sleep(retryDelay(failures));
    }
    setPhase({ kind: "submitting", trigger, step: "Submitting your exam…" });
    failures = 0;
    for (;;) {
      const outcome = await postSubmit();
      if (outcome.kind === "done") {
        leavingRef.current = true;
        queue.discard();
        setPhase({ kind: "submitting", trigger, step: "Submitted. Opening your results…" });
        window.location.assign(outcome.reviewUrl);
        return;
      }
      if (outcome.kind === "failed") {
        giveUp(outcome.message);
        return;
      }
      if (trigger === "user" && !timeUpRef.current) {
        giveUp("Could not reach the server. Check your connection and submit again.");
        return;
      }
      failures += 1;
      setPhase({ kind: "submitting", trigger, step: "Could not reach the server. Retrying…" });
      await sleep(retryDelay(failures));
    }
  }

  function onTimeUp() {
    // A submit already running keeps retrying instead of giving up (see finish).
    timeUpRef.current = true;
    setTimeUp(true);
    announce("Time is up. Submitting your answers.");
    void finish("timeout");
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || locked || !question) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const shortcut = resolveShortcut(
      {
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        isComposing: event.isComposing,
        target: target && {
          tagName: target.tagName,
          type: target instanceof HTMLInputElement ? target.type : null,
          isContentEditable: target.isContentEditable,
        },
      },
      question.options.length,
    );
    if (!shortcut || (shortcut.kind === "check" && !practice)) return;
    const repeatable = shortcut.kind === "next" || shortcut.kind === "previous";
    if (event.repeat && !repeatable) return;
    event.preventDefault();
    if (shortcut.kind === "next") go(index + 1);
    else if (shortcut.kind === "previous") go(index - 1);
    else if (shortcut.kind === "flag") toggleFlag();
    else if (shortcut.kind === "check") void check();
    else {
      const option = question.options[shortcut.index];
      if (option) select(option.key);
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  if (!question) {
    return <p>This exam has no questions.</p>;
  }

  const isFlagged = flagged.has(question.questionId);
  const feedback = checked[question.questionId];
  const questionCheck = checkStatus?.questionId === question.questionId ? checkStatus : null;
  const atFirst = index === 0;
  const atLast = index === total - 1;
  const shownAnnouncement =
    announcement.questionId === null || announcement.questionId === question.questionId
      ? announcement.text
      : "";

  return (
    <div className="space-y-4" data-testid="exam-player" data-ready={ready ? "true" : "false"}>
      {practice && (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
          {initial.mode === "drill" ? "Domain drill" : "Practice"}: untimed, with feedback after
          each answer. Choose, then check (<kbd>Enter</kbd>); a checked answer is final.
        </p>
      )}
      {initial.isBaseline && (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
          This is your cold baseline: answer from what you know now, before you study.
        </p>
      )}

      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <h1 className="min-w-0 flex-1 basis-full truncate text-sm font-semibold sm:basis-auto sm:text-base">
          {initial.trackTitle}
        </h1>
        {initial.deadline !== null && (
          <ExamTimer
            deadline={initial.deadline}
            serverNow={initial.serverNow}
            onWarning={(minutes: WarningMinutes) => announce(warningMessage(minutes))}
            onTimeUp={onTimeUp}
          />
        )}
        <p
          data-testid="save-status"
          role="status"
          aria-live="polite"
          className={`order-last flex basis-full items-center gap-1.5 text-sm ${
            status.kind === "error"
              ? "text-red-700 dark:text-red-300"
              : "text-slate-600 dark:text-slate-400"
          }`}
        >
          <span
            aria-hidden="true"
            className={`size-2 shrink-0 rounded-full ${STATUS_DOT[status.kind]}`}
          />
          {status.text}
        </p>
        {status.kind === "error" && (
          <button
            type="button"
            onClick={() => void getQueue().flush()}
            className="text-sm underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Retry saving
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            if (phase === null) setPhase({ kind: "confirm", error: null });
          }}
          className="ml-auto rounded-md bg-indigo-600 px-3 py-2 sm:px-4 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {practice ? "Finish session" : "End exam"}
        </button>
        <div
          aria-live="assertive"
          aria-atomic="true"
          className={
            shownAnnouncement
              ? "basis-full rounded-md border border-amber-400 bg-amber-50 px-3 py-1.5 text-sm font-semibold text-amber-900 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
              : "sr-only"
          }
        >
          {shownAnnouncement}
        </div>
      </div>

      {notices.length > 0 && (
        <div
          role="alert"
          className="flex items-start gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium">Some changes were not saved:</p>
            <ul className="list-disc pl-5">
              {notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          </div>
          <button
            type="button"
            onClick={() => setNotices([])}
            className="shrink-0 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Dismiss
          </button>
        </div>
      )}

      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_15rem]">
        <section aria-label="Question" className="min-w-0 space-y-4">
          <QuestionPanel
            key={question.questionId}
            question={question}
            total={total}
            selected={answers[question.questionId] ?? []}
            locked={locked || Boolean(feedback)}
            onSelect={select}
            legendRef={legendRef}
            showDomain={practice}
            limitNote={
              limitHit === question.questionId ? selectionLimitNote(question.chooseCount) : null
            }
          />
          {practice && !feedback && (
            <div className="space-y-2">
              <button
                type="button"
                onClick={() => void check()}
                aria-disabled={locked || questionCheck?.busy || undefined}
                aria-busy={questionCheck?.busy || undefined}
                className="rounded-md bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-disabled:opacity-60"
              >
                {questionCheck?.busy ? "Checking…" : "Check answer"}
              </button>
              {questionCheck?.error && (
                <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                  {questionCheck.error}
                </p>
              )}
            </div>
          )}
          {feedback && <FeedbackPanel question={question} feedback={feedback} />}
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="button"
              aria-disabled={atFirst || undefined}
              onClick={() => !atFirst && go(index - 1, true)}
              className={navButton}
            >
              Previous
            </button>
            <button
              type="button"
              aria-pressed={isFlagged}
              aria-disabled={locked || undefined}
              onClick={toggleFlag}
              className={`${navButton} ${
                isFlagged
                  ? "border-amber-500 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100 dark:hover:bg-amber-900"
                  : ""
              }`}
            >
              <span aria-hidden="true" className="mr-1.5">
                {isFlagged ? "⚑" : "⚐"}
              </span>
              Flag for review
            </button>
            <button
              type="button"
              aria-disabled={atLast || undefined}
              onClick={() => !atLast && go(index + 1, true)}
              className={`${navButton} ml-auto`}
            >
              Next
            </button>
          </div>
          <ShortcutLegend optionCount={question.options.length} check={practice} />
        </section>

        <aside className="min-w-0">
          <QuestionNavigator
            questions={questions}
            answers={answers}
            flagged={flagged}
            currentIndex={index}
            onJump={(target) => go(target, true)}
          />
        </aside>
      </div>

      <EndExamDialog
        phase={phase}
        total={total}
        summary={summary}
        canReturn={!timeUp && phase?.kind === "confirm"}
        reviewUrl={reviewUrl}
        practice={practice}
        onSubmit={() => void finish("user")}
        onReturn={() => setPhase(null)}
        onJump={(position) => {
          setPhase(null);
          go(position - 1, true);
        }}
      />
    </div>
  );
}
