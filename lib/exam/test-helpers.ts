import type { OptionKey, Question, Track } from "@/lib/content/types";

/** Minimal typed fixtures for the exam rules' unit tests. */

export function makeTrack(over: Partial<Track> = {}): Track {
  return {
    id: "t",
    title: "T",
    vendor: "V",
    examCode: "T-01",
    officialUrl: "https://aws.amazon.com/",
    idPrefix: "t",
    questionCount: 10,
    unscoredCount: 0,
    durationMinutes: 60,
    passing: { score: 75, scale: "percent", min: 0, max: 100, note: null },
    questionTypes: ["single", "multiple"],
    singleOptionCount: null,
    partialCredit: false,
    delivery: null,
    validityYears: null,
    retakePolicy: null,
    domains: [
      { id: "a", title: "A", weight: 60, docs: [], notesHtml: "" },
      { id: "b", title: "B", weight: 40, docs: [], notesHtml: "" },
    ],
    curriculum: [],
    blueprint: "domains",
    path: {
      id: "p",
      name: "P",
      order: 1,
      recommendedExperience: "",
      typicalPrep: "",
      prerequisites: [],
      examTips: [],
      focus: null,
    },
    file: "content/t/track.yaml",
    ...over,
  };
}

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
