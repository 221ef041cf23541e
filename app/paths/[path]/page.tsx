import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Fact } from "@/components/fact";
import { getSessionUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { type MockSummary, mockSummaries } from "@/lib/exam/summaries.server";
import { certificationPaths } from "@/lib/paths";
import { forecastFor } from "@/lib/progress.server";
import { passingLabel, questionCountLabel, questionTypesLabel } from "@/lib/tracks";

type Props = { params: Promise<{ path: string }> };

function findPath(id: string) {
  return certificationPaths(loadBank().tracks.values()).find((p) => p.id === id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: findPath((await params).path)?.name ?? "Path not found" };
}

export default async function PathPage({ params }: Props) {
  const path = findPath((await params).path);
  if (!path) notFound();
  const bank = loadBank();
  const user = await getSessionUser();
  const summaries = user ? await mockSummaries(getDb(), user.id) : null;
  const forecasts =
    user && summaries
      ? new Map(
          await Promise.all(
            path.steps.flatMap((step) => {
              const track = bank.tracks.get(step.id);
              return track
                ? [forecastFor(getDb(), user.id, track, bank).then((f) => [step.id, f] as const)]
                : [];
            }),
          ),
        )
      : null;
  const next = summaries
    ? path.steps.find((step) => !summaries.get(step.id)?.best?.passed)
    : undefined;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{path.name}</h1>
        <p className="text-slate-600 dark:text-slate-300">
          {path.steps.length === 1
            ? "One exam."
            : `${path.steps.length} exams, taken in this order. Each step builds on the one before.`}
        </p>
      </header>

      <ol className="space-y-6">
        {path.steps.map((track, index) => (
          <li
            key={track.id}
            className="rounded-lg border border-slate-200 p-5 dark:border-slate-800"
          >
            <p className="text-sm uppercase tracking-wide text-slate-500 dark:text-slate-400">
              Step {index + 1} · {track.examCode}
            </p>
            <h2 className="mt-1 text-xl font-semibold">
              <Link href={`/tracks/${track.id}`} className="hover:underline">
                {track.title}
              </Link>
            </h2>
            {track.path.focus && <p className="mt-2">{track.path.focus}</p>}
            <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
              <Fact label="Questions" value={questionCountLabel(track)} />
              <Fact label="Time" value={`${track.durationMinutes} minutes`} />
              <Fact label="Passing score" value={passingLabel(track)} />
              <Fact label="Question types" value={questionTypesLabel(track)} />
              <Fact label="Recommended experience" value={track.path.recommendedExperience} />
              <Fact label="Typical preparation" value={track.path.typicalPrep} />
            </dl>
            <h3 className="mt-4 text-sm font-semibold">Domains</h3>
            <ul className="mt-1 grid gap-1 text-sm sm:grid-cols-2">
              {(track.blueprint === "curriculum" ? track.curriculum : track.domains).map((d) => (
                <li key={d.id}>
                  {d.title}
                  {d.weight !== null && (
                    <span className="text-slate-500 dark:text-slate-400"> · {d.weight}%</span>
                  )}
                </li>
              ))}
            </ul>
            {track.path.prerequisites.length > 0 && (
              <p className="mt-3 text-sm">
                <span className="font-semibold">Prerequisites:</span>{" "}
                {track.path.prerequisites.join(" ")}
              </p>
            )}
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
              {bank.questionsOf(track.id).length} practice questions in the bank.
            </p>
            {summaries && (
              <StepProgress
                trackId={track.id}
                summary={summaries.get(track.id)}
                forecast={forecasts?.get(track.id)}
                isNext={next?.id === track.id}
              />
            )}
          </li>
        ))}
      </ol>

      <section aria-labelledby="technique" className="space-y-2">
        <h2 id="technique" className="text-xl font-semibold">
          Exam technique
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {path.tips.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function StepProgress({
  trackId,
  summary,
  forecast,
  isNext,
}: {
  trackId: string;
  summary: MockSummary | undefined;
  forecast: Awaited<ReturnType<typeof forecastFor>> | undefined;
  isNext: boolean;
}) {
  const label = (r: NonNullable<MockSummary["latest"]>) =>
    `${r.percent}%${r.scaledEstimate !== null ? ` (estimated ${r.scaledEstimate})` : ""}${r.passed ? ", a pass" : ""}`;
  return (
    <div
      className="mt-3 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900"
      data-testid="step-progress"
    >
      {summary?.latest && summary.best ? (
        <p>
          Your mocks: {summary.taken}. Latest {label(summary.latest)}; best {label(summary.best)}.
          Scaled scores are estimates.
        </p>
      ) : (
        <p>No mock taken yet.</p>
      )}
      {forecast && (
        <p className="mt-1">
          {forecast.readiness.headline ? `${forecast.readiness.headline}. ` : ""}
          {forecast.readiness.summary}
        </p>
      )}
      {isNext && (
        <p className="mt-1 font-semibold">
          Your next step:{" "}
          <Link href={`/tracks/${trackId}`} className="underline">
            {summary?.taken
              ? "retake a mock here until you are ready"
              : "take a baseline mock here"}
          </Link>
          .
        </p>
      )}
    </div>
  );
}
