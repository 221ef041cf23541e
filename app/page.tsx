import Link from "next/link";
import { loadBank } from "@/lib/content/load.server";
import { orderedTracks, passingLabel, questionCountLabel } from "@/lib/tracks";

export default function HomePage() {
  const bank = loadBank();
  const tracks = orderedTracks(bank.tracks.values());
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
      </section>
      <section id="tracks" aria-labelledby="tracks-heading" className="space-y-4">
        <h2 id="tracks-heading" className="text-xl font-semibold">
          Tracks
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {tracks.map((track) => (
            <li key={track.id}>
              <Link
                href={`/tracks/${track.id}`}
                className="block h-full rounded-lg border border-slate-200 p-4 hover:border-indigo-500 dark:border-slate-800"
              >
                <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  {track.vendor} · {track.examCode}
                </p>
                <h3 className="mt-1 font-semibold">{track.title}</h3>
                <dl className="mt-3 grid grid-cols-3 gap-2 text-sm">
                  <div>
                    <dt className="text-slate-500 dark:text-slate-400">Questions</dt>
                    <dd>{questionCountLabel(track)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500 dark:text-slate-400">Time</dt>
                    <dd>{track.durationMinutes} min</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500 dark:text-slate-400">Pass</dt>
                    <dd>{passingLabel(track)}</dd>
                  </div>
                </dl>
                <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
                  {bank.questionsOf(track.id).length} practice questions in the bank
                </p>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
