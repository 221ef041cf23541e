import { describe, expect, it } from "vitest";
import { type StatsRow, toCsv, toJson, toTable } from "@/lib/analytics/format";

const row: StatsRow = {
  questionId: "cba-catalog-001",
  hash: "0123456789abcdef",
  current: true,
  n: 40,
  mockN: 30,
  facility: 0.625,
  pointBiserial: 0.31,
  upperLower: null,
  options: [
    { key: "A", correct: true, count: 25, share: 0.625, upperShare: null, lowerShare: null },
    { key: "B", correct: false, count: 15, share: 0.375, upperShare: null, lowerShare: null },
  ],
  medianTimeMs: 41_500,
  unansweredRate: 0,
  flaggedRate: 0.05,
  flags: ["rare-distractor", "too-hard"],
  openReports: 2,
};

describe("content:stats output", () => {
  it("CSV: a header, one line per version, fields quoted only when needed", () => {
    const csv = toCsv([row, { ...row, questionId: 'odd,"id"' }]).split("\n");
    expect(csv[0]).toBe(
      "question,version,current,n,mock_n,facility,point_biserial,upper_lower,median_time_s,unanswered,flagged,options,flags,open_reports",
    );
    expect(csv[1]).toBe(
      "cba-catalog-001,0123456789ab,yes,40,30,0.625,0.310,,42,0.000,0.050,A*:63% B:38%,rare-distractor too-hard,2",
    );
    expect(csv[2]?.startsWith('"odd,""id""",')).toBe(true);
  });

  it("table: aligned columns; JSON: the full statistics", () => {
    const lines = toTable([row]).split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]?.indexOf("version")).toBe(lines[1]?.indexOf("0123456789ab"));
    expect(JSON.parse(toJson([row]))[0].options[0]).toMatchObject({ key: "A", correct: true });
  });
});
