import Link from "next/link";
import { Fact } from "@/components/fact";
import { loadBank } from "@/lib/content/load.server";
import { certificationPaths } from "@/lib/paths";
import { passingLabel, questionCountLabel } from "@/lib/tracks";

export default function HomePage() {
  const bank = loadBank();
  const paths = certificationPaths(bank.tracks.values());
  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">
          Pass your certification, by the numbers
        </h1>
        <p className="max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          Take a cold baseline mock, see your weak domains, drill them with explained questions, and
          retake until you are consistently above 85%. Backstage (CBA) and the AWS path from Cloud
          Practitioner to Solutions Architect Professional.
        </p>
        <p>
          <Link
            href="/tracks/cba#start"
            className="inline-block rounded-md bg-indigo-600 px-5 py-2.5 font-semibold text-white hover:bg-indigo-700"
          >
            Take the CBA baseline
          </Link>
        </p>
      </section>
      <section id="tracks" aria-labelledby="tracks-heading" className="space-y-6">
        <h2 id="tracks-heading" className="text-xl font-semibold">
          Tracks
        </h2>
        {paths.map((path) => (
          <div key={path.id} className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-lg font-semibold">{path.name}</h3>
              {path.steps.length > 1 && (
                <Link href={`/paths/${path.id}`} className="text-sm underline">
                  The path, step by step
                </Link>
              )}
            </div>
            <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {path.steps.map((track) => (
                <li key={track.id}>
                  <Link
                    href={`/tracks/${track.id}`}
                    className="block h-full rounded-lg border border-slate-200 p-4 hover:border-indigo-500 dark:border-slate-800"
                  >
                    <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                      {path.steps.length > 1 ? `Step ${track.path.order} · ` : ""}
                      {track.examCode}
                    </p>
                    <h4 className="mt-1 font-semibold">{track.title}</h4>
                    <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                      <Fact label="Questions" value={questionCountLabel(track)} />
                      <Fact label="Time" value={`${track.durationMinutes} min`} />
                      <Fact label="Pass" value={passingLabel(track)} />
                    </dl>
                    <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
                      {bank.questionsOf(track.id).length} practice questions in the bank
                    </p>
                  </Link>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
    </div>
  );
}
