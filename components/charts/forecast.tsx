import type { DomainPosterior, Prediction } from "@/lib/progress/prediction";

/**
 * The readiness forecast as two small server-rendered SVG charts: the distribution of the exam
 * score with the pass mark and the 85% target, and each exam domain's accuracy with its 80%
 * interval. Each has a text equivalent in its label and in the table beside it.
 */

const WIDTH = 640;

export function ScoreDistribution({
  prediction,
  passPercent,
  targetPercent,
}: {
  prediction: Prediction;
  passPercent: number;
  targetPercent: number;
}) {
  const height = 120;
  const base = height - 22;
  const peak = Math.max(...prediction.histogram, 1e-9);
  const x = (p: number) => 8 + (p / 100) * (WIDTH - 16);
  const bar = (WIDTH - 16) / 101;
  const label = `Predicted exam score: most likely between ${Math.round(prediction.low)}% and ${Math.round(
    prediction.high,
  )}%; ${Math.round(prediction.pPass * 100)}% chance of reaching the pass mark (${passPercent}%), ${Math.round(
    prediction.pTarget * 100,
  )}% chance of ${targetPercent}% or more.`;
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={label}
        className="h-auto w-full text-slate-800 dark:text-slate-100"
        data-testid="score-distribution"
      >
        <title>{label}</title>
        {prediction.histogram.map((share, p) =>
          share > 0 ? (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: one bar per whole percent
              key={p}
              x={x(p) - bar / 2}
              y={base - (share / peak) * (base - 8)}
              width={Math.max(1, bar - 0.5)}
              height={(share / peak) * (base - 8)}
              className={
                p >= passPercent
                  ? "fill-emerald-600 dark:fill-emerald-400"
                  : "fill-slate-400 dark:fill-slate-500"
              }
            />
          ) : null,
        )}
        <line
          x1={8}
          x2={WIDTH - 8}
          y1={base}
          y2={base}
          className="stroke-current"
          strokeWidth={1}
        />
        {[
          { p: passPercent, text: `Pass ${passPercent}%`, dash: "4 3" },
          { p: targetPercent, text: `Target ${targetPercent}%`, dash: "1 3" },
        ].map((line) => (
          <g key={line.text}>
            <line
              x1={x(line.p)}
              x2={x(line.p)}
              y1={4}
              y2={base}
              className="stroke-current"
              strokeDasharray={line.dash}
            />
            <text x={x(line.p) + 4} y={14} className="fill-current text-[11px]">
              {line.text}
            </text>
          </g>
        ))}
        {[0, 25, 50, 75, 100].map((p) => (
          <text
            key={p}
            x={x(p)}
            y={height - 6}
            textAnchor="middle"
            className="fill-current text-[11px]"
          >
            {p}%
          </text>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">
        How your exam score would fall if you sat it today (simulated from your fresh answers).
      </figcaption>
    </figure>
  );
}

export function DomainIntervals({ posteriors }: { posteriors: readonly DomainPosterior[] }) {
  const rowH = 34;
  const labelW = 0;
  const height = 20 + posteriors.length * rowH;
  const x = (p: number) => 8 + labelW + p * (WIDTH - 60 - labelW);
  const label = `Accuracy by exam domain with 80% intervals: ${posteriors
    .map(
      (d) =>
        `${d.title} ${Math.round(d.mean * 100)}% (${Math.round(d.low * 100)}–${Math.round(d.high * 100)}%, ${d.n} fresh)`,
    )
    .join("; ")}.`;
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={label}
        className="h-auto w-full text-slate-800 dark:text-slate-100"
        data-testid="domain-intervals"
      >
        <title>{label}</title>
        {posteriors.map((d, i) => {
          const y = 14 + i * rowH;
          return (
            <g key={d.id}>
              <text x={8} y={y} className="fill-current text-[12px]">
                {d.title} · {d.n} fresh
              </text>
              <rect
                x={x(0)}
                y={y + 6}
                width={x(1) - x(0)}
                height={8}
                className="fill-slate-200 dark:fill-slate-800"
              />
              <rect
                x={x(d.low)}
                y={y + 6}
                width={Math.max(2, x(d.high) - x(d.low))}
                height={8}
                className="fill-indigo-300 dark:fill-indigo-700"
              />
              <circle
                cx={x(d.mean)}
                cy={y + 10}
                r={4}
                className="fill-indigo-700 dark:fill-indigo-300"
              />
              <text x={WIDTH - 8} y={y + 14} textAnchor="end" className="fill-current text-[12px]">
                {Math.round(d.mean * 100)}%
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
