import { describe, expect, it } from "vitest";
import { domainPosteriors, predictExam, type Response } from "./prediction";
import { MIN_FRESH, readiness } from "./readiness";

const groups = [
  { id: "a", title: "Alpha" },
  { id: "b", title: "Beta" },
  { id: "c", title: "Gamma" },
];
const quotas = { a: 20, b: 20, c: 20 };
const now = new Date("2026-12-08T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

/** n responses in a group, `right` of them correct, `age` days old. */
function responses(group: string, n: number, right: number, age = 0): Response[] {
  return Array.from({ length: n }, (_, i) => ({ group, correct: i < right, at: daysAgo(age) }));
}

function forecast(evidence: Response[], prior?: Map<string, number>) {
  const posteriors = domainPosteriors(groups, evidence, now, prior);
  const prediction = predictExam(posteriors, quotas, 75, 85, { samples: 3000 });
  return { posteriors, prediction, readiness: readiness(prediction, posteriors) };
}

describe("the readiness model on hand-built histories", () => {
  it("with no data: Beta(1,1) everywhere, no headline, and it says to take the baseline", () => {
    const f = forecast([]);
    expect(f.posteriors.map((p) => [p.alpha, p.beta])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(f.prediction.expected).toBeGreaterThan(45);
    expect(f.prediction.expected).toBeLessThan(55);
    expect(f.readiness).toMatchObject({ ready: false, headline: null, fresh: 0 });
    expect(f.readiness.summary).toMatch(/baseline/);
  });

  it("with one domain only: not ready, and it names the domains without evidence", () => {
    const f = forecast(responses("a", 40, 38));
    expect(f.readiness.ready).toBe(false);
    expect(f.readiness.thin.map((d) => d.id)).toEqual(["b", "c"]);
    expect(f.readiness.summary).toMatch(/Beta \(0\), Gamma \(0\)/);
    expect(f.readiness.summary).toMatch(/20 more fresh questions \(40 of 60 so far\)/);
    // The unknown domains keep the interval wide: the exam score is far from certain.
    expect(f.prediction.high - f.prediction.low).toBeGreaterThan(15);
  });

  it("a strong candidate with enough fresh evidence everywhere is ready, with a headline", () => {
    const f = forecast([
      ...responses("a", 25, 24),
      ...responses("b", 25, 24),
      ...responses("c", 25, 23),
    ]);
    expect(f.readiness.fresh).toBeGreaterThanOrEqual(MIN_FRESH);
    expect(f.prediction.pPass).toBeGreaterThanOrEqual(0.9);
    expect(f.readiness.ready).toBe(true);
    expect(f.readiness.headline).toMatch(
      /^Pass probability \d+% · expected \d+% \(80% interval \d+–\d+%\)$/,
    );
  });

  it("a decayed old baseline weighs less than this week's answers", () => {
    const old = [
      ...responses("a", 20, 6, 60),
      ...responses("b", 20, 6, 60),
      ...responses("c", 20, 6, 60),
    ];
    const recent = [
      ...responses("a", 10, 9, 1),
      ...responses("b", 10, 9, 1),
      ...responses("c", 10, 9, 1),
    ];
    const f = forecast([...old, ...recent]);
    const undecayed = domainPosteriors(groups, [...old, ...recent], now, undefined, 1e9);
    expect(f.posteriors[0]?.mean).toBeGreaterThan(0.8);
    expect(undecayed[0]?.mean).toBeLessThan(0.55);
  });

  it("a population prior moves a domain without evidence, only a little once there is some", () => {
    const prior = new Map([["c", 0.8]]);
    const none = forecast([], prior);
    expect(none.posteriors[2]?.mean).toBeCloseTo(0.8, 5);
    const some = forecast(responses("c", 20, 5), prior);
    expect(some.posteriors[2]?.mean).toBeLessThan(0.35);
  });

  it("all repeats: no fresh responses means no evidence, whatever the scores of repeats were", () => {
    // The caller passes fresh responses only (evidence.ts); a history of repeats passes none.
    const f = forecast([]);
    expect(f.readiness.ready).toBe(false);
    expect(f.readiness.moreFresh).toBe(MIN_FRESH);
  });
});
