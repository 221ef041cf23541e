import type { ItemStats } from "@/lib/analytics/item-stats";

/** Item statistics as text for `npm run content:stats`: a table, CSV or JSON. Pure. */

export type StatsRow = ItemStats & { current: boolean; openReports: number };

const COLUMNS = [
  "question",
  "version",
  "current",
  "n",
  "mock_n",
  "facility",
  "point_biserial",
  "upper_lower",
  "median_time_s",
  "unanswered",
  "flagged",
  "options",
  "flags",
  "open_reports",
] as const;

const num = (v: number | null, digits = 3) => (v === null ? "" : v.toFixed(digits));

function cells(r: StatsRow): string[] {
  return [
    r.questionId,
    r.hash.slice(0, 12),
    r.current ? "yes" : "no",
    String(r.n),
    String(r.mockN),
    num(r.facility),
    num(r.pointBiserial),
    num(r.upperLower),
    r.medianTimeMs === null ? "" : (r.medianTimeMs / 1000).toFixed(0),
    num(r.unansweredRate),
    num(r.flaggedRate),
    r.options.map((o) => `${o.key}${o.correct ? "*" : ""}:${Math.round(o.share * 100)}%`).join(" "),
    r.flags.join(" "),
    String(r.openReports),
  ];
}

/** RFC 4180: quote a field holding a comma, quote or line break; double its quotes. */
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function toCsv(rows: readonly StatsRow[]): string {
  return [COLUMNS.join(","), ...rows.map((r) => cells(r).map(csvField).join(","))].join("\n");
}

export function toTable(rows: readonly StatsRow[]): string {
  const all = [[...COLUMNS] as string[], ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  return all
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function toJson(rows: readonly StatsRow[]): string {
  return JSON.stringify(rows, null, 2);
}
