import { describe, expect, it } from "vitest";
import { makeQuestion, makeTrack } from "@/lib/exam/test-helpers";
import {
  compareMocks,
  domainWeights,
  type GradedAnswer,
  groupComparison,
  type MockRecord,
  rankDomains,
  trend,
  weakest,
} from "./analytics";
import { buildPlan } from "./plan";

const day = (n: number) => new Date(Date.UTC(2026, 10, n));
const mock = (id: string, at: number, percent: number, byDomain: [string, number, number][] = []) =>
  ({
    id,
    at: day(at),
    percent,
    passed: percent >= 75,
    isBaseline: false,
    byDomain: byDomain.map(([d, correct, total]) => ({
      id: d,
      correct,
      total,
      percent: Math.round((correct / total) * 1000) / 10,
    })),
    byCurriculum: [],
  }) satisfies MockRecord;

const domains = [
  { id: "a", title: "Alpha", weight: 50, docs: [], notesHtml: "" },
  { id: "b", title: "Beta", weight: 30, docs: [], notesHtml: "" },
  { id: "c", title: "Gamma", weight: 20, docs: [], notesHtml: "" },
];
const weights = new Map([
  ["a", 50],
  ["b", 30],
  ["c", 20],
]);
const answers = (domain: string, right: number, wrong: number, at = 1): GradedAnswer[] => [
  ...Array.from({ length: right }, (_, i) => ({
    questionId: `${domain}-r${i}`,
    domain,
    curriculum: null,
    correct: true,
    at: day(at),
  })),
  ...Array.from({ length: wrong }, (_, i) => ({
    questionId: `${domain}-w${i}`,
    domain,
    curriculum: null,
    correct: false,
    at: day(at),
  })),
];

describe("compareMocks and trend", () => {
  it("is empty without attempts", () => {
    expect(compareMocks([])).toEqual({ baseline: null, latest: null, best: null });
    expect(trend([])).toEqual([]);
  });

  it("with only a baseline, baseline, latest and best are that one mock", () => {
    const only = { ...mock("m1", 1, 55), isBaseline: true };
    expect(compareMocks([only])).toEqual({ baseline: only, latest: only, best: only });
  });

  it("picks the marked baseline, the newest and the highest, and orders the trend by date", () => {
    const m1 = { ...mock("m1", 1, 50), isBaseline: true };
    const m2 = mock("m2", 5, 90);
    const m3 = mock("m3", 9, 70);
    const c = compareMocks([m3, m1, m2]);
    expect([c.baseline?.id, c.latest?.id, c.best?.id]).toEqual(["m1", "m3", "m2"]);
    expect(trend([m3, m1, m2]).map((p) => [p.n, p.percent])).toEqual([
      [1, 50],
      [2, 90],
      [3, 70],
    ]);
  });

  it("compares per domain and leaves a domain a mock did not cover empty", () => {
    const m1 = { ...mock("m1", 1, 50, [["a", 1, 4]]), isBaseline: true };
    const m2 = mock("m2", 2, 80, [
      ["a", 3, 4],
      ["b", 2, 2],
    ]);
    const rows = groupComparison(compareMocks([m1, m2]), domains, "domain");
    expect(rows[0]).toMatchObject({ id: "a", baseline: { percent: 25 }, latest: { percent: 75 } });
    expect(rows[1]).toMatchObject({ id: "b", baseline: null, latest: { percent: 100 } });
    expect(rows[2]).toMatchObject({ id: "c", baseline: null, latest: null, best: null });
  });
});

describe("rankDomains", () => {
  it("ranks by accuracy weighted by exam weight, weakest first", () => {
    const ranked = rankDomains(domains, weights, [
      ...answers("a", 18, 2),
      ...answers("b", 10, 10),
      ...answers("c", 4, 16),
    ]);
    // a: (18+1)/22 → 0.136*50 = 6.8; b: 0.5*30 = 15; c: (4+1)/22 → 0.77*20 = 15.5
    expect(ranked.map((d) => d.id)).toEqual(["c", "b", "a"]);
    expect(ranked[0]).toMatchObject({ answered: 20, correct: 4, percent: 20, thinEvidence: false });
  });

  it("does not let a single lucky answer count as strength", () => {
    const ranked = rankDomains(domains, weights, [...answers("a", 1, 0), ...answers("b", 18, 2)]);
    const a = ranked.find((d) => d.id === "a");
    expect(a).toMatchObject({ answered: 1, percent: 100, thinEvidence: true });
    expect(a?.smoothed).toBeCloseTo(2 / 3);
    expect(ranked.findIndex((d) => d.id === "a")).toBeLessThan(
      ranked.findIndex((d) => d.id === "b"),
    );
  });

  it("counts only the most recent answers per domain", () => {
    const ranked = rankDomains(domains, weights, [
      ...answers("a", 0, 30, 1), // old misses
      ...answers("a", 20, 0, 2), // recent: all right
    ]);
    expect(ranked.find((d) => d.id === "a")).toMatchObject({ answered: 20, correct: 20 });
  });

  it("with no answers at all keeps the exam-weight order and names no weakest domain", () => {
    const ranked = rankDomains(domains, weights, []);
    expect(ranked.map((d) => d.id)).toEqual(["a", "b", "c"]);
    expect(weakest(ranked)).toBeNull();
  });
});

