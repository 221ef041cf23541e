import type { Metadata } from "next";
import Link from "next/link";
import { CATEGORY_LABEL, shortHash, statusText } from "@/lib/analytics/reports";
import { myReports } from "@/lib/analytics/reports.server";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db.server";

export const metadata: Metadata = { title: "My reports" };

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The signed-in learner's reports on questions and what became of them. */
export default async function MyReportsPage() {
  const user = await requireUser("/reports");
  const reports = await myReports(getDb(), user.id);
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">My reports</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Problems you reported with questions, and what the authors did about them.
        </p>
      </header>
      {reports.length === 0 ? (
        <p data-testid="no-reports">
          You have not reported any question. Use “Report a problem with this question” on a results
          page, after checking a practice answer or in your{" "}
          <Link href="/review" className="underline">
            spaced review
          </Link>
          .
        </p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your reports, newest first</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1 pr-4">
                Question
              </th>
              <th scope="col" className="py-1 pr-4">
                Problem
              </th>
              <th scope="col" className="py-1 pr-4">
                Status
              </th>
              <th scope="col" className="py-1">
                Updated
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr
                key={r.id}
                className="border-b border-slate-100 align-top dark:border-slate-900"
                data-testid="my-report"
              >
                <th scope="row" className="py-2 pr-4 font-normal">
                  <span className="font-mono">{r.questionId}</span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    version {shortHash(r.questionHash)}
                  </span>
                </th>
                <td className="py-2 pr-4">
                  {CATEGORY_LABEL[r.category]}
                  {r.comment && (
                    <span className="block text-xs text-slate-600 dark:text-slate-300">
                      {r.comment}
                    </span>
                  )}
                </td>
                <td className="py-2 pr-4" data-testid="report-status">
                  {statusText(r)}
                </td>
                <td className="py-2">{day(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
