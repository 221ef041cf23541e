import type { Track } from "./types";

/** A complete, typed Track for unit tests; override what a test is about. */
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
    competencies: [],
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
