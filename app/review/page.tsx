import type { Metadata } from "next";
import Link from "next/link";
import { FormAlert } from "@/components/form-parts";
import { Html } from "@/components/html";
import {
  ExplanationAndSources,
  OptionReview,
  QuestionCandidateView,
} from "@/components/question-view";
import { ReportProblem } from "@/components/report-problem";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { previews } from "@/lib/progress/review";
import { reviewQueue } from "@/lib/review-deck.server";
import { rateAction } from "./actions";

export const metadata: Metadata = { title: "Review" };

type Props = {
  searchParams: Promise<{ track?: string; show?: string; error?: string; rated?: string }>;
};

const dateTime = (d: Date) =>
  d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * Spaced review of missed questions (FSRS): the card due longest ago, its answer on request,
 * then the user's rating schedules it again.
 */
export default async function ReviewPage({ searchParams }: Props) {
  const search = await searchParams;
  const bank = loadBank();
  const trackId = search.track && bank.tracks.has(search.track) ? search.track : undefined;
  const user = await requireUser(`/review${trackId ? `?track=${trackId}` : ""}`);
  const now = new Date();
  const queue = await reviewQueue(getDb(), user.id, { ...(trackId ? { trackId } : {}), now });
  const card = queue.next;
  const question = card ? bank.byId.get(card.questionId) : undefined;
  const showing = Boolean(card && search.show === card.questionId);
  const base = (params: Record<string, string>) =>
    `/review?${new URLSearchParams({ ...(trackId ? { track: trackId } : {}), ...params })}`;

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Spaced review</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Every question you got wrong comes back here, scheduled by FSRS: the better you know it,
          the longer until you see it again.
        </p>
        <nav aria-label="Tracks" className="flex flex-wrap gap-2 text-sm">
          <Link
            href="/review"
            aria-current={trackId ? undefined : "true"}
            className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
          >
            All tracks
          </Link>
          {[...bank.tracks.values()].map((t) => (
            <Link
              key={t.id}
              href={`/review?track=${t.id}`}
              aria-current={trackId === t.id ? "true" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
            >
              {t.examCode}
            </Link>
          ))}
        </nav>
        <p data-testid="due-count" role="status">
          {queue.due === 1 ? "1 review due" : `${queue.due} reviews due`} · {queue.total} in your
          deck
        </p>
      </header>
      {search.error && <FormAlert message={search.error} />}

      {!card || !question ? (
        <section className="space-y-2 rounded-md border border-slate-200 p-4 dark:border-slate-800">
          <p className="font-semibold" data-testid="review-empty">
            {queue.total === 0
              ? "No misses yet: questions you get wrong in mocks, practice and drills will appear here."
              : "Nothing due right now."}
          </p>
          {queue.nextDueAt && (
            <p data-testid="next-review">Next review: {dateTime(queue.nextDueAt)} UTC.</p>
          )}
        </section>
      ) : (
        <section
          aria-labelledby="card-title"
          className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800"
        >
          <h2 id="card-title" className="text-lg font-semibold">
            {bank.tracks.get(question.trackId)?.examCode} ·{" "}
            {
              bank.tracks.get(question.trackId)?.domains.find((d) => d.id === question.domain)
                ?.title
            }
          </h2>
          {showing ? (
            <>
              <Html as="div" className="prose-q" html={question.stemHtml} />
              <OptionReview question={question} />
              <ExplanationAndSources question={question} />
              <ReportProblem questionId={question.id} />
              <form action={rateAction} className="space-y-2">
                <input type="hidden" name="questionId" value={question.id} />
                <input type="hidden" name="shownDue" value={card.due.toISOString()} />
                {trackId && <input type="hidden" name="track" value={trackId} />}
                <p className="font-semibold">How well did you know it?</p>
                <div className="flex flex-wrap gap-2">
                  {previews(card, now).map((p) => (
                    <button
                      key={p.value}
                      type="submit"
                      name="rating"
                      value={p.value}
                      className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:hover:bg-slate-900"
                    >
                      {p.label} · {p.interval}
                    </button>
                  ))}
                </div>
              </form>
            </>
          ) : (
            <>
              <QuestionCandidateView question={question} name={`review-${question.id}`} />
              <Link
                href={base({ show: question.id })}
                className="inline-block rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
              >
                Show answer
              </Link>
            </>
          )}
        </section>
      )}
    </article>
  );
}
