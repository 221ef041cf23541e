import { seededRandom } from "@/lib/exam/random";
import { domainPosteriors, predictExam, type Response } from "./prediction";

/**
 * A simulation that checks the readiness model against known truth. Pure and seeded.
 *
 * Simulated candidates have true accuracies per domain and learn at known rates. They take a
 * baseline mock, then drills on their weakest domain and further mocks, drawn from banks of the
 * real sizes with fresh questions first (repeats where the bank forces them). A repeated question
 * is easier than a fresh one (the candidate saw it, and its answer, before). At the end the model
 * predicts from the history, and the prediction is compared with the truth: the candidate's true
 * expected score, and one real exam drawn from their true accuracies.
 */

export type Blueprint = {
  groups: readonly { id: string; title: string; quota: number; bank: number }[];
  passPercent: number;
  targetPercent: number;
};

export type Rule = "fresh" | "all";

export type Outcome = {
  /** True expected exam score (percent). */
  trueExpected: number;
  trueAccuracies: Record<string, number>;
  passedRealExam: boolean;
  predictions: Record<Rule, { expected: number; low: number; high: number; pPass: number }>;
};

/** How much a seen question's answer is remembered: p(right) = a + (1 − a) × RECALL. */
export const RECALL = 0.6;

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

export function simulateCandidate(
  blueprint: Blueprint,
  seed: number,
  options: { mocks?: number; drillsBetween?: number; samples?: number } = {},
): Outcome {
  const random = seededRandom(seed);
  const gauss = () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const ability = 0.2 + random() * 0.6;
  const start: Record<string, number> = {};
  for (const g of blueprint.groups) {
    start[g.id] = Math.min(0.95, Math.max(0.05, ability + gauss() * 0.1));
  }
  const rate = 0.005 + random() * 0.025;
  const accuracyAt = (group: string, day: number) => {
    const a0 = start[group] ?? 0.5;
    return a0 + (0.97 - a0) * (1 - Math.exp(-rate * day));
  };
  // Item difficulties (logit offsets), per group, fixed for this simulated bank.
  const items = new Map(
    blueprint.groups.map((g) => [g.id, Array.from({ length: g.bank }, () => gauss() * 0.5)]),
  );
  const lastSeen = new Map<string, number>();
  const responses: (Response & { fresh: boolean })[] = [];
  const answer = (group: string, index: number, day: number) => {
    const key = `${group}:${index}`;
    const seen = lastSeen.has(key);
    const base = logistic(logit(accuracyAt(group, day)) + (items.get(group)?.[index] ?? 0));
    const p = seen ? base + (1 - base) * RECALL : base;
    responses.push({
      group,
      correct: random() < p,
      at: new Date(day * 86_400_000),
      fresh: !seen,
    });
    lastSeen.set(key, day);
  };
  /** Fresh first, then longest unseen: the app's sampling. */
  const pick = (group: string, count: number) => {
    const size = items.get(group)?.length ?? 0;
    const order = Array.from({ length: size }, (_, i) => i)
      .map((i) => ({ i, seen: lastSeen.get(`${group}:${i}`) ?? -1, r: random() }))
      .sort((a, b) => a.seen - b.seen || a.r - b.r);
    return order.slice(0, count).map((o) => o.i);
  };

  const mocks = options.mocks ?? 1 + Math.floor(random() * 4);
  const drills = options.drillsBetween ?? Math.floor(random() * 4);
  // The app's loop: a cold baseline, then rounds of drills on the weakest domain and a retake.
  let day = 0;
  for (let m = 0; m < mocks; m++) {
    if (m > 0) {
      for (let d = 0; d < drills; d++) {
        day += 1 + Math.floor(random() * 3);
        const weakest = [...blueprint.groups].sort(
          (a, b) => accuracyAt(a.id, day) - accuracyAt(b.id, day),
        )[0];
        if (weakest) for (const i of pick(weakest.id, 10)) answer(weakest.id, i, day);
      }
      day += 1 + Math.floor(random() * 3);
    }
    for (const g of blueprint.groups) for (const i of pick(g.id, g.quota)) answer(g.id, i, day);
  }
  // The prediction answers "if you sat the exam today", so the truth is today's.
  const examDay = day;
  const now = new Date(examDay * 86_400_000);
  const trueAccuracies: Record<string, number> = {};
  let right = 0;
  let total = 0;
  let trueExpected = 0;
  for (const g of blueprint.groups) {
    // The real exam's items come from the same population as the bank's.
    const a = accuracyAt(g.id, examDay);
    trueAccuracies[g.id] = a;
    let expectedRight = 0;
    for (let i = 0; i < g.quota; i++) {
      const p = logistic(logit(a) + gauss() * 0.5);
      expectedRight += p;
      if (random() < p) right += 1;
    }
    trueExpected += expectedRight;
    total += g.quota;
  }
  const quotas = Object.fromEntries(blueprint.groups.map((g) => [g.id, g.quota]));
  const predict = (rule: Rule) => {
    const evidence = rule === "fresh" ? responses.filter((r) => r.fresh) : responses;
    const posteriors = domainPosteriors(blueprint.groups, evidence, now);
    const p = predictExam(posteriors, quotas, blueprint.passPercent, blueprint.targetPercent, {
      samples: options.samples ?? 600,
      seed: seed ^ 0x5bd1e995,
    });
    return { expected: p.expected, low: p.low, high: p.high, pPass: p.pPass };
  };
  return {
    trueExpected: (trueExpected / total) * 100,
    trueAccuracies,
    passedRealExam: (right / total) * 100 >= blueprint.passPercent,
    predictions: { fresh: predict("fresh"), all: predict("all") },
  };
}

export type Calibration = {
  candidates: number;
  /** Share of candidates whose true expected score lies in the 80% interval. */
  coverage: number;
  brier: number;
  /** Per decile of predicted P(pass): candidates, mean prediction, observed pass rate. */
  reliability: { from: number; n: number; predicted: number; observed: number }[];
  /** Largest |observed − predicted| over deciles with at least 50 candidates. */
  worstGap: number;
  /** Mean (predicted − true) expected score, in points: positive = optimistic. */
  bias: number;
};

export function calibrate(outcomes: readonly Outcome[], rule: Rule): Calibration {
  const n = outcomes.length;
  let covered = 0;
  let brier = 0;
  let bias = 0;
  const deciles = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, n: 0, p: 0, hits: 0 }));
  for (const o of outcomes) {
    const p = o.predictions[rule];
    if (o.trueExpected >= p.low && o.trueExpected <= p.high) covered += 1;
    const y = o.passedRealExam ? 1 : 0;
    brier += (p.pPass - y) ** 2;
    bias += p.expected - o.trueExpected;
    const bucket = deciles[Math.min(9, Math.floor(p.pPass * 10))];
    if (bucket) {
      bucket.n += 1;
      bucket.p += p.pPass;
      bucket.hits += y;
    }
  }
  const reliability = deciles
    .filter((d) => d.n > 0)
    .map((d) => ({ from: d.from, n: d.n, predicted: d.p / d.n, observed: d.hits / d.n }));
  const worstGap = Math.max(
    0,
    ...reliability.filter((d) => d.n >= 50).map((d) => Math.abs(d.observed - d.predicted)),
  );
  return {
    candidates: n,
    coverage: covered / n,
    brier: brier / n,
    reliability,
    worstGap,
    bias: bias / n,
  };
}

export function simulate(blueprint: Blueprint, candidates: number, seed = 1): Outcome[] {
  return Array.from({ length: candidates }, (_, i) =>
    simulateCandidate(blueprint, seed * 100_003 + i),
  );
}
