import type { OptionShare } from "@/lib/analytics/item-stats";

/**
 * Option-choice bars of one question version: per option, the share of all counted responses
 * that chose it and, below, the share among the top 27% of mock candidates. The key is marked
 * in words and colour. Server-rendered SVG; the same numbers are in the table under it.
 */

const WIDTH = 560;
const LABEL_W = 84;
const VALUE_W = 48;
const ROW_H = 30;
const BAR_H = 12;
const TOP_H = 5;

export function OptionBars({ options, label }: { options: readonly OptionShare[]; label: string }) {
  const top = 22;
  const height = top + options.length * ROW_H + 4;
  const span = WIDTH - LABEL_W - VALUE_W;
  const scale = (share: number) => Math.max(0, Math.min(1, share)) * span;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={label}
        className="h-auto w-full max-w-xl text-slate-800 dark:text-slate-100"
      >
        <title>{label}</title>
        <g transform="translate(0, 4)">
          <rect width="12" height="10" className="fill-emerald-600 dark:fill-emerald-400" />
          <text x="16" y="9" className="fill-current text-[11px]">
            Key
          </text>
          <rect x="56" width="12" height="10" className="fill-slate-400 dark:fill-slate-500" />
          <text x="72" y="9" className="fill-current text-[11px]">
            Distractor
          </text>
          <rect
            x="150"
            y="3"
            width="12"
            height={TOP_H}
            className="fill-indigo-600 dark:fill-indigo-400"
          />
          <text x="166" y="9" className="fill-current text-[11px]">
            Top 27% of mock candidates
          </text>
        </g>
        {options.map((o, i) => {
          const y = top + i * ROW_H;
          return (
            <g key={o.key} transform={`translate(0, ${y})`}>
              <text y={BAR_H - 1} className="fill-current text-[12px] font-semibold">
                {o.key}
                {o.correct ? " (key)" : ""}
              </text>
              <rect
                x={LABEL_W}
                width={Math.max(1, scale(o.share))}
                height={BAR_H}
                rx="2"
                className={
                  o.correct
                    ? "fill-emerald-600 dark:fill-emerald-400"
                    : "fill-slate-400 dark:fill-slate-500"
                }
              />
              <text
                x={LABEL_W + scale(o.share) + 4}
                y={BAR_H - 1}
                className="fill-current text-[11px]"
              >
                {Math.round(o.share * 100)}%
              </text>
              {o.upperShare !== null && (
                <rect
                  x={LABEL_W}
                  y={BAR_H + 3}
                  width={Math.max(1, scale(o.upperShare))}
                  height={TOP_H}
                  className="fill-indigo-600 dark:fill-indigo-400"
                />
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
