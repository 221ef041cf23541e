import { describe, expect, it } from "vitest";
import {
  chiSquare,
  chiSquarePValue,
  type KeyedQuestion,
  keySets,
  keySkew,
  logGamma,
  simulatedPValue,
  upperGammaQ,
} from "./keyskew";

describe("chi-square statistics", () => {
  it("computes Pearson's statistic", () => {
    expect(chiSquare([10, 10, 10, 10], [10, 10, 10, 10])).toBe(0);
    // (20-10)²/10 + 3 × (≈6.67-10)²/10 with observed 20, 7, 7, 6
    expect(chiSquare([20, 7, 7, 6], [10, 10, 10, 10])).toBeCloseTo(13.4, 10);
  });

  it("matches tabulated critical values (upper tail)", () => {
    expect(chiSquarePValue(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquarePValue(6.634897, 1)).toBeCloseTo(0.01, 5);
    expect(chiSquarePValue(7.814728, 3)).toBeCloseTo(0.05, 5);
    expect(chiSquarePValue(11.344867, 3)).toBeCloseTo(0.01, 5);
    expect(chiSquarePValue(21.665994, 9)).toBeCloseTo(0.01, 5);
    expect(chiSquarePValue(16.918978, 9)).toBeCloseTo(0.05, 5);
    expect(chiSquarePValue(0, 3)).toBe(1);
    expect(chiSquarePValue(200, 3)).toBeLessThan(1e-40);
  });

  it("has a correct log-gamma and incomplete gamma", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    // Q(1, x) = e^-x
    expect(upperGammaQ(1, 0.3)).toBeCloseTo(Math.exp(-0.3), 12);
    expect(upperGammaQ(1, 4)).toBeCloseTo(Math.exp(-4), 12);
  });

  it("lists key sets", () => {
    expect(keySets(4, 2)).toEqual(["A+B", "A+C", "A+D", "B+C", "B+D", "C+D"]);
    expect(keySets(5, 3)).toHaveLength(10);
  });
});

const single = (key: string): KeyedQuestion => ({
  type: "single",
  optionCount: 4,
  correctKeys: [key],
});
const multiple = (...keys: string[]): KeyedQuestion => ({
  type: "multiple",
  optionCount: 5,
  correctKeys: keys,
});
const repeat = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe("keySkew", () => {
  it("passes a balanced bank", () => {
    const bank = ["A", "B", "C", "D"].flatMap((k) => repeat(25, () => single(k)));
    const [g] = keySkew(bank);
    expect(g?.label).toBe("single, 4 options");
    expect(g?.statistic).toBe(0);
    expect(g?.skewed).toBe(false);
  });

  it("flags a planted single-answer skew (B twice as often)", () => {
    const bank = [
      ...repeat(50, () => single("B")),
      ...repeat(25, () => single("A")),
      ...repeat(25, () => single("C")),
      ...repeat(25, () => single("D")),
    ];
    const [g] = keySkew(bank);
    expect(g?.skewed).toBe(true);
    expect(g?.pValue).toBeLessThan(0.01);
    expect(g?.counts.get("B")).toBe(50);
  });

  it("flags a planted multiple-response key-set skew ({A, C} 37 of 93)", () => {
    const others = keySets(5, 2).filter((s) => s !== "A+C");
    const bank = [
      ...repeat(37, () => multiple("C", "A")),
      ...others.flatMap((s) => repeat(6, () => multiple(...s.split("+")))),
      ...repeat(2, () => multiple("B", "E")),
    ];
    expect(bank).toHaveLength(93);
    const [g] = keySkew(bank);
    expect(g?.label).toBe("multiple, 5 options, 2 keys");
    expect(g?.counts.get("A+C")).toBe(37);
    expect(g?.skewed).toBe(true);
  });

  it("simulates the p-value of a sparse group and flags a planted skew there", () => {
    // 32 questions over 10 key sets (3.2 expected each): too sparse for the chi-square table.
    const others = keySets(5, 2).filter((s) => s !== "A+C");
    const skewed = [
      ...repeat(17, () => multiple("A", "C")),
      ...others.flatMap((s, i) =>
        i < 6
          ? [multiple(...s.split("+")), multiple(...s.split("+"))]
          : [multiple(...s.split("+"))],
      ),
    ].slice(0, 32);
    const [g] = keySkew(skewed);
    expect(g?.n).toBe(32);
    expect(g?.method).toBe("simulated");
    expect(g?.pValue).toBeLessThan(0.001);
    expect(g?.skewed).toBe(true);
    // A spread-out sparse group passes.
    const even = keySets(5, 2).flatMap((s) => [
      multiple(...s.split("+")),
      multiple(...s.split("+")),
      multiple(...s.split("+")),
    ]);
    const [h] = keySkew(even);
    expect(h?.method).toBe("simulated");
    expect(h?.skewed).toBe(false);
  });

  it("does not test a group of fewer than 10 questions", () => {
    const [g] = keySkew(repeat(9, () => multiple("A", "C")));
    expect(g?.method).toBe("untested");
    expect(g?.pValue).toBeNull();
    expect(g?.skewed).toBe(false);
  });

  it("simulated p-values agree with the chi-square table where both apply", () => {
    // 4 categories, 100 draws: statistic 7.815 is the 5% critical value (df 3).
    expect(simulatedPValue(7.815, 4, 100)).toBeGreaterThan(0.04);
    expect(simulatedPValue(7.815, 4, 100)).toBeLessThan(0.06);
  });

  it("separates groups by shape", () => {
    const groups = keySkew([single("A"), multiple("A", "B"), multiple("A", "B", "C")]);
    expect(groups.map((g) => g.label)).toEqual([
      "multiple, 5 options, 2 keys",
      "multiple, 5 options, 3 keys",
      "single, 4 options",
    ]);
  });
});
