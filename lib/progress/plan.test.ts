import { describe, expect, it } from "vitest";
import type { DomainStrength } from "./analytics";
import { buildPlan, formatPlanDate, localDate, shareDays } from "./plan";

/** Seven weak domains, weakest (by weakness × weight) first, as rankDomains returns them. */
const seven: DomainStrength[] = [22, 18, 16, 14, 12, 10, 8].map((weight, i) => ({
  id: `d${i + 1}`,
  title: `Domain ${i + 1}`,
  weight,
  answered: 6,
  correct: 2,
  percent: 33,
  smoothed: 0.4,
  thinEvidence: false,
  priority: 0.6 * weight,
}));

const base = {
  level: "moderate" as const,
  hasBaseline: true,
  ready: false,
  domains: seven,
  docsOf: () => [],
};

describe("buildPlan fits the days left", () => {
  it("with the exam 5 days away, every block ends before the retake and the retake before the exam", () => {
    const plan = buildPlan({
      ...base,
      today: new Date("2026-12-09T10:00:00Z"),
      examDate: new Date("2026-12-14T00:00:00Z"),
    });
    expect(plan.daysLeft).toBe(5);
    const scheduled = plan.steps.filter((s) => s.days !== null);
    for (const step of scheduled) expect(step.days?.[1]).toBeLessThanOrEqual(5);
    const retake = plan.steps.find((s) => s.kind === "retake");
    expect(retake?.days).toEqual([5, 5]);
    const blocks = plan.steps.filter((s) => s.kind === "domain");
    // Days 1–4 hold four blocks: the four weakest by weight, in rank order, one day each.
    expect(blocks.map((b) => b.domainId)).toEqual(["d1", "d2", "d3", "d4"]);
    expect(blocks.map((b) => b.days)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(plan.fitNote).toMatch(/keeps your 4 weakest domains.*Domain 5, Domain 6, Domain 7/);
    // Real dates: day 1 is today, Wed 9 Dec; the retake is the day before the exam.
    expect(blocks[0]?.dates).toEqual(["2026-12-09", "2026-12-09"]);
    expect(retake?.dates).toEqual(["2026-12-13", "2026-12-13"]);
    expect(formatPlanDate("2026-12-14")).toBe("Mon 14 Dec");
  });

  it("without a baseline, day 1 is the baseline and the blocks follow", () => {
    const plan = buildPlan({
      ...base,
      hasBaseline: false,
      today: new Date("2026-12-09T10:00:00Z"),
      examDate: new Date("2026-12-12T00:00:00Z"),
    });
    expect(plan.steps.map((s) => [s.kind, s.days])).toEqual([
      ["baseline", [1, 1]],
      ["domain", [2, 2]],
      ["retake", [3, 3]],
      ["repeat", null],
    ]);
  });

  it("says so when no block fits at all", () => {
    const plan = buildPlan({
      ...base,
      today: new Date("2026-12-09T10:00:00Z"),
      examDate: new Date("2026-12-10T00:00:00Z"),
    });
    expect(plan.steps.filter((s) => s.kind === "domain")).toHaveLength(0);
    expect(plan.fitNote).toMatch(/no day left/);
  });

  it("with time to spare, keeps every weak domain and fills the days without a gap", () => {
    const plan = buildPlan({
      ...base,
      today: new Date("2026-12-01T10:00:00Z"),
      examDate: new Date("2026-12-31T00:00:00Z"),
    });
    expect(plan.fitNote).toBeNull();
    const blocks = plan.steps.filter((s) => s.kind === "domain");
    expect(blocks).toHaveLength(7);
    let next = 1;
    for (const b of blocks) {
      expect(b.days?.[0]).toBe(next);
      next = (b.days?.[1] ?? 0) + 1;
    }
    expect(plan.steps.find((s) => s.kind === "retake")?.days).toEqual([next, 30]);
  });

  it("counts days in the candidate's time zone, not in UTC", () => {
    // 23:30 UTC on 7 Dec is already 8 Dec in Auckland (UTC+13), still 7 Dec in UTC.
    const today = new Date("2026-12-07T23:30:00Z");
    expect(localDate(today, "Pacific/Auckland")).toBe("2026-12-08");
    expect(localDate(today, "Not/AZone")).toBe("2026-12-07");
    const examDate = new Date("2026-12-10T00:00:00Z");
    expect(buildPlan({ ...base, today, examDate, timeZone: "Pacific/Auckland" }).daysLeft).toBe(2);
    expect(buildPlan({ ...base, today, examDate, timeZone: "UTC" }).daysLeft).toBe(3);
  });
});

describe("shareDays", () => {
  it("gives every share a day and hands out exactly the total", () => {
    expect(shareDays(4, [5, 1, 1, 1])).toEqual([1, 1, 1, 1]);
    expect(shareDays(10, [3, 1])).toEqual([7, 3]);
    expect(shareDays(9, [1, 1, 1]).reduce((a, n) => a + n, 0)).toBe(9);
    expect(shareDays(0, [])).toEqual([]);
  });
});
