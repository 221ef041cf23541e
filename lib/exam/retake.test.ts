import { describe, expect, it } from "vitest";
import { retakeItems } from "./retake";
import { makeQuestion } from "./test-helpers";

const qs = ["q1", "q2", "q3", "q4"].map((id) => makeQuestion(id, "d"));
const byId = new Map(qs.map((q) => [q.id, q]));

describe("retake the ones I got wrong", () => {
  it("brings back only the wrong ones still in the bank and not in an open mock", () => {
    const items = retakeItems({
      graded: [
        { questionId: "q1", correct: false },
        { questionId: "q2", correct: true },
        { questionId: "q3", correct: false },
        { questionId: "q4", correct: false },
        { questionId: "gone", correct: false },
        { questionId: "q2", correct: null },
      ],
      byId,
      hidden: new Set(["q4"]),
      seed: 7,
    });
    expect(items.map((i) => i.questionId).sort()).toEqual(["q1", "q3"]);
    for (const item of items) {
      expect([...item.optionOrder].sort()).toEqual(
        byId
          .get(item.questionId)
          ?.options.map((o) => o.key)
          .sort(),
      );
    }
  });
});
