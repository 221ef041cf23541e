/**
 * Every mock's score in order, with two reference lines: the exam's pass mark and the 85%
 * readiness target. Server-rendered SVG with a text alternative.
 */

/** `id`: the mock's attempt; its point links to its review. */
export type TrendPoint = { n: number; percent: number; at: Date; id?: string };

const W = 640;
const H = 260;
const M = { left: 40, right: 112, top: 16, bottom: 32 };
/** Keeps the first and last points off the axes. */
const PAD = 20;

export function TrendChart({
  points,
  passPercent,
  targetPercent,
}: {
  points: readonly TrendPoint[];
  passPercent: number;
  targetPercent: number;
}) {
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const n = Math.max(points.length, 2);
  const x = (i: number) =>
    M.left +
    PAD +
    (points.length === 1 ? (innerW - 2 * PAD) / 2 : (i / (n - 1)) * (innerW - 2 * PAD));
  const y = (p: number) => M.top + innerH - (Math.max(0, Math.min(100, p)) / 100) * innerH;
  const label = `Mock scores over time: ${points.map((p) => `mock ${p.n} ${p.percent}%`).join(", ")}. Pass mark ${passPercent}%, readiness target ${targetPercent}%.`;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-testid="trend-chart"
      className="h-auto w-full text-slate-800 dark:text-slate-100"
    >
      <title>{label}</title>
      {[0, 25, 50, 75, 100].map((p) => (
        <g key={p}>
          <line
            x1={M.left}
            x2={W - M.right}
            y1={y(p)}
            y2={y(p)}
            className="stroke-slate-200 dark:stroke-slate-800"
          />
          <text x={M.left - 6} y={y(p) + 4} textAnchor="end" className="fill-current text-[11px]">
            {p}%
          </text>
        </g>
      ))}
      <ReferenceLine
        y={y(passPercent)}
        label={`Pass mark ${passPercent}%`}
        className="stroke-amber-600 dark:stroke-amber-400"
        testId="pass-line"
      />
      <ReferenceLine
        y={y(targetPercent)}
        label={`Target ${targetPercent}%`}
        className="stroke-emerald-600 dark:stroke-emerald-400"
        testId="target-line"
      />
      <polyline
        fill="none"
        strokeWidth="2.5"
        className="stroke-indigo-600 dark:stroke-indigo-400"
        points={points.map((p, i) => `${x(i)},${y(p.percent)}`).join(" ")}
      />
      {points.map((p, i) => {
        const dot = (
          <circle
            cx={x(i)}
            cy={y(p.percent)}
            r="5"
            className="fill-indigo-600 stroke-white dark:fill-indigo-400 dark:stroke-slate-950"
            strokeWidth="2"
          >
            <title>{`Mock ${p.n} (${p.at.toISOString().slice(0, 10)}): ${p.percent}%`}</title>
          </circle>
        );
        return (
          <g key={p.n}>
            {/* A mouse target; keyboard and screen-reader users have the list under the chart. */}
            {p.id ? (
              <a href={`/attempts/${encodeURIComponent(p.id)}/review`} tabIndex={-1}>
                {dot}
              </a>
            ) : (
              dot
            )}
            <text x={x(i)} y={H - 10} textAnchor="middle" className="fill-current text-[11px]">
              {p.n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ReferenceLine({
  y,
  label,
  className,
  testId,
}: {
  y: number;
  label: string;
  className: string;
  testId: string;
}) {
  return (
    <g data-testid={testId}>
      <line
        x1={M.left}
        x2={W - M.right}
        y1={y}
        y2={y}
        strokeDasharray="6 4"
        strokeWidth="1.5"
        className={className}
      />
      <text x={W - M.right + 6} y={y + 4} className="fill-current text-[11px]">
        {label}
      </text>
    </g>
  );
}
