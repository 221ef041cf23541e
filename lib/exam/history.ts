/** The attempt history's rows, from stored attempts. Pure. */

export type HistoryAttempt = {
  id: string;
  trackId: string;
  mode: "mock" | "practice" | "drill";
  status: "in_progress" | "submitted" | "expired" | "abandoned";
  isBaseline: boolean;
  startedAt: Date;
  submittedAt: Date | null;
  deadline: Date | null;
  correctCount: number | null;
  scorePercent: number | null;
  passed: boolean | null;
  questionCount: number;
};

export type HistoryRow = {
  id: string;
  trackId: string;
  /** "Mock exam (baseline)", "Practice", "Domain drill". */
  mode: string;
  /** Where the row opens: the review when closed, the player while open. */
  href: string;
  open: boolean;
  startedAt: Date;
  /** "42%" or "—" while open. */
  score: string;
  /** "12 of 60 correct", or null while open. */
  detail: string | null;
  /** "1 h 02 min", "35 min", "under 1 min"; null while open. */
  time: string | null;
  /** Mocks only: "Pass", "Fail", "Abandoned"; practice has no pass mark. */
  outcome: string | null;
};

const MODE = { mock: "Mock exam", practice: "Practice", drill: "Domain drill" } as const;

export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "under 1 min";
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

export function historyRow(a: HistoryAttempt): HistoryRow {
  const open = a.status === "in_progress";
  const id = encodeURIComponent(a.id);
  const mode = `${MODE[a.mode]}${a.isBaseline ? " (baseline)" : ""}`;
  const end = a.submittedAt;
  const outcome =
    a.status === "abandoned"
      ? "Abandoned"
      : a.mode !== "mock" || open || a.passed === null
        ? null
        : `${a.passed ? "Pass" : "Fail"}${a.status === "expired" ? " (time ran out)" : ""}`;
  return {
    id: a.id,
    trackId: a.trackId,
    mode,
    href: open ? `/attempts/${id}` : `/attempts/${id}/review`,
    open,
    startedAt: a.startedAt,
    score: open || a.scorePercent === null ? "—" : `${Math.round(a.scorePercent)}%`,
    detail:
      open || a.correctCount === null ? null : `${a.correctCount} of ${a.questionCount} correct`,
    time: open || !end ? null : formatDuration(end.getTime() - a.startedAt.getTime()),
    outcome,
  };
}
