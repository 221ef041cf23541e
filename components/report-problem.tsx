"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { type ReportActionResult, reportProblemAction } from "@/app/reports/actions";
import { CATEGORY_LABEL, COMMENT_MAX, REPORT_CATEGORIES } from "@/lib/analytics/reports";

/**
 * "Report a problem with this question": a disclosure with the category and an optional comment.
 * Mounted on the review page, after a practice check and in the spaced-review deck; never in an
 * open mock (the server refuses those too).
 */
export function ReportProblem({
  questionId,
  attemptId: givenAttemptId,
  attemptFromRoute = false,
}: {
  questionId: string;
  /** The attempt that showed the question (the report is on that version). */
  attemptId?: string | undefined;
  /** Inside the player: the attempt is the `[id]` of the /attempts/[id] route. */
  attemptFromRoute?: boolean;
}) {
  const params = useParams<{ id?: string }>();
  const attemptId = givenAttemptId ?? (attemptFromRoute ? params?.id : undefined);
  const id = useId();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ReportActionResult | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    try {
      setResult(
        await reportProblemAction({
          questionId,
          ...(attemptId ? { attemptId } : {}),
          category: form.get("category"),
          comment: String(form.get("comment") ?? ""),
        }),
      );
    } catch {
      setResult({ ok: false, message: "The report could not be sent. Try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <details className="text-sm" data-testid="report-problem">
      <summary className="cursor-pointer text-slate-600 underline dark:text-slate-300">
        Report a problem with this question
      </summary>
      <form
        onSubmit={onSubmit}
        className="mt-3 space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800"
      >
        <fieldset className="space-y-1">
          <legend className="font-semibold">What is wrong?</legend>
          {REPORT_CATEGORIES.map((category, i) => (
            <label key={category} className="flex items-center gap-2">
              <input
                type="radio"
                name="category"
                value={category}
                required
                defaultChecked={i === 0}
              />
              {CATEGORY_LABEL[category]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-comment`} className="block font-semibold">
          Comment (optional)
        </label>
        <textarea
          id={`${id}-comment`}
          name="comment"
          maxLength={COMMENT_MAX}
          rows={3}
          aria-describedby={`${id}-hint`}
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        />
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          At most {COMMENT_MAX} characters. Authors see your report without your name.
        </p>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {pending ? "Sending…" : "Send report"}
        </button>
        <p role="status" className={result?.ok === false ? "text-red-700 dark:text-red-300" : ""}>
          {result?.message}
          {result?.ok && (
            <>
              {" "}
              <Link href="/reports" className="underline">
                See your reports
              </Link>
            </>
          )}
        </p>
      </form>
    </details>
  );
}
