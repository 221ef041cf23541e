import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormAlert } from "@/components/form-parts";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { DRILL_COUNT, PRACTICE_COUNT } from "@/lib/exam/practice";
import { startPracticeAction } from "./actions";

export const metadata: Metadata = { title: "Practice" };

type Props = {
  params: Promise<{ track: string }>;
  searchParams: Promise<{ mode?: string; domain?: string | string[]; error?: string }>;
};

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Setup for untimed practice and domain drills. `?mode=drill&domain=<id>` (repeatable)
 * preselects the form; the track dashboard's "Drill this domain" links here.
 */
export default async function PracticeSetupPage({ params, searchParams }: Props) {
  const { track: trackId } = await params;
  const search = await searchParams;
  const bank = loadBank();
  const track = bank.tracks.get(trackId);
  if (!track) notFound();
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const item of asList(v)) query.append(k, item);
  await requireUser(`/tracks/${encodeURIComponent(track.id)}/practice?${query}`);

  const mode = search.mode === "drill" ? "drill" : "practice";
  const chosen = new Set(asList(search.domain));
  const preselected = (id: string) => chosen.size === 0 || chosen.has(id);
  const countIn = (id: string) => bank.questionsOf(track.id).filter((q) => q.domain === id).length;

  return (
    <article className="max-w-2xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/tracks/${track.id}`} className="underline">
            {track.title}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">Practice with feedback</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Untimed. After each answer, check it to see the correct answer, why every option is right
          or wrong, and the official sources. Questions you miss go into your review deck.
        </p>
      </header>
      {search.error && <FormAlert message={search.error} />}
      <form action={startPracticeAction.bind(null, track.id)} className="space-y-6">
        <fieldset className="space-y-2">
          <legend className="font-semibold">Mode</legend>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="mode"
              value="practice"
              defaultChecked={mode === "practice"}
              className="mt-1 accent-indigo-600"
            />
            <span>
              <span className="font-medium">Practice</span>: {PRACTICE_COUNT.min}–
              {PRACTICE_COUNT.max} questions from the domains you choose, new ones first.
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input
              type="radio"
              name="mode"
              value="drill"
              defaultChecked={mode === "drill"}
              className="mt-1 accent-indigo-600"
            />
            <span>
              <span className="font-medium">Domain drill</span>: a short set that starts with the
              questions you got wrong last time, then ones you have never answered.
            </span>
          </label>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="font-semibold">Domains</legend>
          {track.domains.map((d) => (
            <label key={d.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="domain"
                value={d.id}
                defaultChecked={preselected(d.id)}
                className="accent-indigo-600"
              />
              <span>
                {d.title}{" "}
                <span className="text-sm text-slate-500 dark:text-slate-400">
                  ({countIn(d.id)} questions)
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="count" className="block font-semibold">
            Number of questions
          </label>
          <input
            id="count"
            name="count"
            type="number"
            inputMode="numeric"
            min={PRACTICE_COUNT.min}
            max={PRACTICE_COUNT.max}
            defaultValue={mode === "drill" ? DRILL_COUNT.default : PRACTICE_COUNT.default}
            aria-describedby="count-hint"
            className="w-28 rounded-md border border-slate-300 px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          />
          <p id="count-hint" className="text-sm text-slate-600 dark:text-slate-400">
            Practice: {PRACTICE_COUNT.min}–{PRACTICE_COUNT.max}. Drill: {DRILL_COUNT.min}–
            {DRILL_COUNT.max}.
          </p>
        </div>
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
        >
          Start
        </button>
      </form>
    </article>
  );
}