describe("domainWeights", () => {
  it("uses the stated weights of a track sampled by domain", () => {
    const track = makeTrack({ blueprint: "domains" });
    expect([...domainWeights(track, []).values()].length).toBe(track.domains.length);
  });

  it("spreads curriculum weights over the study domains by their questions", () => {
    const track = makeTrack({
      blueprint: "curriculum",
      domains: [
        { id: "d1", title: "D1", weight: null, docs: [], notesHtml: "" },
        { id: "d2", title: "D2", weight: null, docs: [], notesHtml: "" },
      ],
      curriculum: [{ id: "c1", title: "C1", weight: 60, docs: [], notesHtml: "" }],
    });
    const [c1] = track.curriculum;
    const [d1, d2] = track.domains;
    if (!c1 || !d1 || !d2) throw new Error("fixture");
    const qs = [
      { ...makeQuestion("q1", d1.id), curriculum: c1.id },
      { ...makeQuestion("q2", d1.id), curriculum: c1.id },
      { ...makeQuestion("q3", d2.id), curriculum: c1.id },
    ];
    const w = domainWeights(track, qs);
    expect(w.get("d1")).toBe(40);
    expect(w.get("d2")).toBe(20);
  });
});

describe("buildPlan", () => {
  const ranked = rankDomains(domains, weights, [
    ...answers("a", 18, 2),
    ...answers("b", 10, 10),
    ...answers("c", 4, 16),
  ]);
  const docsOf = (id: string) => [{ title: `Docs ${id}`, url: `https://backstage.io/${id}` }];

  it("starts with the baseline when there is none, then the weak domains in rank order", () => {
    const plan = buildPlan({
      level: "moderate",
      examDate: null,
      today: day(1),
      hasBaseline: false,
      ready: false,
      domains: rankDomains(domains, weights, []),
      docsOf,
    });
    expect(plan.steps.map((s) => s.kind)).toEqual([
      "baseline",
      "domain",
      "domain",
      "domain",
      "retake",
      "repeat",
    ]);
    expect(plan.weeks).toEqual([3, 4]);
  });

  it("leaves out domains already at 85% and spreads the others over the days to the exam", () => {
    const plan = buildPlan({
      level: "heavy",
      examDate: day(15),
      today: day(1),
      hasBaseline: true,
      ready: false,
      domains: ranked,
      docsOf,
      yamlDrillsOf: (id) => (id === "c" ? [{ id: "drill-x", title: "X" }] : []),
    });
    expect(plan.daysLeft).toBe(14);
    expect(plan.warning).toBeNull();
    const blocks = plan.steps.filter((s) => s.kind === "domain");
    expect(blocks.map((b) => b.domainId)).toEqual(["c", "b"]);
    expect(blocks[0]?.yamlDrills).toEqual([{ id: "drill-x", title: "X" }]);
    expect(blocks[0]?.docs?.[0]?.title).toBe("Docs c");
    const lastDay = plan.steps.at(-2)?.days?.[1];
    expect(lastDay).toBe(14);
    expect(blocks[0]?.days?.[0]).toBe(1);
    expect((blocks[1]?.days?.[0] ?? 0) > (blocks[0]?.days?.[1] ?? 99)).toBe(true);
  });

  it("warns when the exam is too close for the level, or in the past", () => {
    const base = { hasBaseline: true, ready: false, domains: ranked, docsOf, today: day(1) };
    expect(buildPlan({ ...base, level: "beginner", examDate: day(20) }).warning).toMatch(
      /in 19 days; for your experience we suggest at least 6 weeks/,
    );
    expect(buildPlan({ ...base, level: "heavy", examDate: day(20) }).warning).toBeNull();
    expect(
      buildPlan({ ...base, level: "heavy", examDate: new Date(Date.UTC(2026, 9, 1)) }).warning,
    ).toMatch(/in the past/);
  });

  it("when ready there is nothing to repeat", () => {
    const plan = buildPlan({
      level: "heavy",
      examDate: null,
      today: day(1),
      hasBaseline: true,
      ready: true,
      domains: rankDomains(domains, weights, [
        ...answers("a", 20, 0),
        ...answers("b", 20, 0),
        ...answers("c", 20, 0),
      ]),
      docsOf,
    });
    expect(plan.steps.map((s) => s.kind)).toEqual(["retake"]);
  });
});
