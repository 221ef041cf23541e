import type { Metadata } from "next";
import Link from "next/link";
import { FormAlert } from "@/components/form-parts";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { loadDrills } from "@/lib/drills/load.server";
import { progressOf } from "@/lib/progress/dashboard";
import { buildPlan, LEVELS, type Level } from "@/lib/progress/plan";
import { populationFacility } from "@/lib/progress/population.server";
import { loadProgress } from "@/lib/progress.server";
import { studyProfile } from "@/lib/study-profile.server";
import { savePlanAction } from "./actions";

export const metadata: Metadata = { title: "Study plan" };

type Props = { searchParams: Promise<{ track?: string; error?: string }> };

const LEVEL_ORDER: Level[] = ["heavy", "moderate", "beginner"];

/** The study plan: from the user's level, exam date and current results, re-planned on every view. */
export default async function PlanPage({ searchParams }: Props) {
  const search = await searchParams;
  const bank = loadBank();
  const track = bank.tracks.get(search.track ?? "cba") ?? bank.tracks.get("cba");
  if (!track) throw new Error("the cba track is missing");
  const user = await requireUser(`/plan?track=${track.id}`);
  const db = getDb();
  const [profile, history, prior] = await Promise.all([
    studyProfile(db, user.id, track.id),
    loadProgress(db, user.id, track, bank),
    populationFacility(db, track, bank),
  ]);
  const progress = progressOf({ track, bank, evidence: history, priorFacility: prior });
  const plan = profile
    ? buildPlan({
        level: profile.level,
        examDate: profile.examDate,
        today: new Date(),
        hasBaseline: history.mocks.length > 0,
        ready: progress.readiness.ready,
        domains: progress.ranked,
        docsOf: (id) => track.domains.find((d) => d.id === id)?.docs ?? [],
        yamlDrillsOf: (id) =>
          loadDrills().drills.filter((d) => d.trackId === track.id && d.domain === id),
      })
    : null;

  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Study plan</h1>
        <nav aria-label="Tracks" className="flex flex-wrap gap-2 text-sm">
          {[...bank.tracks.values()].map((t) => (
            <Link
              key={t.id}
              href={`/plan?track=${t.id}`}
              aria-current={t.id === track.id ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
            >
              {t.title}
            </Link>
          ))}
        </nav>
      </header>
      {search.error && <FormAlert message={search.error} />}
      <form
        action={savePlanAction}
        className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800"
      >
        <input type="hidden" name="track" value={track.id} />
        <fieldset className="space-y-1">
          <legend className="font-semibold">Your experience with {track.examCode}'s subject</legend>
          {LEVEL_ORDER.map((level) => (
            <label key={level} className="flex items-start gap-2">
              <input
                type="radio"
                name="level"
                value={level}
                defaultChecked={(profile?.level ?? "moderate") === level}
                className="mt-1 accent-indigo-600"
              />
              <span>
                {LEVELS[level].label}: {LEVELS[level].weeks[0]}–{LEVELS[level].weeks[1]} weeks.
              </span>
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="examDate" className="block font-semibold">
            Exam date (optional)
          </label>
          <input
            id="examDate"
            name="examDate"
            type="date"
            defaultValue={profile?.examDate?.toISOString().slice(0, 10) ?? ""}
            className="rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
        >
          {profile ? "Update my plan" : "Make my plan"}
        </button>
      </form>

      {plan && (
        <section aria-labelledby="plan" className="space-y-4">
          <h2 id="plan" className="text-xl font-semibold">
            Your plan for {track.title}
          </h2>
          <p>
            Suggested preparation: {plan.weeks[0]}–{plan.weeks[1]} weeks. {plan.focus}
            {plan.daysLeft !== null &&
              plan.daysLeft >= 0 &&
              ` Your exam is in ${plan.daysLeft} days.`}
          </p>
          {plan.warning && (
            <p
              role="alert"
              className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
            >
              {plan.warning}
            </p>
          )}
          <p className="text-sm text-slate-600 dark:text-slate-400">{progress.readiness.summary}</p>
          <ol className="space-y-3" data-testid="plan-steps">
            {plan.steps.map((step, i) => (
              <li
                key={`${step.kind}-${step.domainId ?? i}`}
                className="space-y-1 rounded-md border border-slate-200 p-3 dark:border-slate-800"
              >
                <p className="font-semibold">
                  {i + 1}. {step.title}
                  {step.days && (
                    <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
                      {step.days[0] === step.days[1]
                        ? `day ${step.days[0]}`
                        : `days ${step.days[0]}–${step.days[1]}`}
                    </span>
                  )}
                </p>
                <p className="text-sm">{step.detail}</p>
                {step.kind === "baseline" && (
                  <Link href={`/tracks/${track.id}`} className="text-sm font-semibold underline">
                    Start your baseline mock
                  </Link>
                )}
                {step.kind === "retake" && (
                  <Link href={`/tracks/${track.id}`} className="text-sm font-semibold underline">
                    Take a mock
                  </Link>
                )}
                {step.yamlDrills && (
                  <p className="flex flex-wrap gap-x-4 text-sm">
                    <span>YAML drills:</span>
                    {step.yamlDrills.map((d) => (
                      <Link key={d.id} href={`/drills/${d.id}`} className="underline">
                        {d.title}
                      </Link>
                    ))}
                  </p>
                )}
                {step.domainId && (
                  <p className="flex flex-wrap gap-x-4 text-sm">
                    <Link
                      href={`/tracks/${track.id}/practice?mode=drill&domain=${encodeURIComponent(step.domainId)}`}
                      className="font-semibold underline"
                    >
                      Drill this domain
                    </Link>
                    {(step.docs ?? []).map((doc) => (
                      <a key={doc.url} href={doc.url} className="underline" rel="noreferrer">
                        {doc.title}
                      </a>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
