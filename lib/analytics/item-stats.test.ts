import { describe, expect, it } from "vitest";
import { firstExposures } from "@/lib/analytics/exposure";
import {
  DEFAULT_MIN_N,
  type ItemResponse,
  type ItemVersion,
  itemStatsOf,
} from "@/lib/analytics/item-stats";
import { median, pearson, ranks, spearman } from "@/lib/analytics/math";

const version: ItemVersion = {
  questionId: "q1",
  hash: "h1",
  correctKeys: ["B"],
  optionKeys: ["A", "B", "C", "D"],
};

const r = (
  selected: string[],
  rest: number | null = null,
  extra: Partial<ItemResponse> = {},
): ItemResponse => ({
  selected,
  correct: selected.length === 1 && selected[0] === "B",
  rest,
  timeMs: null,
  flagged: false,
  ...extra,
});

const one = (responses: ItemResponse[], minN = 1, v = version) => {
  const [stats] = itemStatsOf([[v, responses]], minN);
  if (!stats) throw new Error("no stats");
  return stats;
};

/** `count` copies of a response. */
const times = (count: number, response: ItemResponse) =>
  Array.from({ length: count }, () => response);

describe("math", () => {
  it("median, ranks with ties, Pearson and Spearman", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });
});

describe("item statistics on hand-built responses", () => {
  it("counts n, facility, option shares with the key, median time and the rates", () => {
    const stats = one([
      r(["B"], null, { timeMs: 10_000 }),
      r(["B"], null, { timeMs: 30_000, flagged: true }),
      r(["A"], null, { timeMs: 20_000 }),
      r([], null, { timeMs: 40_000 }),
      r(["C"]),
    ]);
    expect(stats.n).toBe(5);
    expect(stats.mockN).toBe(0);
    expect(stats.facility).toBeCloseTo(2 / 5, 12);
    expect(stats.options.map((o) => [o.key, o.correct, o.count, o.share])).toEqual([
      ["A", false, 1, 0.2],
      ["B", true, 2, 0.4],
      ["C", false, 1, 0.2],
      ["D", false, 0, 0],
    ]);
    expect(stats.medianTimeMs).toBe(25_000);
    expect(stats.unansweredRate).toBeCloseTo(0.2, 12);
    expect(stats.flaggedRate).toBeCloseTo(0.2, 12);
    // No mock responses: no discrimination.
    expect(stats.pointBiserial).toBeNull();
    expect(stats.upperLower).toBeNull();
  });

  it("computes the corrected point-biserial and the upper-lower index from mock responses", () => {
    const stats = one([r(["B"], 0.9), r(["B"], 0.7), r(["A"], 0.5), r(["C"], 0.1), r(["B"])]);
    expect(stats.mockN).toBe(4);
    // r between (1,1,0,0) and (.9,.7,.5,.1): Sxy = .5, Sxx = 1, Syy = .35.
    expect(stats.pointBiserial).toBeCloseTo(0.5 / Math.sqrt(0.35), 12);
    // 27% of 4 rounds to one candidate per group: the top one is right, the bottom one wrong.
    expect(stats.upperLower).toBe(1);
    expect(stats.options.find((o) => o.key === "C")?.lowerShare).toBe(1);
    expect(stats.options.find((o) => o.key === "B")?.upperShare).toBe(1);
  });

  it("multiple response: an option's share counts each response that chose it", () => {
    const mr: ItemVersion = { ...version, correctKeys: ["A", "C"], optionKeys: ["A", "B", "C"] };
    const stats = one(
      [
        { ...r(["A", "C"]), correct: true },
        { ...r(["A", "B"]), correct: false },
      ],
      1,
      mr,
    );
    expect(stats.facility).toBe(0.5);
    expect(stats.options.map((o) => [o.key, o.correct, o.share])).toEqual([
      ["A", true, 1],
      ["B", false, 0.5],
      ["C", true, 0.5],
    ]);
  });
});

describe("flags", () => {
  // A healthy item: 60 mock candidates; stronger ones choose the key, every distractor is used.
  const healthy = (): ItemResponse[] =>
    Array.from({ length: 60 }, (_, i) => {
      const rest = i / 60;
      const key = i >= 24 ? "B" : (["A", "C", "D"][i % 3] as string);
      return r([key], rest);
    });

  it("raises none on a healthy item", () => {
    expect(one(healthy(), DEFAULT_MIN_N).flags).toEqual([]);
  });

  it("raises none below the minimum n, and the minimum is configurable", () => {
    const easy = times(20, r(["B"], null));
    expect(one(easy, DEFAULT_MIN_N).flags).toEqual([]);
    expect(one(easy, 10).flags).toContain("too-easy");
  });

  it("too easy above 0.95, too hard below 0.20", () => {
    expect(one([...times(39, r(["B"])), r(["A"])], 30).flags).toContain("too-easy");
    expect(one([...times(38, r(["B"])), r(["A"]), r(["C"])], 30).flags).not.toContain("too-easy");
    const hard = [
      ...times(5, r(["B"])),
      ...times(10, r(["A"])),
      ...times(10, r(["C"])),
      ...times(10, r(["D"])),
    ];
    expect(one(hard, 30).flags).toContain("too-hard");
    const fine = [
      ...times(7, r(["B"])),
      ...times(10, r(["A"])),
      ...times(9, r(["C"])),
      ...times(9, r(["D"])),
    ];
    expect(one(fine, 30).flags).not.toContain("too-hard");
  });

  it("low discrimination when the item runs against the rest of the score", () => {
    const reversed = healthy().map((resp) => ({ ...resp, rest: 1 - (resp.rest ?? 0) }));
    const stats = one(reversed, 30);
    expect(stats.pointBiserial).toBeLessThan(0);
    expect(stats.flags).toContain("low-discrimination");
  });

  it("a distractor chosen by under 2%", () => {
    const rows = healthy().map((resp) =>
      resp.selected[0] === "D" ? { ...resp, selected: ["A"] } : resp,
    );
    expect(one(rows, 30).flags).toEqual(["rare-distractor"]);
  });

  it("a distractor the top 27% prefer to the key: the sign of a wrong key", () => {
    // The strongest 20 choose C; the key B goes to the middle group.
    const rows = Array.from({ length: 60 }, (_, i) => {
      const rest = i / 60;
      const key = i >= 40 ? "C" : i >= 15 ? "B" : (["A", "D"][i % 2] as string);
      return r([key], rest);
    });
    const stats = one(rows, 30);
    expect(stats.options.find((o) => o.key === "C")?.upperShare).toBe(1);
    expect(stats.flags).toContain("key-suspect");
  });
});

describe("first exposures", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
  it("keeps each user's earliest graded response per question, across modes and versions", () => {
    const picked = firstExposures([
      { userId: "u1", questionId: "q1", gradedAt: at(30), order: 1, tag: "mock later" },
      { userId: "u1", questionId: "q1", gradedAt: at(10), order: 2, tag: "check first" },
      { userId: "u1", questionId: "q2", gradedAt: at(10), order: 4, tag: "tie second" },
      { userId: "u1", questionId: "q2", gradedAt: at(10), order: 3, tag: "tie first" },
      { userId: "u2", questionId: "q1", gradedAt: at(50), order: 5, tag: "other user" },
    ]);
    expect(picked.map((p) => p.tag).sort()).toEqual(["check first", "other user", "tie first"]);
  });
});
