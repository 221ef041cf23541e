import { describe, expect, it } from "vitest";
import {
  feedbackFor,
  formatDuration,
  historyOf,
  sampleDrill,
  samplePractice,
  timeSpent,
} from "./practice";
import { makeQuestion } from "./test-helpers";

const bank = [
  ...Array.from({ length: 10 }, (_, i) => makeQuestion(`a${i}`, "alpha")),
  ...Array.from({ length: 10 }, (_, i) => makeQuestion(`b${i}`, "beta")),
];

describe("samplePractice", () => {
  it("takes only the chosen domains, at most the count, each question once", () => {
    const items = samplePractice({ questions: bank, domains: ["beta"], count: 6, seed: 7 });
    expect(items).toHaveLength(6);
    expect(items.every((i) => i.questionId.startsWith("b"))).toBe(true);
    expect(new Set(items.map((i) => i.questionId)).size).toBe(6);
  });

  it("prefers questions not seen recently and falls back to seen ones when short", () => {
    const seen = new Set(["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]);
    const items = samplePractice({
      questions: bank,
      domains: ["alpha"],
      count: 4,
      seed: 1,
      recentlySeen: seen,
    });
    expect(items.filter((i) => seen.has(i.questionId))).toHaveLength(2);
    expect(items.map((i) => i.questionId)).toEqual(expect.arrayContaining(["a8", "a9"]));
  });

  it("shuffles options but keeps every key, and is reproducible from the seed", () => {
    const a = samplePractice({ questions: bank, domains: ["alpha", "beta"], count: 20, seed: 3 });
    const b = samplePractice({ questions: bank, domains: ["alpha", "beta"], count: 20, seed: 3 });
    expect(a).toEqual(b);
    expect(a.every((i) => [...i.optionOrder].sort().join("") === "ABCD")).toBe(true);
    expect(a.some((i) => i.optionOrder.join("") !== "ABCD")).toBe(true);
  });
});

describe("sampleDrill", () => {
  it("puts wrong-last-time first, then never answered, then answered right", () => {
    const history = historyOf([
      { questionId: "a0", correct: true, at: new Date(1) },
      { questionId: "a0", correct: false, at: new Date(2) }, // latest: wrong
      { questionId: "a1", correct: false, at: new Date(1) },
      { questionId: "a1", correct: true, at: new Date(3) }, // latest: right
      ...["a2", "a3", "a4", "a5", "a6", "a7"].map((id) => ({
        questionId: id,
        correct: true,
        at: new Date(1),
      })),
    ]);
    const items = sampleDrill({ questions: bank, domains: ["alpha"], count: 4, seed: 9, history });
    const ids = items.map((i) => i.questionId);
    expect(ids[0]).toBe("a0");
    expect(ids.slice(1, 3).sort()).toEqual(["a8", "a9"]);
    expect(["a1", "a2", "a3", "a4", "a5", "a6", "a7"]).toContain(ids[3]);
  });

  it("returns what the domains hold when they hold fewer than the count", () => {
    const items = sampleDrill({
      questions: bank,
      domains: ["beta"],
      count: 30,
      seed: 2,
      history: new Map(),
    });
    expect(items).toHaveLength(10);
  });
});

describe("timeSpent", () => {
  const at = (s: number) => new Date(s * 1000);
  it("credits each visit until the next one, the last until the end", () => {
    const spent = timeSpent(
      [
        { questionId: "q1", at: at(0) },
        { questionId: "q2", at: at(30) },
        { questionId: "q1", at: at(50) },
      ],
      at(80),
    );
    expect(spent.get("q1")).toBe(60_000);
    expect(spent.get("q2")).toBe(20_000);
  });

  it("caps an idle gap and ignores visits given out of order", () => {
    const spent = timeSpent(
      [
        { questionId: "q2", at: at(5000) },
        { questionId: "q1", at: at(0) },
      ],
      at(5010),
      60_000,
    );
    expect(spent.get("q1")).toBe(60_000);
    expect(spent.get("q2")).toBe(10_000);
  });

  it("is empty without visits", () => {
    expect(timeSpent([], at(10)).size).toBe(0);
  });
});

describe("feedbackFor and formatDuration", () => {
  it("carries the key and only the rationales that exist", () => {
    const q = makeQuestion("q", "alpha", ["B"]);
    const f = feedbackFor(q, ["A"], false);
    expect(f).toMatchObject({ correct: false, selected: ["A"], correctKeys: ["B"] });
    expect(f.rationales).toEqual({});
  });

  it("formats seconds and minutes", () => {
    expect(formatDuration(42_400)).toBe("42 s");
    expect(formatDuration(65_000)).toBe("1 min 05 s");
  });
});
