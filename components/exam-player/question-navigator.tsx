import { navigatorLabel, type PlayerQuestion } from "@/lib/exam/player";

/** A grid of every question: answered, unanswered, flagged and the current one; click to jump. */
export function QuestionNavigator({
  questions,
  answers,
  flagged,
  currentIndex,
  onJump,
}: {
  questions: readonly PlayerQuestion[];
  answers: Readonly<Record<string, readonly string[] | undefined>>;
  flagged: ReadonlySet<string>;
  currentIndex: number;
  onJump: (index: number) => void;
}) {
  const answeredCount = questions.filter((q) => (answers[q.questionId]?.length ?? 0) > 0).length;
  const flaggedCount = questions.filter((q) => flagged.has(q.questionId)).length;
  return (
    <nav aria-labelledby="navigator-title" className="space-y-3">
      <div>
        <h2 id="navigator-title" className="font-semibold">
          Questions
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {answeredCount} of {questions.length} answered · {flaggedCount} flagged
        </p>
      </div>
      <ol className="grid grid-cols-[repeat(auto-fill,minmax(2.5rem,1fr))] gap-1.5">
        {questions.map((q, index) => {
          const answered = (answers[q.questionId]?.length ?? 0) > 0;
          const isFlagged = flagged.has(q.questionId);
          const current = index === currentIndex;
          return (
            <li key={q.questionId}>
              <button
                type="button"
                aria-label={navigatorLabel(q.position, answered, isFlagged)}
                aria-current={current ? "step" : undefined}
                onClick={() => onJump(index)}
                className={`relative flex h-10 w-full items-center justify-center rounded-md border text-sm font-medium tabular-nums focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
                  answered
                    ? "border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-700 dark:border-indigo-500 dark:bg-indigo-500"
                    : "border-slate-300 bg-white hover:border-indigo-400 dark:border-slate-600 dark:bg-slate-900"
                } ${current ? "ring-2 ring-slate-900 ring-offset-2 ring-offset-white dark:ring-white dark:ring-offset-slate-950" : ""}`}
              >
                {q.position}
                {isFlagged && (
                  <span
                    aria-hidden="true"
                    className="absolute -right-1 -top-1 size-3 rounded-full border-2 border-white bg-amber-500 dark:border-slate-950"
                  />
                )}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-sm bg-indigo-600 dark:bg-indigo-500" />
          Answered
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="size-3 rounded-sm border border-slate-400 dark:border-slate-500"
          />
          Unanswered
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-3 rounded-full bg-amber-500" />
          Flagged
        </li>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="size-3 rounded-sm ring-2 ring-slate-900 dark:ring-white"
          />
          Current
        </li>
      </ul>
    </nav>
  );
}
