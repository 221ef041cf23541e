import type { OptionKey, Question } from "@/lib/content/types";

export { makeTrack } from "@/lib/content/test-helpers";

/** Minimal typed fixtures for the exam rules' unit tests. */

export function makeQuestion(
  id: string,
  domain: string,
  correctKeys: OptionKey[] = ["A"],
  optionCount = 4,
): Question {
  const keys = ["A", "B", "C", "D", "E", "F"].slice(0, optionCount) as OptionKey[];
  return {
    id,
    trackId: "t",
    domain,
    curriculum: null,
    competency: null,
    type: correctKeys.length > 1 ? "multiple" : "single",
    difficulty: "medium",
    tags: [],
    sources: [],
    stemHtml: `<p>${id}</p>`,
    options: keys.map((key) => ({
      key,
      html: key,
      text: key,
      correct: correctKeys.includes(key),
      rationaleHtml: null,
    })),
    correctKeys,
    chooseCount: correctKeys.length,
    explanationHtml: "",
    hash: `h-${id}`,
    file: `content/t/${domain}/${id}.md`,
  };
}
