import { resolveReportAction } from "@/app/author/actions";
import { OptionBars } from "@/components/charts/option-bars";
import { FormAlert } from "@/components/form-parts";
import { FLAG_LABEL } from "@/lib/analytics/item-stats";
import type { VersionStats } from "@/lib/analytics/item-stats.server";
import {
  CATEGORY_LABEL,
  NOTE_MAX,
  type ReportCategory,
  type ReportStatus,
  shortHash,
  statusText,
} from "@/lib/analytics/reports";
import { fixed2, percent } from "@/lib/analytics/triage";
import { formatDuration } from "@/lib/exam/practice";

/** The author's per-question view: statistics per version, option-choice bars, reports. */

export function QuestionStats({
  versions,
  currentHash,
}: {
  versions: readonly VersionStats[];
  currentHash: string;
}) {
  const current = versions.find((v) => v.hash === currentHash);
  return (
    <section
      aria-labelledby="statistics"
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="statistics" className="text-lg font-semibold">
        Statistics
      </h2>
      {!current || current.n === 0 ? (
        <p data-testid="no-stats">No counted responses to the current version yet.</p>
      ) : (
        <>
          <dl
            className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4"
            data-testid="item-stats"
          >
            <Stat term="Responses (n)" value={String(current.n)} />
            <Stat term="From mocks" value={String(current.mockN)} />
            <Stat term="Facility" value={percent(current.facility)} />
            <Stat term="Point-biserial" value={fixed2(current.pointBiserial)} />
            <Stat term="Upper − lower 27%" value={fixed2(current.upperLower)} />
            <Stat
              term="Median time"
              value={current.medianTimeMs === null ? "—" : formatDuration(current.medianTimeMs)}
            />
            <Stat term="Unanswered" value={percent(current.unansweredRate)} />
            <Stat term="Flagged for review" value={percent(current.flaggedRate)} />
          </dl>
          {current.flags.length > 0 ? (
            <ul
              className="list-inside list-disc text-sm text-red-800 dark:text-red-300"
              aria-label="Flags"
            >
              {current.flags.map((f) => (
                <li key={f}>{FLAG_LABEL[f]}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">No flags.</p>
          )}
          <OptionBars
            options={current.options}
            label={`Share of responses choosing each option of ${current.questionId}`}
          />
          <table className="w-full max-w-xl text-left text-sm">
            <caption className="py-1 text-left font-semibold">Option choices</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-1 pr-3">
                  Option
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  All
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  Top 27%
                </th>
                <th scope="col" className="py-1 text-right">
                  Bottom 27%
                </th>
              </tr>
            </thead>
            <tbody>
              {current.options.map((o) => (
                <tr key={o.key} className="border-b border-slate-100 dark:border-slate-900">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {o.key}
                    {o.correct ? " (key)" : ""}
                  </th>
                  <td className="py-1 pr-3 text-right">
                    {percent(o.share)} ({o.count})
                  </td>
                  <td className="py-1 pr-3 text-right">{percent(o.upperShare)}</td>
                  <td className="py-1 text-right">{percent(o.lowerShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {versions.length > 1 && (
        <table className="w-full text-left text-sm">
          <caption className="py-1 text-left font-semibold">Versions (history)</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1 pr-3">
                Version
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
              <th scope="col" className="py-1">
                Flags
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.hash} className="border-b border-slate-100 dark:border-slate-900">
                <th scope="row" className="py-1 pr-3 font-normal">
                  <code>{shortHash(v.hash)}</code>
                  {v.current ? " (current)" : ""}
                </th>
                <td className="py-1 pr-3 text-right">{v.n}</td>
                <td className="py-1 pr-3 text-right">{percent(v.facility)}</td>
                <td className="py-1 pr-3 text-right">{fixed2(v.pointBiserial)}</td>
                <td className="py-1">{v.flags.map((f) => FLAG_LABEL[f]).join("; ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Stat({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600 dark:text-slate-300">{term}</dt>
      <dd className="font-semibold">{value}</dd>
    </div>
  );
}

type AuthorReport = {
  id: string;
  questionHash: string;
  category: ReportCategory;
  comment: string;
  status: ReportStatus;
  authorNote: string | null;
  fixedInHash: string | null;
  createdAt: Date;
};

export function QuestionReports({
  questionId,
  reports,
  currentHash,
  error,
  resolved,
}: {
  questionId: string;
  reports: readonly AuthorReport[];
  currentHash: string;
  error?: string | undefined;
  resolved?: string | undefined;
}) {
  return (
    <section
      aria-labelledby="reports"
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <h2 id="reports" className="text-lg font-semibold">
        Reports
      </h2>
      {error && <FormAlert message={error.slice(0, 200)} />}
      {resolved && (
        <p role="status" className="text-sm">
          Report {resolved === "accepted" ? "accepted" : "declined"}.
        </p>
      )}
      {reports.length === 0 ? (
        <p>No reports on this question.</p>
      ) : (
        <ul className="space-y-3">
          {reports.map((r) => (
            <li
              key={r.id}
              className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
              data-testid="author-report"
            >
              <p>
                <strong>{CATEGORY_LABEL[r.category]}</strong> · {statusText(r)} · version{" "}
                <code>{shortHash(r.questionHash)}</code>
                {r.questionHash === currentHash ? " (current)" : " (older)"} ·{" "}
                {r.createdAt.toISOString().slice(0, 10)}
              </p>
              {r.comment && <p className="whitespace-pre-wrap">{r.comment}</p>}
              {(r.status === "open" || r.status === "accepted") && (
                <form action={resolveReportAction} className="space-y-2">
                  <input type="hidden" name="reportId" value={r.id} />
                  <input type="hidden" name="questionId" value={questionId} />
                  <label className="block">
                    Note to the reporter
                    <textarea
                      name="note"
                      maxLength={NOTE_MAX}
                      rows={2}
                      defaultValue={r.authorNote ?? ""}
                      className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
                    />
                  </label>
                  <div className="flex gap-2">
                    {r.status === "open" && (
                      <button
                        type="submit"
                        name="decision"
                        value="accept"
                        className="rounded-md bg-emerald-700 px-3 py-1.5 font-medium text-white hover:bg-emerald-800"
                      >
                        Accept
                      </button>
                    )}
                    <button
                      type="submit"
                      name="decision"
                      value="decline"
                      className="rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
                    >
                      Decline
                    </button>
                  </div>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
