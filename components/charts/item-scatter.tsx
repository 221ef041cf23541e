/**
 * Facility (x, share correct) against discrimination (y, corrected point-biserial) of a track's
 * questions, one dot per question version; flagged ones are red squares, each a link to the
 * question. Dashed lines mark the flag thresholds. Server-rendered SVG; the list beside it holds
 * the same numbers as text.
 */

export type ScatterPoint = {
  id: string;
  href: string;
  facility: number;
  discrimination: number;
  flagged: boolean;
};

const W = 560;
const H = 320;
const PAD = { left: 44, right: 12, top: 12, bottom: 36 };

export function ItemScatter({
  points,
  label,
  thresholds,
}: {
  points: readonly ScatterPoint[];
  label: string;
  thresholds: { tooEasy: number; tooHard: number; lowDiscrimination: number };
}) {
  const x = (f: number) => PAD.left + Math.max(0, Math.min(1, f)) * (W - PAD.left - PAD.right);
  // Discrimination from -0.5 to 1 (lower values are drawn at the bottom edge).
  const y = (d: number) =>
    PAD.top + (1 - (Math.max(-0.5, Math.min(1, d)) + 0.5) / 1.5) * (H - PAD.top - PAD.bottom);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={label}
        className="h-auto w-full max-w-2xl text-slate-800 dark:text-slate-100"
      >
        <title>{label}</title>
        <rect
          x={PAD.left}
          y={PAD.top}
          width={W - PAD.left - PAD.right}
          height={H - PAD.top - PAD.bottom}
          className="fill-none stroke-slate-300 dark:stroke-slate-700"
        />
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <text
            key={`x${f}`}
            x={x(f)}
            y={H - PAD.bottom + 14}
            textAnchor="middle"
            className="fill-current text-[10px]"
          >
            {f}
          </text>
        ))}
        {[-0.5, 0, 0.5, 1].map((d) => (
          <text
            key={`y${d}`}
            x={PAD.left - 6}
            y={y(d) + 3}
            textAnchor="end"
            className="fill-current text-[10px]"
          >
            {d}
          </text>
        ))}
        <text
          x={(W + PAD.left) / 2}
          y={H - 4}
          textAnchor="middle"
          className="fill-current text-[11px]"
        >
          Facility (share correct)
        </text>
        <text
          transform={`translate(11, ${(H - PAD.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="fill-current text-[11px]"
        >
          Discrimination
        </text>
        {[thresholds.tooHard, thresholds.tooEasy].map((f) => (
          <line
            key={`fx${f}`}
            x1={x(f)}
            x2={x(f)}
            y1={PAD.top}
            y2={H - PAD.bottom}
            strokeDasharray="3 3"
            className="stroke-amber-500"
          />
        ))}
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(thresholds.lowDiscrimination)}
          y2={y(thresholds.lowDiscrimination)}
          strokeDasharray="3 3"
          className="stroke-amber-500"
        />
        {points.map((p) => (
          <a key={p.id} href={p.href}>
            <title>{`${p.id}: facility ${p.facility.toFixed(2)}, discrimination ${p.discrimination.toFixed(2)}${p.flagged ? ", flagged" : ""}`}</title>
            {p.flagged ? (
              <rect
                x={x(p.facility) - 4}
                y={y(p.discrimination) - 4}
                width="8"
                height="8"
                className="fill-red-600 dark:fill-red-400"
              />
            ) : (
              <circle
                cx={x(p.facility)}
                cy={y(p.discrimination)}
                r="4"
                className="fill-indigo-600/70 dark:fill-indigo-400/70"
              />
            )}
          </a>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-300">
        {points.length} question{points.length === 1 ? "" : "s"} with mock responses. Dashed lines:
        too hard below {thresholds.tooHard}, too easy above {thresholds.tooEasy}, low discrimination
        below {thresholds.lowDiscrimination}. Red squares are flagged.
      </figcaption>
    </figure>
  );
}
