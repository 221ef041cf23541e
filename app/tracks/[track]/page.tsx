import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocLinks } from "@/components/doc-links";
import { Fact } from "@/components/fact";
import { ProgressDashboard } from "@/components/progress-dashboard";
import { getSessionUser } from "@/lib/auth/session.server";
import { blueprintQuotas } from "@/lib/content/blueprint";
import { loadBank } from "@/lib/content/load.server";
import type { DomainInfo, Track } from "@/lib/content/types";
import { getDb } from "@/lib/db.server";
import { loadDrills } from "@/lib/drills/load.server";
import { mockStatus } from "@/lib/exam/attempts.server";
import { progressOf } from "@/lib/progress/dashboard";
import { populationFacility } from "@/lib/progress/population.server";
import { loadProgress } from "@/lib/progress.server";
import { dueCount } from "@/lib/review-deck.server";
import { passingLabel, questionCountLabel, questionTypesLabel } from "@/lib/tracks";
import { yamlSkill } from "@/lib/yaml-attempts.server";
import { startMockAction } from "./actions";

type Props = {
  params: Promise<{ track: string }>;
  searchParams?: Promise<{ quota?: string }>;
};

function findTrack(id: string): Track | undefined {
  return loadBank().tracks.get(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const track = findTrack((await params).track);
  return { title: track ? track.title : "Track not found" };
}

export default async function TrackPage({ params, searchParams }: Props) {
  const overQuota = (await searchParams)?.quota === "mock";
  const bank = loadBank();
  const track = findTrack((await params).track);
  if (!track) notFound();
  const questions = bank.questionsOf(track.id);
  const countBy = (key: "domain" | "curriculum", id: string) =>
    questions.filter((q) => q[key] === id).length;
  const quotas = blueprintQuotas(track);
  const user = await getSessionUser();
  const db = getDb();
  const drillIds = loadDrills()
    .drills.filter((d) => d.trackId === track.id)
    .map((d) => d.id);
  const [status, history, reviewsDue, skill, prior] = user
    ? await Promise.all([
        mockStatus(db, user.id, track.id),
        loadProgress(db, user.id, track, bank),
        dueCount(db, user.id, { trackId: track.id }),
        drillIds.length > 0 ? yamlSkill(db, user.id, drillIds) : null,
        populationFacility(db, track, bank),
      ])
    : [null, null, 0, null, undefined];
  const progress = history
    ? progressOf({ track, bank, evidence: history, priorFacility: prior })
    : null;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm uppercase tracking-wide text-slate-500 dark:text-slate-400">
          {track.vendor} · {track.examCode}
        </p>
        <h1 className="text-3xl font-bold">{track.title}</h1>
        <a href={track.officialUrl} className="text-sm underline" rel="noreferrer">
          Official exam page
        </a>
      </header>

      <section
        aria-labelledby="practise"
        className="space-y-2 rounded-lg border border-indigo-200 p-4 dark:border-indigo-900"
      >
        <h2 id="practise" className="text-xl font-semibold">
          Mock exam
        </h2>
        {status?.open ? (
          <p>
            You have a mock in progress; its timer keeps running.{" "}
            <Link href={`/attempts/${status.open.id}`} className="font-semibold underline">
              Resume your mock exam
            </Link>
          </p>
        ) : (
          <form action={startMockAction.bind(null, track.id)} className="space-y-2" id="start">
            {progress && progress.freshness.nextMockRepeats > 0 && (
              <p
                className="text-sm text-amber-800 dark:text-amber-200"
                data-testid="repeat-warning"
              >
                A new mock will repeat {progress.freshness.nextMockRepeats} question
                {progress.freshness.nextMockRepeats === 1 ? "" : "s"} you have seen before: the bank
                has no more fresh ones in some domains. Repeats do not count towards readiness.
              </p>
            )}
            {overQuota && (
              <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                You have started many mocks in the last hour. Try again later.
              </p>
            )}
            <p>
              {status && status.taken > 0
                ? `${track.questionCount} questions sampled by the exam's weights, ${track.durationMinutes} minutes, no feedback until you submit.`
                : "Take your baseline before you study: your first mock shows where you stand cold."}
              {!user && " You will be asked to sign in first."}
            </p>
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
            >
              {status && status.taken > 0 ? "Start a mock exam" : "Start your baseline mock"}
            </button>
          </form>
        )}
      </section>

      {progress && (
        <ProgressDashboard
          trackId={track.id}
          progress={progress}
          domains={track.domains}
          reviewsDue={reviewsDue}
          yamlSkill={skill}
        />
      )}

      <section aria-labelledby="practice" className="space-y-2">
        <h2 id="practice" className="text-xl font-semibold">
          Practice and drills
        </h2>
        <p>
          Untimed, with the answer and the explanation after each question: practise chosen domains,
          or drill a domain starting from the questions you missed.
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={`/tracks/${track.id}/practice`} className="font-semibold underline">
            Practise with feedback
          </Link>
          <Link
            href={`/tracks/${track.id}/practice?mode=drill`}
            className="font-semibold underline"
          >
            Start a domain drill
          </Link>
        </p>
      </section>

      <section aria-labelledby="facts" className="space-y-2">
        <h2 id="facts" className="text-xl font-semibold">
          The exam
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <Fact label="Questions" value={questionCountLabel(track)} />
          <Fact label="Duration" value={`${track.durationMinutes} minutes`} />
          <Fact label="Passing score" value={passingLabel(track)} />
          <Fact label="Question types" value={questionTypesLabel(track)} />
          {track.delivery && <Fact label="Delivery" value={track.delivery} />}
          {track.validityYears && <Fact label="Valid for" value={`${track.validityYears} years`} />}
          {track.retakePolicy && <Fact label="Retakes" value={track.retakePolicy} />}
          <Fact label="Typical preparation" value={track.path.typicalPrep} />
        </dl>
        {track.passing.note && (
          <p className="text-sm text-slate-600 dark:text-slate-300">{track.passing.note}</p>
        )}
      </section>

      {track.curriculum.length > 0 && (
        <DomainTable
          id="curriculum"
          title="Official curriculum (mock exams sample by these weights)"
          domains={track.curriculum}
          count={(id) => countBy("curriculum", id)}
          quota={(id) => (track.blueprint === "curriculum" ? quotas[id] : undefined)}
        />
      )}
      <DomainTable
        id="domains"
        title={track.curriculum.length > 0 ? "Study domains" : "Domains"}
        domains={track.domains}
        count={(id) => countBy("domain", id)}
        quota={(id) => (track.blueprint === "domains" ? quotas[id] : undefined)}
      />

      {track.path.examTips.length > 0 && (
        <section aria-labelledby="tips" className="space-y-2">
          <h2 id="tips" className="text-xl font-semibold">
            Exam technique
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {track.path.examTips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function DomainTable({
  id,
  title,
  domains,
  count,
  quota,
}: {
  id: string;
  title: string;
  domains: readonly DomainInfo[];
  count: (id: string) => number;
  quota: (id: string) => number | undefined;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 dark:border-slate-800">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Domain
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Weight
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Per mock
              </th>
              <th scope="col" className="py-2 text-right">
                In the bank
              </th>
            </tr>
          </thead>
          <tbody>
            {domains.map((d) => (
              <tr key={d.id} className="border-b border-slate-100 align-top dark:border-slate-900">
                <th scope="row" className="py-2 pr-4 font-medium">
                  {d.title}
                  {d.docs.length > 0 && (
                    <DocLinks docs={d.docs} className="mt-1 space-y-0.5 text-xs font-normal" />
                  )}
                </th>
                <td className="py-2 pr-4 text-right">{d.weight === null ? "—" : `${d.weight}%`}</td>
                <td className="py-2 pr-4 text-right">{quota(d.id) ?? "—"}</td>
                <td className="py-2 text-right">{count(d.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
