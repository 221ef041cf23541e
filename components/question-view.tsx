import { Html } from "@/components/html";
import type { Question } from "@/lib/content/types";

/**
 * A question as candidates see it: the stem and its options (radio buttons for one answer,
 * checkboxes for several). HTML comes from the content compiler, sanitised at build time.
 */
export function QuestionCandidateView({ question, name }: { question: Question; name: string }) {
  const multiple = question.type === "multiple";
  return (
    <fieldset className="space-y-4">
      <legend className="sr-only">Question {question.id}</legend>
      <Html as="div" className="prose-q" html={question.stemHtml} />
      {multiple && (
        <p className="text-sm font-medium text-slate-600 dark:text-slate-300">
          Choose {question.chooseCount}.
        </p>
      )}
      <ul className="space-y-2">
        {question.options.map((option) => (
          <li key={option.key}>
            <label className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:border-indigo-400 dark:border-slate-700">
              <input
                type={multiple ? "checkbox" : "radio"}
                name={name}
                value={option.key}
                className="mt-1"
              />
              <span className="font-semibold">{option.key}.</span>
              <Html
                as="span"
                className="prose-q min-w-0 [overflow-wrap:anywhere]"
                html={option.html}
              />
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The answer key with every option's rationale, the explanation and the sources. */
const LETTERS = "ABCDEFGHIJ";

/** What the review of one option needs (a bank question's options have this shape). */
export type ReviewOption = {
  key: string;
  html: string;
  correct: boolean;
  rationaleHtml: string | null;
};

/**
 * Every option with whether it is correct and its rationale. `order` is the order the candidate
 * saw (letters follow it); `selected` marks the candidate's own answer.
 */
export function OptionReview({
  question,
  order = question.options.map((o) => o.key),
  selected,
}: {
  question: { options: readonly ReviewOption[] };
  order?: readonly string[];
  selected?: readonly string[];
}) {
  const options = order.flatMap((key) => question.options.filter((o) => o.key === key));
  return (
    <ul className="space-y-2" aria-label="Options with rationales">
      {options.map((option, index) => {
        const chosen = selected?.includes(option.key) ?? false;
        const marks = selected
          ? [chosen ? "Your answer" : "", option.correct ? "Correct answer" : ""]
              .filter(Boolean)
              .join(" · ")
          : option.correct
            ? "Correct"
            : "Wrong";
        return (
          <li
            key={option.key}
            className={`rounded-md border p-3 ${
              option.correct
                ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950"
                : chosen
                  ? "border-red-400 bg-red-50 dark:bg-red-950"
                  : "border-slate-200 dark:border-slate-700"
            }`}
          >
            {/* On a phone the marks wrap under the option instead of pushing the page wider. */}
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-semibold">{LETTERS[index]}.</span>
              <Html
                as="span"
                className="prose-q min-w-0 flex-1 basis-48 [overflow-wrap:anywhere]"
                html={option.html}
              />
              <span className="ml-auto whitespace-nowrap text-sm font-semibold">{marks}</span>
            </p>
            {option.rationaleHtml && (
              <Html
                as="div"
                className="prose-q mt-1 text-sm text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300"
                html={option.rationaleHtml}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The explanation and the official pages that prove the answer. */
export function ExplanationAndSources({
  question,
}: {
  question: { explanationHtml: string; sources: readonly string[] };
}) {
  return (
    <>
      <section aria-label="Explanation" className="space-y-2">
        <h3 className="font-semibold">Explanation</h3>
        <Html as="div" className="prose-q" html={question.explanationHtml} />
      </section>
      <section aria-label="Sources" className="space-y-1 text-sm">
        <h3 className="font-semibold">Sources</h3>
        <ul className="list-disc pl-6">
          {question.sources.map((url) => (
            <li key={url}>
              <a href={url} className="break-all underline" rel="noreferrer">
                {url}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** The answer key with every option's rationale, the explanation and the sources. */
export function QuestionAnswerView({ question }: { question: Question }) {
  return (
    <div className="space-y-4">
      <OptionReview question={question} />
      <ExplanationAndSources question={question} />
    </div>
  );
}
