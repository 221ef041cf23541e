import { describe, expect, it } from "vitest";
import { currentAnswers } from "./answers";
import { checkSave, deadlineFor, GRACE_MS, isExpired, remainingMs } from "./deadline";
import { seededRandom, shuffled } from "./random";
import { sampleMock } from "./sampling";
import { estimateScaled, isCorrect, scoreAttempt } from "./scoring";
import { makeQuestion, makeTrack } from "./test-helpers";

const bank = [
  ...Array.from({ length: 20 }, (_, i) => makeQuestion(`a${i}`, "a")),
  ...Array.from({ length: 20 }, (_, i) => makeQuestion(`b${i}`, "b")),
];

describe("seeded randomness", () => {
  it("is reproducible for a seed and differs between seeds", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(items, seededRandom(7))).toEqual(shuffled(items, seededRandom(7)));
    expect(shuffled(items, seededRandom(7))).not.toEqual(shuffled(items, seededRandom(8)));
    expect([...shuffled(items, seededRandom(7))].sort((x, y) => x - y)).toEqual(items);
  });
});

describe("sampleMock", () => {
  const track = makeTrack();

  it("takes each domain's quota by weight, shuffles options, and is deterministic per seed", () => {
    const mock = sampleMock({ track, questions: bank, seed: 1 });
    expect(mock.items).toHaveLength(10);
    expect(mock.items.filter((i) => i.questionId.startsWith("a"))).toHaveLength(6);
    expect(mock.items.filter((i) => i.questionId.startsWith("b"))).toHaveLength(4);
    expect(new Set(mock.items.map((i) => i.questionId)).size).toBe(10);
    for (const item of mock.items)
      expect([...item.optionOrder].sort()).toEqual(["A", "B", "C", "D"]);
    expect(sampleMock({ track, questions: bank, seed: 1 })).toEqual(mock);
    expect(sampleMock({ track, questions: bank, seed: 2 }).items).not.toEqual(mock.items);
  });

  it("avoids questions seen in recent mocks while the bank allows", () => {
    const seen = new Set([
      ...Array.from({ length: 14 }, (_, i) => `a${i}`),
      ...Array.from({ length: 16 }, (_, i) => `b${i}`),
    ]);
    const mock = sampleMock({ track, questions: bank, seed: 3, recentlySeen: seen });
    expect(mock.repeats).toBe(0);
    expect(mock.items.every((i) => !seen.has(i.questionId))).toBe(true);

    const mostlySeen = new Set([...seen, "a14", "a15", "a16", "a17"]);
    const short = sampleMock({ track, questions: bank, seed: 3, recentlySeen: mostlySeen });
    expect(short.repeats).toBe(4); // only 2 unseen in a: 4 repeats needed for its quota of 6
    expect(short.items.filter((i) => ["a18", "a19"].includes(i.questionId))).toHaveLength(2);
  });

  it("completes the mock from other domains and reports the shortfall", () => {
    const thin = [...bank.filter((q) => q.domain === "a"), makeQuestion("b0", "b")];
    const mock = sampleMock({ track, questions: thin, seed: 4 });
    expect(mock.items).toHaveLength(10);
    expect(mock.shortfall).toEqual({ b: 3 });
  });
});

