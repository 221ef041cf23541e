import { describe, expect, it } from "vitest";
import type { OptionKey } from "@/lib/content/types";
import { regradeDecisions } from "./regrade";

const current = new Map<string, { hash: string; correctKeys: OptionKey[] }>([
  ["q1", { hash: "q1-v2", correctKeys: ["C"] }],
  ["q2", { hash: "q2-v2", correctKeys: ["A"] }],
  ["q3", { hash: "q3-v1", correctKeys: ["B"] }],
]);
const answers = new Map([
  [
    "att",
    new Map<string, OptionKey[]>([
      ["q1", ["B"]],
      ["q2", ["A"]],
    ]),
  ],
]);

describe("regradeDecisions", () => {
  it("regrades only questions whose answer key changed, recording both outcomes", () => {
    expect(
      regradeDecisions(
        [
          { attemptId: "att", questionId: "q1", shownHash: "q1-v1", shownKeys: ["B"] }, // key B → C
          { attemptId: "att", questionId: "q2", shownHash: "q2-v1", shownKeys: ["A"] }, // wording fix only
          { attemptId: "att", questionId: "q3", shownHash: "q3-v1", shownKeys: ["B"] }, // unchanged
        ],
        current,
        answers,
      ),
    ).toEqual([
      {
        attemptId: "att",
        questionId: "q1",
        fromHash: "q1-v1",
        toHash: "q1-v2",
        wasCorrect: true,
        nowCorrect: false,
      },
    ]);
  });

  it("treats an unanswered question as wrong before and after", () => {
    expect(
      regradeDecisions(
        [{ attemptId: "other", questionId: "q1", shownHash: "q1-v1", shownKeys: ["B"] }],
        current,
        answers,
      ),
    ).toEqual([
      {
        attemptId: "other",
        questionId: "q1",
        fromHash: "q1-v1",
        toHash: "q1-v2",
        wasCorrect: false,
        nowCorrect: false,
      },
    ]);
  });
});
