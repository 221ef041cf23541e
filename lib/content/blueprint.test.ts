import { describe, expect, it } from "vitest";
import { availableByGroup, blueprintQuotas, distinctMocks } from "./blueprint";
import { type ContentFile, compileBank, formatProblems } from "./compile";
import { makeTrack } from "./test-helpers";
import type { Bank, DomainInfo, Track } from "./types";

function group(id: string, weight: number | null): DomainInfo {
  return { id, title: id, weight, docs: [], notesHtml: "" };
}

function track(over: Partial<Track>): Track {
  return makeTrack({
    officialUrl: "https://aws.amazon.com/certification/",
    questionCount: 65,
    durationMinutes: 90,
    passing: { score: 700, scale: "scaled", min: 100, max: 1000, note: "estimate" },
    questionTypes: ["single"],
    singleOptionCount: 4,
    domains: [],
    ...over,
  });
}

const CLF = track({
  domains: [
    group("cloud-concepts", 24),
    group("security-compliance", 30),
    group("technology-services", 34),
    group("billing-pricing-support", 12),
  ],
});

const CBA = track({
  questionCount: 60,
  blueprint: "curriculum",
  domains: [group("catalog", null), group("plugins", null)],
  curriculum: [
    group("development-workflow", 24),
    group("infrastructure", 22),
    group("catalog", 22),
    group("customizing", 32),
  ],
});

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe("blueprintQuotas", () => {
  it("uses largest-remainder rounding on the sampled grouping (AWS: domains)", () => {
    // 15.6, 19.5, 22.1, 7.8 → floors 15, 19, 22, 7 (63); the two largest remainders get +1.
    expect(blueprintQuotas(CLF)).toEqual({
      "cloud-concepts": 16,
      "security-compliance": 19,
      "technology-services": 22,
      "billing-pricing-support": 8,
    });
  });

  it("samples CBA by curriculum, not by its unweighted study domains", () => {
    // 14.4, 13.2, 13.2, 19.2 → floors 14, 13, 13, 19 (59); +1 to the largest remainder.
    expect(blueprintQuotas(CBA)).toEqual({
      "development-workflow": 15,
      infrastructure: 13,
      catalog: 13,
      customizing: 19,
    });
  });

  it("accepts a custom total and breaks remainder ties by listed order", () => {
    const even = track({ domains: [group("a", 50), group("b", 50)] });
    expect(blueprintQuotas(even, 5)).toEqual({ a: 3, b: 2 });
    // 2.4, 3.0, 3.4, 1.2: the .4 tie goes to cloud-concepts, listed first.
    expect(blueprintQuotas(CLF, 10)).toEqual({
      "cloud-concepts": 3,
      "security-compliance": 3,
      "technology-services": 3,
      "billing-pricing-support": 1,
    });
    expect(blueprintQuotas(CLF, 0)).toEqual({
      "cloud-concepts": 0,
      "security-compliance": 0,
      "technology-services": 0,
      "billing-pricing-support": 0,
    });
  });

  it("always sums to the total", () => {
    const weights = [7, 13, 19, 23, 38];
    const t = track({ domains: weights.map((w, i) => group(`d${i}`, w)) });
    for (let total = 0; total <= 200; total++) {
      expect(sum(blueprintQuotas(t, total))).toBe(total);
    }
    expect(sum(blueprintQuotas(CBA))).toBe(60);
    expect(sum(blueprintQuotas(CLF))).toBe(65);
  });
});

function question(id: string, domain: string, curriculum: string | null): string {
  return [
    "---",
    `id: ${id}`,
    `domain: ${domain}`,
    ...(curriculum ? [`curriculum: ${curriculum}`] : []),
    "type: single",
    "difficulty: easy",
    "sources:",
    "  - https://backstage.io/docs/overview/what-is-backstage",
    "---",
    "",
    "Which one?",
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
}

const TRACK_YAML = `id: mini
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
  - { id: one, title: One, docs: [{ title: D, url: "https://backstage.io/docs" }], notes: N }
curriculum:
  - { id: big, title: Big, weight: 60, docs: [{ title: D, url: "https://backstage.io/docs" }], notes: N }
  - { id: small, title: Small, weight: 40, docs: [{ title: D, url: "https://backstage.io/docs" }], notes: N }
path: { name: P, order: 1, recommendedExperience: E, typicalPrep: T, examTips: [Tip] }
`;

function miniBank(big: number, small: number): Bank {
  const files: ContentFile[] = [{ path: "content/mini/track.yaml", text: TRACK_YAML }];
  let n = 0;
  for (const [curriculum, count] of [
    ["big", big],
    ["small", small],
  ] as const) {
    for (let i = 0; i < count; i++) {
      n += 1;
      const id = `mini-one-${String(n).padStart(3, "0")}`;
      files.push({ path: `content/mini/one/q${n}.md`, text: question(id, "one", curriculum) });
    }
  }
  const result = compileBank(files);
  if (!result.ok) throw new Error(formatProblems(result.problems));
  return result.bank;
}

describe("distinctMocks", () => {
  it("is the minimum over groupings of floor(available / quota)", () => {
    // quotas: big 3, small 2
    expect(distinctMocks(miniBank(7, 4), "mini")).toBe(2);
    expect(distinctMocks(miniBank(9, 5), "mini")).toBe(2);
    expect(distinctMocks(miniBank(9, 6), "mini")).toBe(3);
    expect(distinctMocks(miniBank(2, 10), "mini")).toBe(0);
  });

  it("counts questions per sampled grouping", () => {
    expect(availableByGroup(miniBank(4, 1), "mini")).toEqual({ big: 4, small: 1 });
  });

  it("is 0 for an unknown track", () => {
    expect(distinctMocks(miniBank(3, 2), "other")).toBe(0);
  });
});
