import { describe, expect, it } from "vitest";
import { formatDuration, type HistoryAttempt, historyRow } from "./history";

const base: HistoryAttempt = {
  id: "a1",
  trackId: "cba",
  mode: "mock",
  status: "submitted",
  isBaseline: true,
  startedAt: new Date("2026-12-08T10:00:00Z"),
  submittedAt: new Date("2026-12-08T11:02:30Z"),
  deadline: new Date("2026-12-08T11:30:00Z"),
  correctCount: 25,
  scorePercent: 41.7,
  passed: false,
  questionCount: 60,
};

describe("attempt history rows", () => {
  it("a submitted mock: date, mode, score, time, pass/fail, and its review", () => {
    expect(historyRow(base)).toMatchObject({
      mode: "Mock exam (baseline)",
      href: "/attempts/a1/review",
      score: "42%",
      detail: "25 of 60 correct",
      time: "1 h 02 min",
      outcome: "Fail",
    });
  });

  it("an open attempt resumes in the player; an abandoned one says so", () => {
    const open = historyRow({
      ...base,
      status: "in_progress",
      submittedAt: null,
      scorePercent: null,
    });
    expect(open).toMatchObject({ open: true, href: "/attempts/a1", score: "—", time: null });
    expect(historyRow({ ...base, status: "abandoned" }).outcome).toBe("Abandoned");
    expect(historyRow({ ...base, status: "expired", passed: true }).outcome).toBe(
      "Pass (time ran out)",
    );
  });

  it("practice has no pass mark", () => {
    expect(historyRow({ ...base, mode: "practice", isBaseline: false }).outcome).toBeNull();
  });

  it("durations", () => {
    expect(formatDuration(20_000)).toBe("under 1 min");
    expect(formatDuration(35 * 60_000)).toBe("35 min");
  });
});
