import { ExplanationAndSources, OptionReview } from "@/components/question-view";
import { ReportProblem } from "@/components/report-problem";
import type { PlayerQuestion } from "@/lib/exam/player";
import type { CheckedFeedback } from "@/lib/exam/practice";

/** Practice and drills: the verdict, every option with its rationale, the explanation, sources. */
export function FeedbackPanel({
  question,
  feedback,
}: {
  question: PlayerQuestion;
  feedback: CheckedFeedback<string>;
}) {
  const options = question.options.map((o) => ({
    key: o.key,
    html: o.html,
    correct: feedback.correctKeys.includes(o.key),
    rationaleHtml: feedback.rationales[o.key] ?? null,
  }));
  return (
    <section
      aria-label="Feedback"
      data-testid="feedback"
      className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800"
    >
      <p
        className={`text-lg font-semibold ${
          feedback.correct
            ? "text-emerald-700 dark:text-emerald-300"
            : "text-red-700 dark:text-red-300"
        }`}
      >
        {feedback.correct ? "Correct." : "Not quite."}
      </p>
      <OptionReview question={{ options }} selected={feedback.selected} />
      <ExplanationAndSources question={feedback} />
      <ReportProblem questionId={question.questionId} attemptFromRoute />
    </section>
  );
}
