import { seededRandom } from "@/lib/exam/random";

/**
 * The predicted exam score and pass probability. Pure.
 *
 * Evidence: a user's first graded, answered response to each on-list question (fresh), never a
 * repeat: a question seen before measures memory of it, not knowledge.
 *
 * Per exam domain, a Beta-binomial model of the candidate's accuracy:
 * - prior: weak, worth PRIOR_STRENGTH answers, centred on the population's facility for that
 *   domain where item statistics have enough responses, otherwise Beta(1, 1);
 * - each response weighs 0.5^(age / HALF_LIFE_DAYS), so last month's baseline fades as the
 *   candidate studies;
 * - the posterior is Beta(prior + weighted right, prior + weighted wrong).
 *
 * The exam draws its blueprint's questions per domain. By Monte Carlo: draw each domain's accuracy
 * from its posterior, then the exam's answers from it. The expected score and its 80% interval
 * are about the candidate's true expected score (Σ share × accuracy); P(pass) and P(≥ 85%) are
 * about the exam itself, its sampling noise included.
 */

export const HALF_LIFE_DAYS = 4;
export const PRIOR_STRENGTH = 2;
/**
 * At most this much weighted evidence per domain: a candidate's accuracy drifts as they study,
 * so even hundreds of answers cannot pin it down to a point; the cap keeps the interval honest.
 */
export const MAX_EVIDENCE = 20;
export const SAMPLES = 4000;

export type Response = { group: string; correct: boolean; at: Date };

export type DomainPosterior = {
  id: string;
  title: string;
  /** Fresh responses in the domain (unweighted). */
  n: number;
  alpha: number;
  beta: number;
  mean: number;
  /** 80% credible interval of the accuracy. */
  low: number;
  high: number;
};

const DAY = 86_400_000;

export function domainPosteriors(
  groups: readonly { id: string; title: string }[],
  responses: readonly Response[],
  now: Date,
  priorFacility: ReadonlyMap<string, number> = new Map(),
  halfLifeDays: number = HALF_LIFE_DAYS,
): DomainPosterior[] {
  return groups.map((g) => {
    const facility = priorFacility.get(g.id);
    let alpha = facility === undefined ? 1 : PRIOR_STRENGTH * clamp(facility, 0.02, 0.98);
    let beta = facility === undefined ? 1 : PRIOR_STRENGTH - alpha;
    let n = 0;
    let right = 0;
    let wrong = 0;
    for (const r of responses) {
      if (r.group !== g.id) continue;
      n += 1;
      const age = Math.max(0, (now.getTime() - r.at.getTime()) / DAY);
      const w = 0.5 ** (age / halfLifeDays);
      if (r.correct) right += w;
      else wrong += w;
    }
    const scale = Math.min(1, MAX_EVIDENCE / Math.max(1e-9, right + wrong));
    alpha += right * scale;
    beta += wrong * scale;
    const [low, high] = betaInterval(alpha, beta, 0.1, 0.9);
    return { id: g.id, title: g.title, n, alpha, beta, mean: alpha / (alpha + beta), low, high };
  });
}

export type Prediction = {
  /** Percent, 0–100. */
  expected: number;
  low: number;
  high: number;
  pPass: number;
  pTarget: number;
  /** Share of simulated exams per whole-percent bucket (0..100), for the distribution chart. */
  histogram: number[];
};

/**
 * `quotas`: questions per domain on the exam (the blueprint). `passPercent`: the raw percentage
 * treated as the pass mark (AWS: the scaled pass score mapped as in lib/exam/scoring).
 */
export function predictExam(
  posteriors: readonly DomainPosterior[],
  quotas: Readonly<Record<string, number>>,
  passPercent: number,
  targetPercent: number,
  options: { samples?: number; seed?: number } = {},
): Prediction {
  const samples = options.samples ?? SAMPLES;
  const random = seededRandom(options.seed ?? 20261208);
  const total = posteriors.reduce((sum, p) => sum + (quotas[p.id] ?? 0), 0);
  const expectedScores: number[] = [];
  let pass = 0;
  let target = 0;
  const histogram = new Array<number>(101).fill(0);
  for (let s = 0; s < samples; s++) {
    let expected = 0;
    let right = 0;
    for (const p of posteriors) {
      const n = quotas[p.id] ?? 0;
      if (n === 0) continue;
      const accuracy = sampleBeta(p.alpha, p.beta, random);
      expected += (n / total) * accuracy;
      for (let i = 0; i < n; i++) if (random() < accuracy) right += 1;
    }
    const score = total === 0 ? 0 : (right / total) * 100;
    expectedScores.push(expected * 100);
    if (score >= passPercent) pass += 1;
    if (score >= targetPercent) target += 1;
    histogram[Math.round(score)] = (histogram[Math.round(score)] ?? 0) + 1;
  }
  expectedScores.sort((a, b) => a - b);
  return {
    expected: mean(expectedScores),
    low: quantile(expectedScores, 0.1),
    high: quantile(expectedScores, 0.9),
    pPass: pass / samples,
    pTarget: target / samples,
    histogram: histogram.map((c) => c / samples),
  };
}

// ---------------------------------------------------------------------------------------------
// Distributions

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = clamp(q * (sorted.length - 1), 0, sorted.length - 1);
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (i - lo);
}

/** Standard normal by Box–Muller. */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (with the boost for shape < 1). */
function sampleGamma(shape: number, random: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
      return d * v;
    }
  }
}

export function sampleBeta(alpha: number, beta: number, random: () => number): number {
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}

/** Quantiles of Beta(α, β) by bisection on its CDF (numeric integration, ample for display). */
export function betaInterval(
  alpha: number,
  beta: number,
  lo: number,
  hi: number,
): [number, number] {
  const grid = 400;
  const density: number[] = [];
  for (let i = 0; i < grid; i++) {
    const x = (i + 0.5) / grid;
    density.push(Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log(1 - x)));
  }
  const total = density.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let low = 0;
  let high = 1;
  let foundLow = false;
  for (let i = 0; i < grid; i++) {
    cumulative += (density[i] ?? 0) / total;
    if (!foundLow && cumulative >= lo) {
      low = i / grid;
      foundLow = true;
    }
    if (cumulative >= hi) {
      high = (i + 1) / grid;
      break;
    }
  }
  return [low, high];
}
