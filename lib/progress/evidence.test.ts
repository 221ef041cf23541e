import { describe, expect, it } from "vitest";
import type { Bank, Question } from "@/lib/content/types";
import { makeQuestion, makeTrack } from "@/lib/exam/test-helpers";
import { evidenceOf, freshnessOf, type GradeRow } from "./evidence";

const track = makeTrack({ questionCount: 4 });
const questions: Question[] = ["a1", "a2", "a3", "a4", "b1", "b2", "b3"].map((id) =>
  makeQuestion(id, id.startsWith("a") ? "a" : "b"),
);
const bank: Bank = {
  tracks: new Map([[track.id, track]]),
  questions,
  byId: new Map(questions.map((q) => [q.id, q])),
  questionsOf: () => questions,
};
const day = (d: number) => new Date(Date.UTC(2026, 11, d));

function row(
  questionId: string,
  attempt: string,
  d: number,
  correct: boolean | null,
  answered = correct !== null,
  status: GradeRow["attempt"]["status"] = "submitted",
): GradeRow {
  return {
    questionId,
    correct,
    answered,
    respondedAt: correct === null ? null : day(d),
    attempt: {
      id: attempt,
      mode: "mock",
      status,
      isBaseline: attempt === "m1",
      startedAt: day(d),
      submittedAt: day(d),
      scorePercent: null,
      passed: null,
    },
  };
}

describe("evidence from stored grades", () => {
  it("counts only the first answered response to each question as fresh", () => {
    const e = evidenceOf(
      [
        row("a1", "m1", 1, false),
        row("a1", "m2", 5, true), // a repeat: remembered, not evidence
        row("a2", "m1", 1, false, false, "expired"), // blank when time ran out: no evidence
        row("b2", "m1", 1, false, false), // left blank in a submitted mock: a wrong answer
        row("a2", "m2", 5, true), // its first answer
        row("b1", "m2", 5, true),
      ],
      bank,
      track,
    );
    expect(e.fresh.map((r) => [r.group, r.correct, r.at.getUTCDate()])).toEqual([
      ["a", false, 1],
      ["b", false, 1],
      ["a", true, 5],
      ["b", true, 5],
    ]);
    // The blank of the expired mock is not an answer in the weak-domain ranking either.
    expect(e.answers).toHaveLength(5);
    expect(e.mocks.map((m) => m.id).sort()).toEqual(["m1", "m2"]);
  });

  it("a history of repeats only adds no fresh evidence", () => {
    const first = [row("a1", "m1", 1, true), row("b1", "m1", 1, true)];
    const repeats = [2, 3, 4].flatMap((d) => [
      row("a1", `m${d}`, d, true),
      row("b1", `m${d}`, d, true),
    ]);
    expect(evidenceOf([...first, ...repeats], bank, track).fresh).toHaveLength(2);
  });

  it("fresh questions left, fresh mocks, and what the next mock would repeat", () => {
    const seen = new Map([
      ["a1", day(1)],
      ["a2", day(1)],
      ["b1", day(1)],
    ]);
    const f = freshnessOf(track, bank, seen);
    // A mock of 4 at 60/40 takes 2 from each (largest remainder: 2.4 → 2, 1.6 → 2).
    expect(f.byGroup.map((g) => [g.id, g.fresh, g.total])).toEqual([
      ["a", 2, 4],
      ["b", 2, 3],
    ]);
    expect(f.fresh).toBe(4);
    expect(f.freshMocks).toBe(1);
    expect(f.nextMockRepeats).toBe(0);
    const allSeen = new Map(questions.map((q) => [q.id, day(1)]));
    expect(freshnessOf(track, bank, allSeen)).toMatchObject({
      fresh: 0,
      freshMocks: 0,
      nextMockRepeats: 4,
    });
  });
});
