import type { Metadata } from "next";
import Link from "next/link";
import { ItemScatter } from "@/components/charts/item-scatter";
import { ItemStatsTable } from "@/components/item-stats-table";
import { FLAG_LABEL, THRESHOLDS } from "@/lib/analytics/item-stats";
import { cachedItemStats, statsMinN } from "@/lib/analytics/item-stats-cache.server";
import { CATEGORY_LABEL, REPORT_CATEGORIES } from "@/lib/analytics/reports";
import { openReportCounts, reportQueue } from "@/lib/analytics/reports.server";
import { isSortKey, SORTS, type SortKey, sortRows } from "@/lib/analytics/triage";
import { requireRole } from "@/lib/auth/session.server";
import { loadBank } from "@/lib/content/load.server";
import { getDb } from "@/lib/db.server";
import { orderedTracks } from "@/lib/tracks";

export const metadata: Metadata = { title: "Item analysis and reports" };

type Props = { searchParams: Promise<{ track?: string; sort?: string }> };

const LIST_SIZE = 50;

/** The author's triage: open reports by question, then the track's item statistics. */
export default async function AuthorReportsPage({ searchParams }: Props) {
  const search = await searchParams;
  await requireRole(["author", "admin"], "/author/reports");
  const bank = loadBank();
  const tracks = orderedTracks(bank.tracks.values());
  const track = (search.track && bank.tracks.get(search.track)) || tracks[0];
  if (!track) return <p>No tracks.</p>;
  const sort: SortKey = isSortKey(search.sort) ? search.sort : "reported";
  const db = getDb();
  const [{ stats, computedAt, contentVersion }, queue, openCounts] = await Promise.all([
    cachedItemStats(bank, track.id),
    reportQueue(db, track.id),
    openReportCounts(db),
  ]);
  const current = new Map(stats.filter((s) => s.current).map((s) => [s.questionId, s]));
  const rows = bank.questionsOf(track.id).map((q) => ({
    questionId: q.id,
    stats: current.get(q.id) ?? null,
    reports: openCounts.get(q.id) ?? 0,
  }));
  const listed = sortRows(rows, sort);
  const points = [...current.values()].flatMap((s) =>
    s.facility !== null && s.pointBiserial !== null
      ? [
          {
            id: s.questionId,
            href: `/author/questions/${s.questionId}`,
            facility: s.facility,
            discrimination: s.pointBiserial,
            flagged: s.flags.length > 0,
          },
        ]
      : [],
  );
  const link = (params: { track?: string; sort?: string }) =>
    `/author/reports?${new URLSearchParams({ track: params.track ?? track.id, sort: params.sort ?? sort })}`;

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <Link href="/author" className="text-sm underline">
          ← Question bank
        </Link>
        <h1 className="text-2xl font-bold">Item analysis and reports</h1>
        <nav aria-label="Tracks" className="flex flex-wrap gap-2 text-sm">
          {tracks.map((t) => (
            <Link
              key={t.id}
              href={link({ track: t.id })}
              aria-current={t.id === track.id ? "true" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
            >
              {t.examCode}
            </Link>
          ))}
        </nav>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Statistics count each learner's first graded response per question (a closed mock or a
          practice check). Flags need {statsMinN()} responses. Computed{" "}
          {computedAt.toISOString().slice(0, 16).replace("T", " ")} UTC for content version{" "}
          <code>{contentVersion}</code>.
        </p>
      </header>

      <section aria-labelledby="queue" className="space-y-3">
        <h2 id="queue" className="text-xl font-semibold">
          Open reports
        </h2>
        {queue.length === 0 ? (
          <p data-testid="queue-empty">No open reports on this track.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="report-queue">
              <caption className="sr-only">
                Open reports grouped by question, most reported first
              </caption>
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="col" className="py-1 pr-3">
                    Question
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    Open
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    By category
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    n
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    Facility
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    Discrimination
                  </th>
                  <th scope="col" className="py-1">
                    Flags
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.map((row) => {
                  const s = current.get(row.questionId);
                  return (
                    <tr
                      key={row.questionId}
                      className="border-b border-slate-100 align-top dark:border-slate-900"
                    >
                      <th scope="row" className="py-1 pr-3 font-normal">
                        <Link
                          href={`/author/questions/${row.questionId}#reports`}
                          className="font-mono underline"
                        >
                          {row.questionId}
                        </Link>
                      </th>
                      <td className="py-1 pr-3 text-right">{row.open}</td>
                      <td className="py-1 pr-3">
                        {REPORT_CATEGORIES.filter((c) => row.byCategory[c])
                          .map((c) => `${CATEGORY_LABEL[c]}: ${row.byCategory[c]}`)
                          .join(", ")}
                      </td>
                      <td className="py-1 pr-3 text-right">{s?.n ?? 0}</td>
                      <td className="py-1 pr-3 text-right">
                        {s?.facility == null ? "—" : `${Math.round(s.facility * 100)}%`}
                      </td>
                      <td className="py-1 pr-3 text-right">
                        {s?.pointBiserial?.toFixed(2) ?? "—"}
                      </td>
                      <td className="py-1">
                        {s && s.flags.length > 0
                          ? s.flags.map((f) => FLAG_LABEL[f]).join("; ")
                          : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="scatter" className="space-y-3">
        <h2 id="scatter" className="text-xl font-semibold">
          Facility and discrimination
        </h2>
        <ItemScatter
          points={points}
          label={`Facility against discrimination of ${points.length} ${track.examCode} questions`}
          thresholds={THRESHOLDS}
        />
      </section>

      <section aria-labelledby="lists" className="space-y-3">
        <h2 id="lists" className="text-xl font-semibold">
          Questions
        </h2>
        <nav aria-label="Sort questions" className="flex flex-wrap gap-2 text-sm">
          {(Object.keys(SORTS) as SortKey[]).map((key) => (
            <Link
              key={key}
              href={link({ sort: key })}
              aria-current={key === sort ? "true" : undefined}
              className="rounded-full border border-slate-300 px-3 py-1 aria-[current]:bg-indigo-600 aria-[current]:text-white dark:border-slate-700"
            >
              {SORTS[key]}
            </Link>
          ))}
        </nav>
        <ItemStatsTable
          caption={`${SORTS[sort]}: ${Math.min(listed.length, LIST_SIZE)} of ${listed.length}`}
          rows={listed.slice(0, LIST_SIZE)}
        />
      </section>
    </div>
  );
}
