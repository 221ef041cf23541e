import { describe, expect, it } from "vitest";
import { findNearDuplicates, keySkewByTrack, stemLine } from "./bank-checks";
import { type ContentFile, compileBank, formatProblems } from "./compile";
import { SAME_SCENARIO } from "./similarity";

const TRACK = `id: mini
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
singleOptionCount: 4
partialCredit: false
blueprint: domains
domains:
  - { id: one, title: One, weight: 100, docs: [{ title: D, url: "https://backstage.io/docs" }], notes: N }
path: { name: P, order: 1, recommendedExperience: E, typicalPrep: T, examTips: [Tip] }
`;

function file(n: number, stem: string, options: string[], key = 0): ContentFile {
  const id = `mini-one-${String(n).padStart(3, "0")}`;
  const text = [
    "---",
    `id: ${id}`,
    "domain: one",
    "type: single",
    "difficulty: easy",
    "sources:",
    "  - https://backstage.io/docs/overview/what-is-backstage",
    "---",
    "",
    stem,
    "",
    ...options.map((o, i) => `- [${i === key ? "x" : " "}] ${o}`),
    "",
    "## Explanation",
    "",
    "Because.",
    "",
  ].join("\n");
  return { path: `content/mini/one/q${n}.md`, text };
}

const OPTS = ["`spec.owner`", "`spec.system`", "`spec.domain`", "`spec.dependsOn`"];

describe("bank-wide checks over a compiled bank", () => {
  const files = [
    { path: "content/mini/track.yaml", text: TRACK },
    file(1, "Which field must every Component entity declare in its spec section?", OPTS),
    file(
      2,
      "Which field must every Component entity declare in its spec block?",
      [...OPTS].reverse(),
      3,
    ),
    file(3, "Where does the backend read its database connection from at startup?", [
      "`backend.database` in app-config",
      "An environment file next to the code",
      "The catalog's Location entities",
      "The root `package.json`",
    ]),
  ];
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const result = compileBank(files);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  const bank = result.bank;

  it("reports a planted near-copy at both files' stem lines", () => {
    const found = findNearDuplicates(bank, (f) => texts.get(f));
    expect(found).toHaveLength(1);
    expect(found[0]?.a).toEqual({ id: "mini-one-001", file: "content/mini/one/q1.md", line: 10 });
    expect(found[0]?.b).toEqual({ id: "mini-one-002", file: "content/mini/one/q2.md", line: 10 });
    expect(findNearDuplicates(bank, (f) => texts.get(f), SAME_SCENARIO)).toHaveLength(1);
  });

  it("groups key positions per track", () => {
    const groups = keySkewByTrack(bank).get("mini") ?? [];
    expect(groups.map((g) => [g.label, g.n, g.method])).toEqual([
      ["single, 4 options", 3, "untested"],
    ]);
    expect(groups[0]?.counts.get("A")).toBe(2);
    expect(groups[0]?.counts.get("D")).toBe(1);
  });
});

describe("stemLine", () => {
  it("is the first non-blank line after the front matter", () => {
    expect(stemLine("---\nid: x\n---\n\n\nStem here\n")).toBe(6);
    expect(stemLine("No front matter")).toBe(1);
  });
});
