import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * content:check end to end on a planted bank: a near-copy pair fails the check with both
 * positions; without it the check passes and prints the competency, fresh-mock and key-skew
 * reports (issue 18).
 */

const TRACK = `id: mini
title: Mini
vendor: Example
examCode: MINI
officialUrl: https://backstage.io/
idPrefix: mini
questionCount: 4
unscoredCount: 0
durationMinutes: 10
passing: { score: 70, scale: percent }
questionTypes: [single]
singleOptionCount: 4
partialCredit: false
blueprint: curriculum
domains:
  - { id: one, title: One, docs: [{ title: D, url: "https://backstage.io/docs" }], notes: N }
curriculum:
  - { id: big, title: Big, weight: 50, docs: [{ title: D, url: "https://backstage.io/docs" }], notes: N }
  - { id: small, title: Small, weight: 50, docs: [{ title: D, url: "https://backstage.io/docs" }], notes: N }
competencies:
  - { id: BG1, curriculum: big, title: Big one }
  - { id: SM1, curriculum: small, title: Small one }
path: { name: P, order: 1, recommendedExperience: E, typicalPrep: T, examTips: [Tip] }
`;

const STEMS = [
  "Which field must every Component entity declare in its spec section?",
  "Where does the backend read its database connection settings from?",
  "Which command starts the frontend and the backend together in development?",
  "Which annotation links an entity to its TechDocs source folder?",
  "Which package role marks a module that extends a backend plugin?",
  "What does the catalog do with an entity that no location emits any longer?",
];

function question(n: number, stem: string, curriculum: string, competency: string): string {
  const id = `mini-one-${String(n).padStart(3, "0")}`;
  return [
    "---",
    `id: ${id}`,
    "domain: one",
    `curriculum: ${curriculum}`,
    `competency: ${competency}`,
    "type: single",
    "difficulty: easy",
    "sources:",
    "  - https://backstage.io/docs/overview/what-is-backstage",
    "---",
    "",
    stem,
    "",
    `- [x] The right answer to question ${n}`,
    "- [ ] A plausible wrong answer",
    "- [ ] Another plausible wrong answer",
    "- [ ] A third plausible wrong answer",
    "",
    "## Explanation",
    "",
    "Because.",
    "",
  ].join("\n");
}

const dirs: string[] = [];
function bank(stems: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), "content-check-"));
  dirs.push(root);
  mkdirSync(join(root, "mini", "one"), { recursive: true });
  writeFileSync(join(root, "mini", "track.yaml"), TRACK);
  stems.forEach((stem, i) => {
    const [curriculum, competency] = i % 2 ? ["small", "SM1"] : ["big", "BG1"];
    writeFileSync(
      join(root, "mini", "one", `q${i + 1}.md`),
      question(i + 1, stem, curriculum, competency),
    );
  });
  return root;
}

function check(dir: string) {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/content-check.ts", "--dir", dir],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("content:check bank-wide checks", { timeout: 240_000 }, () => {
  it("fails on a planted near-copy and names both file:line positions", () => {
    const planted = [...STEMS, STEMS[0]?.replace("section", "block") ?? ""];
    const { code, out } = check(bank(planted));
    expect(code).toBe(1);
    expect(out).toMatch(/one\/q1\.md:12: near-copy of mini-one-007 at .*one\/q7\.md:12/);
    expect(out).toMatch(/one\/q7\.md:12: near-copy of mini-one-001 at .*one\/q1\.md:12/);
  }, 60_000);

  it("passes a clean bank and prints competencies, fresh mocks and key positions", () => {
    const { code, out } = check(bank(STEMS));
    expect(code).toBe(0);
    expect(out).toContain("BG1");
    expect(out).toMatch(/big: 3 on-list \/ 2 = 1 \(target 6: needs 9 more\)/);
    expect(out).toContain("same-scenario pairs");
    expect(out).toMatch(/mini, single, 4 options: n 6, not tested/);
  }, 60_000);
});
