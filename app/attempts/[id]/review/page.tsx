import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DomainTable } from "@/components/domain-table";
import { Html } from "@/components/html";
import { ExplanationAndSources, OptionReview } from "@/components/question-view";
import { ReportProblem } from "@/components/report-problem";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import type { DomainInfo, OptionKey } from "@/lib/content/types";
import { getDb } from "@/lib/db.server";
import { loadAttempt } from "@/lib/exam/attempts.server";
import { deriveState, gradeAttempt, storedScore, timeSpentOf } from "@/lib/exam/derive";
import { selectionInCurrentKeys } from "@/lib/exam/grading";
import { openMockQuestionIds } from "@/lib/exam/open-mocks.server";
import { formatDuration } from "@/lib/exam/practice";

const MODE_LABEL = { mock: "Mock exam", practice: "Practice", drill: "Domain drill" } as const;

export const metadata: Metadata = { title: "Review" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ show?: string; domain?: string }>;
};

export default async function ReviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { show, domain } = await searchParams;
  const user = await requireUser(`/attempts/${encodeURIComponent(id)}/review`);
  const bank = loadBank();
  const attempt = await loadAttempt(getDb(), user.id, id, bank);
  if (!attempt) notFound();
  if (attempt.status === "in_progress") redirect(`/attempts/${attempt.id}`);
  const track = bank.tracks.get(attempt.trackId);
  if (!track) notFound();

  const { flagged } = deriveState(attempt);
  // Selections carried into the current version's option letters; the score as stored at close
  // (and by regrades), which the dashboard and readiness read too.
  const { graded, score: replayed } = gradeAttempt(attempt, bank, track);
  const answered = new Set([...graded].flatMap(([qid, g]) => (g?.selected.length ? [qid] : [])));
  const stored = attempt.questions.every(
    (aq) => aq.correct !== null || !bank.byId.has(aq.questionId),
  );
  const score = stored ? storedScore(attempt.questions, answered, bank, track) : replayed;
  // Questions of the user's open mock stay hidden everywhere else until it closes.
  const hidden = await openMockQuestionIds(getDb(), user.id);
  const spent = timeSpentOf(attempt);
  const totalSpent = [...spent.values()].reduce((a, b) => a + b, 0);
  const isMock = attempt.mode === "mock";
  const flaggedSet = new Set(flagged);
  const titleOf = (groups: readonly DomainInfo[], gid: string) =>
    groups.find((g) => g.id === gid)?.title ?? gid;

  const rows = attempt.questions.flatMap((aq) => {
    const q = bank.byId.get(aq.questionId);
    const g = graded.get(aq.questionId);
    if (!q || !g) return [];
    const shownHashes = aq.questionHash === q.hash ? [] : (aq.version?.optionHashes ?? []);
    return [
      {
        aq,
        q,
        selected: g.selected,
        order: selectionInCurrentKeys(aq.optionOrder as OptionKey[], shownHashes, q),
        correct: aq.correct ?? g.correct,
        hidden: hidden.has(q.id),
        flagged: flaggedSet.has(q.id),
        regrade: attempt.regrades.findLast((r) => r.questionId === q.id),
      },
    ];
  });
  const visible = rows.filter(
    (r) =>
      (show !== "wrong" || !r.correct) &&
      (show !== "flagged" || r.flagged) &&
      (!domain || r.q.domain === domain),
  );
  const filterLink = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams(
      Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return `/attempts/${attempt.id}/review${search.size ? `?${search}` : ""}`;
  };

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm uppercase tracking-wide text-slate-500 dark:text-slate-400">
          {track.examCode} · {MODE_LABEL[attempt.mode]}
          {attempt.isBaseline ? " · cold baseline" : ""}
        </p>
        <h1 className="text-2xl font-bold">{track.title}: results</h1>
        {attempt.status === "expired" && (
          <p>Time ran out: the exam was submitted with the answers saved before the deadline.</p>
        )}
      </header>

      <section
        aria-labelledby="score"
        className="space-y-3 rounded-lg border border-slate-200 p-5 dark:border-slate-800"
      >
        <h2 id="score" className="text-xl font-semibold">
          Score
        </h2>
        <p className="text-3xl font-bold" data-testid="score-percent">
          {score.percent}%{" "}
          <span
            hidden={!isMock}
            className={
              score.passed
                ? "text-emerald-700 dark:text-emerald-400"
                : "text-red-700 dark:text-red-400"
            }
          >
            {score.passed ? "Pass" : "Not yet a pass"}
          </span>
        </p>
        <p>
          {score.correct} of {score.total} correct ({score.answered} answered).{" "}
          {isMock
            ? `Pass mark: ${
                track.passing.scale === "percent"
                  ? `${track.passing.score}%`
                  : `${track.passing.score} / ${track.passing.max} scaled`
              }.`
            : "A practice score: it does not count towards your mock results or readiness."}
        </p>
        {totalSpent > 0 && (
          <p data-testid="time-total">Time on questions: {formatDuration(totalSpent)}.</p>
        )}
        {isMock && score.scaledEstimate !== null && (
          <p data-testid="scaled-estimate">
            Estimated scaled score: <strong>{score.scaledEstimate}</strong> (estimate). AWS
            publishes no conversion from correct answers to its 100–1000 scale; this maps{" "}
            {score.passingPercent}% correct to the passing score of {track.passing.score}.
          </p>
        )}
        <ScoreTable
          caption={track.blueprint === "curriculum" ? "By study domain" : "By domain"}
          rows={score.byDomain.map((g) => ({ ...g, title: titleOf(track.domains, g.id) }))}
        />
        {track.curriculum.length > 0 && (
          <ScoreTable
            caption="By official curriculum domain"
            rows={score.byCurriculum.map((g) => ({ ...g, title: titleOf(track.curriculum, g.id) }))}
          />
        )}
      </section>

      <section aria-labelledby="questions" className="space-y-4">
        <h2 id="questions" className="text-xl font-semibold">
          Every question
        </h2>
        <nav aria-label="Filter questions" className="flex flex-wrap gap-2 text-sm">
          {[
            ["All", filterLink({ domain })],
            ["Wrong only", filterLink({ show: "wrong", domain })],
            ["Flagged", filterLink({ show: "flagged", domain })],
          ].map(([label, href]) => (
            <Link
              key={label}
              href={href ?? "#"}
              className="rounded-full border border-slate-300 px-3 py-1 dark:border-slate-700"
            >
              {label}
            </Link>
          ))}
          {track.domains.map((d) => (
            <Link
              key={d.id}
              href={filterLink({ show, domain: domain === d.id ? undefined : d.id })}
              aria-current={domain === d.id ? "true" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
            >
              {d.title}
            </Link>
          ))}
        </nav>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Showing {visible.length} of {rows.length}.
        </p>
        <ol className="space-y-6">
          {visible.map(
            ({ aq, q, selected, order, correct, hidden, flagged: isFlagged, regrade }) => (
              <li
                key={q.id}
                className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
              >
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-semibold">Question {aq.position}</span>
                  <span
                    className={
                      correct
                        ? "text-emerald-700 dark:text-emerald-400"
                        : "text-red-700 dark:text-red-400"
                    }
                  >
                    {correct ? "Correct" : selected.length === 0 ? "Not answered" : "Wrong"}
                  </span>
                  {isFlagged && <span>· flagged</span>}
                  {spent.has(q.id) && (
                    <span className="text-slate-500 dark:text-slate-400" data-testid="time-spent">
                      · {formatDuration(spent.get(q.id) ?? 0)} spent
                    </span>
                  )}
                  <span className="text-slate-500 dark:text-slate-400">
                    · {titleOf(track.domains, q.domain)}
                  </span>
                </p>
                {hidden ? (
                  <p className="rounded-md bg-slate-100 px-3 py-2 text-sm dark:bg-slate-900">
                    This question is in your open mock exam, so it stays hidden until you finish
                    that mock.
                  </p>
                ) : (
                  <>
                    <Html as="div" className="prose-q" html={q.stemHtml} />
                    {regrade && (
                      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                        Regraded on {regrade.createdAt.toISOString().slice(0, 10)}: the answer key
                        was corrected after you took this exam. You were first marked{" "}
                        {regrade.wasCorrect ? "correct" : "wrong"}; the corrected key marks you{" "}
                        {regrade.nowCorrect ? "correct" : "wrong"}.
                      </p>
                    )}
                    <OptionReview question={q} order={order} selected={selected} />
                    <details open={!correct} className="space-y-2">
                      <summary className="cursor-pointer font-semibold">
                        Explanation and sources
                      </summary>
                      <ExplanationAndSources question={q} />
                    </details>
                    <ReportProblem questionId={q.id} attemptId={attempt.id} />
                  </>
                )}
              </li>
            ),
          )}
        </ol>
      </section>
    </article>
  );
}

type GroupRow = { id: string; title: string; correct: number; total: number; percent: number };

function ScoreTable({ caption, rows }: { caption: string; rows: readonly GroupRow[] }) {
  return (
    <DomainTable
      caption={caption}
      columns={["Correct", "Score"]}
      rows={rows.map((r) => ({
        id: r.id,
        title: r.title,
        cells: [`${r.correct} / ${r.total}`, `${r.percent}%`],
      }))}
    />
  );
}
