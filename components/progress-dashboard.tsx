import Link from "next/link";
import { CompareBars, type CompareRow } from "@/components/charts/compare-bars";
import { DomainIntervals, ScoreDistribution } from "@/components/charts/forecast";
import { TrendChart } from "@/components/charts/trend-chart";
import { DocLinks } from "@/components/doc-links";
import { DomainTable } from "@/components/domain-table";
import { Html } from "@/components/html";
import type { DomainInfo } from "@/lib/content/types";
import type { progressOf } from "@/lib/progress/dashboard";

type Progress = ReturnType<typeof progressOf>;

/** What the dashboard shows: the analytics of `progressOf` plus the track's context. */
export type DashboardData = {
  trackId: string;
  progress: Progress;
  domains: readonly DomainInfo[];
  reviewsDue: number;
  /** Tracks with YAML drills: how many the user attempted and passed. */
  yamlSkill?: { total: number; attempted: number; passed: number } | null;
};

const pct = (s: { percent: number } | null) => (s ? s.percent : null);

/** The track dashboard: readiness, baseline vs latest vs best, the trend and the weak domains. */
export function ProgressDashboard({
  trackId,
  progress,
  domains,
  reviewsDue,
  yamlSkill,
}: DashboardData) {
  const info = new Map(domains.map((d) => [d.id, d]));
  return (
    <section aria-labelledby="progress" className="space-y-6" data-testid="progress">
      <h2 id="progress" className="text-xl font-semibold">
        Your progress
      </h2>
      <div
        className={`space-y-3 rounded-md border px-4 py-3 ${
          progress.readiness.ready
            ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950"
            : "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950"
        }`}
      >
        {progress.readiness.headline && (
          <p className="text-lg font-semibold" data-testid="pass-probability">
            {progress.readiness.headline}
          </p>
        )}
        <p className="font-semibold" data-testid="readiness">
          {progress.readiness.summary}
        </p>
        {progress.readiness.headline && (
          <>
            <p
              className="text-sm text-slate-700 dark:text-slate-300"
              data-testid="target-probability"
            >
              Chance of {progress.targetPercent}% or more on the real exam:{" "}
              {Math.round(progress.prediction.pTarget * 100)}%. Read only from questions you
              answered for the first time ({progress.readiness.fresh} so far); a question seen
              before measures memory, not knowledge.
            </p>
            <ScoreDistribution
              prediction={progress.prediction}
              passPercent={progress.passPercent}
              targetPercent={progress.targetPercent}
            />
            <DomainIntervals posteriors={progress.posteriors} />
          </>
        )}
      </div>
      <div className="space-y-2" data-testid="freshness">
        <h3 className="text-lg font-semibold">Fresh questions left</h3>
        <p>
          {progress.freshness.fresh} of {progress.freshness.total} exam questions you have never
          seen: enough for {progress.freshness.freshMocks} more mock
          {progress.freshness.freshMocks === 1 ? "" : "s"} without a repeat.
        </p>
        <DomainTable
          caption="Fresh questions by exam domain"
          columns={["Fresh", "Per mock"]}
          rows={progress.freshness.byGroup.map((g) => ({
            id: g.id,
            title: g.title,
            cells: [`${g.fresh} of ${g.total}`, String(g.perMock)],
          }))}
        />
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <Link href={`/review?track=${trackId}`} className="font-semibold underline">
          {reviewsDue === 1 ? "1 review due" : `${reviewsDue} reviews due`}
        </Link>
        <Link href={`/plan?track=${trackId}`} className="font-semibold underline">
          Your study plan
        </Link>
      </p>

      {yamlSkill && (
        <div className="space-y-1" data-testid="yaml-skill">
          <h3 className="text-lg font-semibold">YAML skill</h3>
          <meter
            min={0}
            max={Math.max(1, yamlSkill.total)}
            value={yamlSkill.passed}
            aria-label="YAML drills passed"
            className="h-3 w-full"
          />
          <p className="text-sm">
            {yamlSkill.passed} of {yamlSkill.total} YAML drills passed ({yamlSkill.attempted}{" "}
            tried).{" "}
            <Link href="/drills" className="font-semibold underline">
              Practise writing YAML
            </Link>
          </p>
        </div>
      )}

      {progress.mocksTaken === 0 ? (
        <p>Take your cold baseline first: your scores by domain will appear here.</p>
      ) : (
        <>
          {progress.groupings.map((g) => {
            const rows: CompareRow[] = g.rows.map((r) => ({
              id: r.id,
              title: r.title,
              baseline: pct(r.baseline),
              latest: pct(r.latest),
              best: pct(r.best),
            }));
            return (
              <div key={g.id} className="space-y-3">
                <h3 className="text-lg font-semibold">Baseline, latest and best: {g.title}</h3>
                <CompareBars
                  rows={rows}
                  label={`Scores by ${g.title.toLowerCase()}: baseline, latest and best mock`}
                />
                <DomainTable
                  caption={`Scores by ${g.title.toLowerCase()}`}
                  captionHidden
                  columns={["Baseline", "Latest", "Best"]}
                  rows={rows.map((r) => ({
                    id: r.id,
                    title: r.title,
                    cells: [r.baseline, r.latest, r.best].map((v) => (v === null ? "—" : `${v}%`)),
                  }))}
                />
              </div>
            );
          })}
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">Every mock</h3>
            <TrendChart
              points={progress.trend}
              passPercent={progress.passPercent}
              targetPercent={progress.targetPercent}
            />
          </div>
        </>
      )}

      <div className="space-y-3">
        <h3 className="text-lg font-semibold">Weak domains, weakest first</h3>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Ranked by what each domain is likely costing you: the low end of its 80% interval, read
          from the questions you answered for the first time, weighted by the domain's share of the
          exam. The percentage shows your last 20 answers there (repeats included).
        </p>
        <ol className="space-y-3" data-testid="weak-domains">
          {progress.ranked.map((d) => (
            <li
              key={d.id}
              className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800"
            >
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-semibold">{d.title}</span>
                <span className="text-sm">
                  {d.percent === null
                    ? "no answers yet"
                    : `${d.percent}% of your last ${d.answered} answer${d.answered === 1 ? "" : "s"}`}
                  {d.answered > 0 && d.thinEvidence ? " (too few to be sure)" : ""} · {d.weight}% of
                  the exam · {d.freshLeft} fresh question{d.freshLeft === 1 ? "" : "s"} left before
                  drills repeat
                </span>
                <Link
                  href={`/tracks/${trackId}/practice?mode=drill&domain=${encodeURIComponent(d.id)}`}
                  className="ml-auto rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700"
                >
                  Drill this domain
                </Link>
              </p>
              <details className="text-sm">
                <summary className="cursor-pointer">Study notes and official docs</summary>
                <Html as="div" className="prose-q mt-2" html={info.get(d.id)?.notesHtml ?? ""} />
                <DocLinks docs={info.get(d.id)?.docs ?? []} className="mt-2 list-disc pl-6" />
              </details>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
