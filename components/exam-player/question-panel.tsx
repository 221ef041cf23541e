import type { Ref } from "react";
import { optionLetter, type PlayerQuestion, selectionNote } from "@/lib/exam/player";

/** One question: the stem, then its options as radio buttons or checkboxes in a fieldset. */
export function QuestionPanel({
  question,
  total,
  selected,
  locked,
  onSelect,
  legendRef,
  showDomain,
  limitNote,
}: {
  question: PlayerQuestion;
  total: number;
  selected: readonly string[];
  locked: boolean;
  onSelect: (key: string) => void;
  legendRef: Ref<HTMLLegendElement>;
  /** Off in a timed mock: the real exam does not say which domain a question is from. */
  showDomain: boolean;
  /** Why an extra option was just refused, if it was. */
  limitNote: string | null;
}) {
  const multiple = question.type === "multiple";
  const note = limitNote ?? selectionNote(question.type, question.chooseCount, selected.length);
  const hintId = `choose-${question.questionId}`;
  return (
    <fieldset disabled={locked} className="min-w-0 space-y-4" aria-describedby={hintId}>
      <legend
        ref={legendRef}
        tabIndex={-1}
        className="scroll-mt-32 rounded text-lg font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Question {question.position} of {total}
      </legend>
      {showDomain && (
        <p className="text-sm text-slate-600 dark:text-slate-400">{question.domainTitle}</p>
      )}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the content compiler */}
      <div className="prose-q" dangerouslySetInnerHTML={{ __html: question.stemHtml }} />
      <p id={hintId} className="text-sm font-medium text-slate-600 dark:text-slate-300">
        {multiple ? `Choose ${question.chooseCount}.` : "Choose one."}
      </p>
      <ul className="space-y-2">
        {question.options.map((option, index) => {
          const checked = selected.includes(option.key);
          return (
            <li key={option.key}>
              <label
                className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70 ${
                  checked
                    ? "border-indigo-600 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950"
                    : "border-slate-200 hover:border-indigo-400 dark:border-slate-700"
                }`}
              >
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={`answer-${question.questionId}`}
                  value={option.key}
                  checked={checked}
                  onChange={() => onSelect(option.key)}
                  className="mt-1 size-4 shrink-0 accent-indigo-600"
                />
                <span aria-hidden="true" className="font-semibold">
                  {optionLetter(index)}.
                </span>
                <span
                  className="prose-q min-w-0 [overflow-wrap:anywhere] [&>:first-child]:mt-0! [&>:last-child]:mb-0!"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the content compiler
                  dangerouslySetInnerHTML={{ __html: option.html }}
                />
              </label>
            </li>
          );
        })}
      </ul>
      <p role="status" className="min-h-5 text-sm text-amber-800 dark:text-amber-200">
        {note}
      </p>
    </fieldset>
  );
}