describe("grading", () => {
  it("needs exactly the correct set: no partial credit, unanswered is wrong", () => {
    expect(isCorrect(["B"], ["B"])).toBe(true);
    expect(isCorrect(["B", "D"], ["D", "B"])).toBe(true);
    expect(isCorrect(["B", "D"], ["B"])).toBe(false);
    expect(isCorrect(["B", "D"], ["B", "D", "E"])).toBe(false);
    expect(isCorrect(["B", "D"], ["B", "B"])).toBe(false);
    expect(isCorrect(["B"], undefined)).toBe(false);
    expect(isCorrect(["B"], [])).toBe(false);
  });

  it("scores overall and per domain against a percent pass mark", () => {
    const track = makeTrack();
    const items = [
      { questionId: "q1", domain: "a", curriculum: null, correctKeys: ["A"] as const },
      { questionId: "q2", domain: "a", curriculum: null, correctKeys: ["B"] as const },
      { questionId: "q3", domain: "b", curriculum: null, correctKeys: ["A", "C"] as const },
      { questionId: "q4", domain: "b", curriculum: null, correctKeys: ["D"] as const },
    ];
    const score = scoreAttempt(
      track,
      items,
      new Map([
        ["q1", ["A"]],
        ["q2", ["C"]],
        ["q3", ["A", "C"]],
      ]),
    );
    expect(score).toMatchObject({
      correct: 2,
      total: 4,
      answered: 3,
      percent: 50,
      passed: false,
      scaledEstimate: null,
    });
    expect(score.byDomain).toEqual([
      { id: "a", correct: 1, total: 2, percent: 50 },
      { id: "b", correct: 1, total: 2, percent: 50 },
    ]);
    const all = scoreAttempt(
      track,
      items,
      new Map([
        ["q1", ["A"]],
        ["q2", ["B"]],
        ["q3", ["C", "A"]],
        ["q4", ["D"]],
      ]),
    );
    expect(all).toMatchObject({ percent: 100, passed: true });
  });

  it("estimates an AWS scaled score with a monotone map through the pass mark", () => {
    const aws = makeTrack({
      passing: { score: 720, scale: "scaled", min: 100, max: 1000, note: "estimate" },
    });
    expect(estimateScaled(aws, 0)).toBe(100);
    expect(estimateScaled(aws, 72)).toBe(720);
    expect(estimateScaled(aws, 100)).toBe(1000);
    const values = Array.from({ length: 101 }, (_, p) => estimateScaled(aws, p));
    expect(values.every((v, i) => i === 0 || v >= (values[i - 1] ?? 0))).toBe(true);
    const items = [{ questionId: "q", domain: "a", curriculum: null, correctKeys: ["A"] as const }];
    expect(scoreAttempt(aws, items, new Map([["q", ["A"]]]))).toMatchObject({
      scaledEstimate: 1000,
      passed: true,
    });
    expect(scoreAttempt(aws, items, new Map())).toMatchObject({
      scaledEstimate: 100,
      passed: false,
    });
  });
});

describe("answer events", () => {
  it("derives the current answers: the last change by answer time wins, arrival order breaks ties", () => {
    const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const answers = currentAnswers([
      { questionId: "q1", selected: ["A"], answeredAt: t(1), sequence: 1 },
      { questionId: "q1", selected: ["C"], answeredAt: t(3), sequence: 2 },
      { questionId: "q1", selected: ["B"], answeredAt: t(2), sequence: 3 }, // arrived late, older change
      { questionId: "q2", selected: ["A"], answeredAt: t(5), sequence: 4 },
      { questionId: "q2", selected: [], answeredAt: t(5), sequence: 5 }, // cleared, same instant
    ]);
    expect(answers).toEqual(
      new Map([
        ["q1", ["C"]],
        ["q2", []],
      ]),
    );
  });
});

describe("deadline rules", () => {
  const start = new Date("2026-01-01T10:00:00Z");
  const deadline = deadlineFor(start, 90);

  it("fixes the deadline at start + duration and counts down on the server clock", () => {
    expect(deadline.toISOString()).toBe("2026-01-01T11:30:00.000Z");
    expect(remainingMs(new Date("2026-01-01T11:29:00Z"), deadline)).toBe(60_000);
    expect(remainingMs(new Date("2026-01-01T12:00:00Z"), deadline)).toBe(0);
  });

  it("accepts in-flight saves within the grace period, refuses late changes and late arrivals", () => {
    const justBefore = new Date(deadline.getTime() - 1000);
    expect(
      checkSave({
        now: new Date(deadline.getTime() + GRACE_MS - 1),
        deadline,
        answeredAt: justBefore,
      }),
    ).toEqual({ ok: true });
    expect(
      checkSave({
        now: new Date(deadline.getTime() + 1000),
        deadline,
        answeredAt: new Date(deadline.getTime() + 500),
      }).ok,
    ).toBe(false);
    expect(
      checkSave({
        now: new Date(deadline.getTime() + GRACE_MS + 1),
        deadline,
        answeredAt: justBefore,
      }),
    ).toEqual({
      ok: false,
      reason: "Time is up: this attempt was closed at its deadline.",
    });
    expect(
      checkSave({
        now: new Date("2030-01-01"),
        deadline: null,
        answeredAt: new Date("2030-01-01"),
      }),
    ).toEqual({ ok: true });
    expect(isExpired(new Date(deadline.getTime() + GRACE_MS + 1), deadline)).toBe(true);
    expect(isExpired(new Date(deadline.getTime() + GRACE_MS), deadline)).toBe(false);
  });
});
