import Link from "next/link";
import { FLAG_LABEL, type ItemStats } from "@/lib/analytics/item-stats";
import { fixed2, percent } from "@/lib/analytics/triage";

/** Item statistics of several questions as a table (the author's lists). */
export function ItemStatsTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly { questionId: string; stats: ItemStats | null; reports: number }[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="py-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="col" className="py-1 pr-3">
              Question
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              n
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Facility
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Point-biserial
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Upper − lower
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Open reports
            </th>
            <th scope="col" className="py-1">
              Flags
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ questionId, stats, reports }) => (
            <tr key={questionId} className="border-b border-slate-100 dark:border-slate-900">
              <th scope="row" className="py-1 pr-3 font-normal">
                <Link href={`/author/questions/${questionId}`} className="font-mono underline">
                  {questionId}
                </Link>
              </th>
              <td className="py-1 pr-3 text-right">{stats?.n ?? 0}</td>
              <td className="py-1 pr-3 text-right">{percent(stats?.facility)}</td>
              <td className="py-1 pr-3 text-right">{fixed2(stats?.pointBiserial)}</td>
              <td className="py-1 pr-3 text-right">{fixed2(stats?.upperLower)}</td>
              <td className="py-1 pr-3 text-right">{reports}</td>
              <td className="py-1">
                {stats && stats.flags.length > 0
                  ? stats.flags.map((f) => FLAG_LABEL[f]).join("; ")
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
