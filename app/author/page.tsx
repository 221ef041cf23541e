import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireRole } from "@/lib/auth/session.server";
import { htmlText, searchQuestions } from "@/lib/author";
import {
  availableByGroup,
  blueprintQuotas,
  distinctMocks,
  sampledGrouping,
} from "@/lib/content/blueprint";
import { loadBank } from "@/lib/content/load.server";
import { orderedTracks } from "@/lib/tracks";

export const metadata: Metadata = { title: "Author" };

const querySchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  track: z.string().max(64).optional().catch(undefined),
  domain: z.string().max(64).optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 50;

export default async function AuthorPage({ searchParams }: Props) {
  const raw = await searchParams;
  const filter = querySchema.parse({ q: raw.q, track: raw.track, domain: raw.domain });
  await requireRole(["author", "admin"], "/author");
  const bank = loadBank();
  const tracks = orderedTracks(bank.tracks.values());
  const results = searchQuestions(bank.questions, filter);
  const searching = Boolean(filter.q || filter.track || filter.domain);

  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">Question bank</h1>
      <p>
        <Link href="/author/reports" className="font-medium underline">
          Item analysis and reports
        </Link>
        : learners' reports to triage, and how every question performs.
      </p>

      <section aria-labelledby="coverage" className="space-y-6">
        <h2 id="coverage" className="text-xl font-semibold">
          Coverage against the blueprints
        </h2>
        {tracks.map((track) => {
          const quotas = blueprintQuotas(track);
          const available = availableByGroup(bank, track.id);
          return (
            <div key={track.id} className="space-y-2">
              <h3 className="font-semibold">
                {track.title}{" "}
                <span className="text-sm font-normal text-slate-600 dark:text-slate-300">
                  {bank.questionsOf(track.id).length} questions · {distinctMocks(bank, track.id)}{" "}
                  distinct full mocks
                </span>
              </h3>
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200 dark:border-slate-800">
                    <th scope="col" className="py-1 pr-4">
                      {track.blueprint === "curriculum" ? "Curriculum domain" : "Domain"}
                    </th>
                    <th scope="col" className="py-1 pr-4 text-right">
                      Weight
                    </th>
                    <th scope="col" className="py-1 pr-4 text-right">
                      One mock needs
                    </th>
                    <th scope="col" className="py-1 text-right">
                      In the bank
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sampledGrouping(track).map((group) => {
                    const have = available[group.id] ?? 0;
                    const need = quotas[group.id] ?? 0;
                    return (
                      <tr
                        key={group.id}
                        className="border-b border-slate-100 dark:border-slate-900"
                      >
                        <th scope="row" className="py-1 pr-4 font-normal">
                          <Link
                            className="underline"
                            href={`/author?track=${track.id}${track.blueprint === "domains" ? `&domain=${group.id}` : ""}`}
                          >
                            {group.title}
                          </Link>
                        </th>
                        <td className="py-1 pr-4 text-right">{group.weight}%</td>
                        <td className="py-1 pr-4 text-right">{need}</td>
                        <td
                          className={`py-1 text-right ${have < need ? "font-semibold text-red-700 dark:text-red-300" : ""}`}
                        >
                          {have}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="search" className="space-y-4">
        <h2 id="search" className="text-xl font-semibold">
          Find a question
        </h2>
        <search>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col text-sm">
              Id, text or tag
              <input
                name="q"
                defaultValue={filter.q ?? ""}
                className="mt-1 w-72 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
              />
            </label>
            <label className="flex flex-col text-sm">
              Track
              <select
                name="track"
                defaultValue={filter.track ?? ""}
                className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
              >
                <option value="">All tracks</option>
                {tracks.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
            >
              Search
            </button>
          </form>
        </search>
        {searching && (
          <div className="space-y-2">
            <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
              {results.length} matching question{results.length === 1 ? "" : "s"}
              {results.length > PAGE_SIZE ? ` (first ${PAGE_SIZE} shown)` : ""}
            </p>
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {results.slice(0, PAGE_SIZE).map((question) => (
                <li key={question.id} className="py-2">
                  <Link
                    href={`/author/questions/${question.id}`}
                    className="font-mono text-sm underline"
                  >
                    {question.id}
                  </Link>{" "}
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    {question.domain} · {question.difficulty} · {question.type}
                  </span>
                  <p className="truncate text-sm">{htmlText(question.stemHtml)}</p>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}
