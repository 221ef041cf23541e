import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { attemptHistory } from "@/lib/exam/history.server";
import { orderedTracks } from "@/lib/tracks";

export const metadata: Metadata = { title: "Attempt history" };

type Props = { searchParams: Promise<{ track?: string }> };

const DATE = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Every mock, practice session and drill, newest first; each opens its review. */
export default async function HistoryPage({ searchParams }: Props) {
  const search = await searchParams;
  const bank = loadBank();
  const track = search.track ? bank.tracks.get(search.track) : undefined;
  const user = await requireUser(track ? `/history?track=${track.id}` : "/history");
  const rows = await attemptHistory(getDb(), user.id, track?.id);
  const titleOf = (id: string) => bank.tracks.get(id)?.title ?? id;
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Attempt history</h1>
        <nav aria-label="Filter by track" className="flex flex-wrap gap-2 text-sm">
          <Link
            href="/history"
            aria-current={track ? undefined : "page"}
            className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
          >
            All tracks
          </Link>
          {orderedTracks(bank.tracks.values()).map((t) => (
            <Link
              key={t.id}
              href={`/history?track=${t.id}`}
              aria-current={t.id === track?.id ? "page" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
            >
              {t.title}
            </Link>
          ))}
        </nav>
      </header>
      {rows.length === 0 ? (
        <p>
          Nothing yet. Your mocks, practice sessions and drills appear here, each with its review.
        </p>
      ) : (
        <ol className="space-y-2" data-testid="history">
          {rows.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-md border border-slate-200 p-3 dark:border-slate-800"
            >
              <Link href={r.href} className="min-w-0 flex-1 basis-56 font-semibold underline">
                {r.mode}
                {track ? "" : ` · ${titleOf(r.trackId)}`}
              </Link>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                <time dateTime={r.startedAt.toISOString()}>{DATE.format(r.startedAt)} UTC</time>
              </span>
              {r.open ? (
                <span className="text-sm font-semibold text-indigo-700 dark:text-indigo-300">
                  In progress: resume
                </span>
              ) : (
                <span className="text-sm">
                  <span className="font-semibold">{r.score}</span>
                  {r.detail && ` (${r.detail})`}
                  {r.time && ` · ${r.time}`}
                  {r.outcome && (
                    <span
                      className={`ml-2 rounded px-1.5 py-0.5 text-xs font-semibold ${
                        r.outcome.startsWith("Pass")
                          ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100"
                          : r.outcome === "Abandoned"
                            ? "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"
                            : "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"
                      }`}
                    >
                      {r.outcome}
                    </span>
                  )}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
