import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/content/types";
import { planQuestionSync } from "@/lib/question-sync";

const q = (id: string, hash: string, domain = "catalog") =>
  ({ id, trackId: "cba", domain, hash, correctKeys: ["B"], options: [] }) as unknown as Question;
const row = (id: string, hash: string, retired = false) => ({
  id,
  trackId: "cba",
  domain: "catalog",
  currentHash: hash,
  retired,
});

describe("planQuestionSync", () => {
  it("plans nothing when the mirror matches", () => {
    expect(planQuestionSync([q("a", "1")], [row("a", "1")])).toEqual({
      create: [],
      update: [],
      retire: [],
      versions: [],
    });
  });

  it("creates new questions with their first version", () => {
    const plan = planQuestionSync([q("a", "1")], []);
    expect(plan.create).toEqual([row("a", "1")]);
    expect(plan.versions).toEqual([
      { questionId: "a", hash: "1", correctKeys: ["B"], optionHashes: expect.any(Array) },
    ]);
  });

  it("updates a changed hash or domain, and revives a retired question", () => {
    const plan = planQuestionSync(
      [q("a", "2"), q("b", "1", "templates"), q("c", "1")],
      [row("a", "1"), row("b", "1"), row("c", "1", true)],
    );
    expect(plan.update.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(plan.versions.map((v) => v.questionId)).toEqual(["a"]);
  });

  it("retires questions that left the bank, once", () => {
    expect(planQuestionSync([], [row("a", "1"), row("b", "1", true)]).retire).toEqual(["a"]);
  });
});
