/**
 * Grouped horizontal bars: per group, the baseline's, the latest and the best mock's percentage.
 * Server-rendered SVG; the same numbers are in a table next to it (see the dashboard).
 */

export type CompareRow = {
  id: string;
  title: string;
  baseline: number | null;
  latest: number | null;
  best: number | null;
};

/**
 * "Best mock", not "Best": the third bar is the best mock overall, split by domain, which a domain
 * may have scored lower in than in another mock (issue 15, bug 8).
 */
export const SERIES = [
  { key: "baseline", label: "Baseline", className: "fill-slate-400 dark:fill-slate-500" },
  { key: "latest", label: "Latest", className: "fill-indigo-600 dark:fill-indigo-400" },
  { key: "best", label: "Best mock", className: "fill-emerald-600 dark:fill-emerald-400" },
] as const;

/** The same labels for the table next to the chart. */
export const SERIES_COLUMNS = SERIES.map((s) => s.label);

const WIDTH = 640;
const LABEL_H = 16;
const BAR_H = 9;
const GAP = 3;
const GROUP_GAP = 14;
const VALUE_W = 44;

export function CompareBars({ rows, label }: { rows: readonly CompareRow[]; label: string }) {
  const groupH = LABEL_H + SERIES.length * (BAR_H + GAP) + GROUP_GAP;
  const top = 24;
  const height = top + rows.length * groupH;
  const scale = (p: number) => (Math.max(0, Math.min(100, p)) / 100) * (WIDTH - VALUE_W);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={label}
        className="h-auto w-full text-slate-800 dark:text-slate-100"
      >
        <title>{label}</title>
        {SERIES.map((s, i) => (
          <g key={s.key} transform={`translate(${i * 110}, 4)`}>
            <rect width="12" height="12" className={s.className} />
            <text x="18" y="10.5" className="fill-current text-[12px]">
              {s.label}
            </text>
          </g>
        ))}
        {[25, 50, 75, 100].map((p) => (
          <line
            key={p}
            x1={scale(p)}
            x2={scale(p)}
            y1={top}
            y2={height - GROUP_GAP / 2}
            className="stroke-slate-200 dark:stroke-slate-800"
            strokeDasharray="2 3"
          />
        ))}
        {rows.map((row, r) => {
          const y = top + r * groupH;
          return (
            <g key={row.id} transform={`translate(0, ${y})`}>
              <text y="12" className="fill-current text-[12px] font-semibold">
                {row.title}
              </text>
              {SERIES.map((s, i) => {
                const value = row[s.key];
                const by = LABEL_H + i * (BAR_H + GAP);
                return (
                  <g key={s.key}>
                    <rect
                      y={by}
                      width={value === null ? 0 : Math.max(1, scale(value))}
                      height={BAR_H}
                      rx="2"
                      className={s.className}
                    />
                    <text
                      x={(value === null ? 0 : scale(value)) + 4}
                      y={by + BAR_H - 1}
                      className="fill-current text-[10px]"
                    >
                      {value === null ? "—" : `${value}%`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
