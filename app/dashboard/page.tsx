import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { mockSummaries } from "@/lib/exam/summaries.server";
import { forecastFor } from "@/lib/progress.server";
import { dueCount } from "@/lib/review-deck.server";
import { orderedTracks } from "@/lib/tracks";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const bank = loadBank();
  const tracks = orderedTracks(bank.tracks.values());
  const db = getDb();
  const [summaries, due] = await Promise.all([mockSummaries(db, user.id), dueCount(db, user.id)]);
  const forecasts = new Map(
    await Promise.all(
      tracks
        .filter((t) => summaries.has(t.id))
        .map(async (t) => [t.id, await forecastFor(db, user.id, t, bank)] as const),
    ),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Welcome, {user.name ?? user.email}</h1>
      <p>
        <Link href="/review" className="font-semibold underline">
          {due === 1 ? "1 review due" : `${due} reviews due`}
        </Link>{" "}
        ·{" "}
        <Link href="/plan" className="font-semibold underline">
          Your study plan
        </Link>
      </p>
      <section aria-labelledby="your-tracks" className="space-y-3">
        <h2 id="your-tracks" className="text-lg font-semibold">
          Your tracks
        </h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {tracks.map((track) => {
            const summary = summaries.get(track.id);
            return (
              <li key={track.id} className="flex items-center justify-between gap-4 p-4">
                <div>
                  <Link href={`/tracks/${track.id}`} className="font-medium hover:underline">
                    {track.title}
                  </Link>
                  <p className="text-sm text-slate-600 dark:text-slate-300">
                    {summary?.latest ? (
                      <>
                        {summary.taken} mock{summary.taken === 1 ? "" : "s"}; latest{" "}
                        {summary.latest.percent}%
                        {summary.latest.scaledEstimate !== null &&
                          ` (estimated ${summary.latest.scaledEstimate})`}
                        .{" "}
                        <Link href={`/attempts/${summary.latest.id}/review`} className="underline">
                          Review it
                        </Link>
                      </>
                    ) : (
                      "No mocks yet: your first mock will be your cold baseline."
                    )}
                  </p>
                  {summary && forecasts.get(track.id) && (
                    <p
                      className="text-sm text-slate-600 dark:text-slate-300"
                      data-testid="readiness-line"
                    >
                      {forecasts.get(track.id)?.readiness.headline ??
                        forecasts.get(track.id)?.readiness.summary}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
