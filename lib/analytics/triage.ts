import type { ItemStats } from "@/lib/analytics/item-stats";

/** The author's sortable lists of questions: one row per question's current version. Pure. */

export const SORTS = {
  reported: "Most reported",
  flagged: "Flagged",
  discrimination: "Lowest discrimination",
  answered: "Least answered",
} as const;
export type SortKey = keyof typeof SORTS;

export const isSortKey = (value: unknown): value is SortKey =>
  typeof value === "string" && Object.hasOwn(SORTS, value);

export type TriageRow = {
  questionId: string;
  stats: ItemStats | null;
  /** Open reports on any version. */
  reports: number;
};

const byId = (a: TriageRow, b: TriageRow) => a.questionId.localeCompare(b.questionId);
const nOf = (r: TriageRow) => r.stats?.n ?? 0;

/**
 * Orders the rows for a list. `flagged` keeps only flagged questions (most flags first);
 * `discrimination` keeps only questions with a discrimination value, lowest first.
 */
export function sortRows(rows: readonly TriageRow[], by: SortKey): TriageRow[] {
  switch (by) {
    case "reported":
      return [...rows].sort((a, b) => b.reports - a.reports || nOf(b) - nOf(a) || byId(a, b));
    case "flagged":
      return rows
        .filter((r) => (r.stats?.flags.length ?? 0) > 0)
        .sort(
          (a, b) =>
            (b.stats?.flags.length ?? 0) - (a.stats?.flags.length ?? 0) ||
            b.reports - a.reports ||
            byId(a, b),
        );
    case "discrimination":
      return rows
        .filter((r) => r.stats?.pointBiserial !== null && r.stats?.pointBiserial !== undefined)
        .sort(
          (a, b) => (a.stats?.pointBiserial ?? 0) - (b.stats?.pointBiserial ?? 0) || byId(a, b),
        );
    case "answered":
      return [...rows].sort((a, b) => nOf(a) - nOf(b) || byId(a, b));
  }
}

/** `0.83`, or a dash for a missing value. */
export const fixed2 = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : value.toFixed(2);

/** `83%`, or a dash. */
export const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;

/**
 * A question file's path in the repository (`content/<track>/…`), whatever folder the app reads
 * the bank from (`PASSMARK_CONTENT_DIR`, repo-relative `root`).
 */
export function repoContentPath(file: string, root: string): string {
  const prefix = `${root.replace(/\/+$/, "")}/`;
  return root && file.startsWith(prefix) ? `content/${file.slice(prefix.length)}` : file;
}
