import { describe, expect, it } from "vitest";
import { availableByGroup, competencyCounts, freshMocksByGroup } from "./blueprint";
import { type ContentFile, compileBank, formatProblems } from "./compile";

/** The `competency:` field (issue 18): validated against the track's official list. */

const DOC = '[{ title: D, url: "https://backstage.io/docs" }]';
function trackYaml(competencies: string | null): string {
  return `id: mini
title: Mini
vendor: Example
examCode: MINI
officialUrl: https://backstage.io/
idPrefix: mini
questionCount: 5
unscoredCount: 0
durationMinutes: 10
passing: { score: 70, scale: percent }
questionTypes: [single]
partialCredit: false
blueprint: curriculum
domains:
  - { id: one, title: One, docs: ${DOC}, notes: N }
curriculum:
  - { id: big, title: Big, weight: 60, docs: ${DOC}, notes: N }
  - { id: small, title: Small, weight: 40, docs: ${DOC}, notes: N }
${competencies ?? ""}
path: { name: P, order: 1, recommendedExperience: E, typicalPrep: T, examTips: [Tip] }
`;
}

const LIST = `competencies:
  - { id: BG1, curriculum: big, title: First big }
  - { id: BG2, curriculum: big, title: Second big }
  - { id: SM1, curriculum: small, title: Only small }`;

function question(n: number, curriculum: string, competency: string | null): ContentFile {
  const id = `mini-one-${String(n).padStart(3, "0")}`;
  const text = [
    "---",
    `id: ${id}`,
    "domain: one",
    `curriculum: ${curriculum}`,
    ...(competency === null ? [] : [`competency: ${competency}`]),
    "type: single",
    "difficulty: easy",
    "sources:",
    "  - https://backstage.io/docs/overview/what-is-backstage",
    "---",
    "",
    `Question ${n}?`,
    "",
    "- [x] Right",
    "- [ ] Wrong",
    "- [ ] Also wrong",
    "",
    "## Explanation",
    "",
    "Because.",
    "",
  ].join("\n");
  return { path: `content/mini/one/q${n}.md`, text };
}

function problems(files: ContentFile[]): string[] {
  const result = compileBank(files);
  if (result.ok) return [];
  return formatProblems(result.problems).split("\n");
}

describe("competency front matter", () => {
  const track = { path: "content/mini/track.yaml", text: trackYaml(LIST) };

  it("accepts a listed id whose curriculum matches, and `beyond` with any curriculum", () => {
    const result = compileBank([track, question(1, "big", "BG2"), question(2, "small", "beyond")]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bank.byId.get("mini-one-001")?.competency).toBe("BG2");
    expect(result.bank.tracks.get("mini")?.competencies.map((c) => c.id)).toEqual([
      "BG1",
      "BG2",
      "SM1",
    ]);
  });

  it("requires it, rejects unknown ids and a curriculum other than the competency's", () => {
    expect(
      problems([
        track,
        question(1, "big", null),
        question(2, "big", "ZZ9"),
        question(3, "small", "BG1"),
        question(4, "big", "dw1"),
      ]),
    ).toEqual([
      "content/mini/one/q1.md:1: `competency` is required on track `mini` (one of: BG1, BG2, SM1, or `beyond` for a topic the official list does not name)",
      'content/mini/one/q2.md:5: `competency` "ZZ9" is not a competency of track `mini` (one of: BG1, BG2, SM1, or `beyond`)',
      "content/mini/one/q3.md:4: `curriculum` is \"small\" but competency BG1 belongs to `big`: an on-list question's curriculum must be its competency's",
      "content/mini/one/q4.md:5: `competency` must be a competency id such as `DW1`, or `beyond`",
    ]);
  });

  it("is not allowed on a track without competencies", () => {
    const plain = { path: "content/mini/track.yaml", text: trackYaml(null) };
    expect(problems([plain, question(1, "big", "BG1")])).toEqual([
      "content/mini/one/q1.md:5: `competency` is not allowed: track `mini` has no competencies",
    ]);
    expect(problems([plain, question(1, "big", null)])).toEqual([]);
  });
});

describe("competencies in track.yaml", () => {
  it("must name a curriculum grouping, be unique, and cover every grouping", () => {
    const bad = `competencies:
  - { id: BG1, curriculum: big, title: A }
  - { id: BG1, curriculum: huge, title: B }`;
    expect(problems([{ path: "content/mini/track.yaml", text: trackYaml(bad) }])).toEqual([
      "content/mini/track.yaml:18: `curriculum[1].id` `small` has no competency: list at least one under `competencies`",
      'content/mini/track.yaml:21: `competencies[1].curriculum` "huge" is not a curriculum id of this track (one of: big, small)',
      "content/mini/track.yaml:21: `competencies[1].id` duplicates the competency id `BG1`",
    ]);
  });
});

describe("on-list pools", () => {
  it("count only on-list questions for mocks, and per competency including `beyond`", () => {
    const files = [
      { path: "content/mini/track.yaml", text: trackYaml(LIST) },
      ...[1, 2, 3, 4, 5, 6].map((n) => question(n, "big", n % 2 ? "BG1" : "BG2")),
      question(7, "big", "beyond"),
      question(8, "small", "SM1"),
      question(9, "small", "SM1"),
      question(10, "small", "beyond"),
    ];
    const result = compileBank(files);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(availableByGroup(result.bank, "mini")).toEqual({ big: 6, small: 2 });
    expect(competencyCounts(result.bank, "mini")).toEqual({ BG1: 3, BG2: 3, SM1: 2, beyond: 2 });
    // quotas of a 5-question mock: big 3, small 2
    expect(freshMocksByGroup(result.bank, "mini")).toEqual({ big: 2, small: 1 });
  });
});
