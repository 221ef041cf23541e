/**
 * Key-position skew (issues 13 and 18). Pure.
 *
 * Options are shuffled per attempt, so authored key positions never reach a candidate; but a
 * bank whose authors favour one position (or, in multiple-response questions, one key set such
 * as {A, C}) shows a habit that also leaks into option wording and length. The check is a
 * Pearson chi-square goodness-of-fit test against the uniform distribution:
 *
 * - single-answer questions: the key's position among the options, per option count;
 * - multiple-response questions: the key set among all C(n, k) possible sets, per option count n
 *   and key count k.
 *
 * When every category expects at least 5 questions, the p-value comes from the chi-square
 * distribution. Below that (multiple-response banks are spread over 10 or 20 key sets) the
 * approximation is unreliable, so the same statistic's p-value is estimated by simulation: 20,000
 * seeded uniform draws of the same size (a Monte Carlo exact test, reproducible run to run).
 * Groups of fewer than 10 questions are not tested. A p-value below 0.01 is a warning, never an
 * error.
 */

export const KEY_SKEW_ALPHA = 0.01;
export const MIN_EXPECTED_PER_CATEGORY = 5;
export const MIN_GROUP_SIZE = 10;
export const SIMULATIONS = 20_000;

/** Pearson's chi-square statistic of observed counts against expected counts. */
export function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  if (observed.length !== expected.length) throw new RangeError("length mismatch");
  let x = 0;
  observed.forEach((o, i) => {
    const e = expected[i] ?? 0;
    if (e <= 0) throw new RangeError("expected counts must be positive");
    x += ((o - e) * (o - e)) / e;
  });
  return x;
}

/** ln Γ(x) for x > 0: Stirling's series after shifting x to at least 10 (error < 1e-14). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError("logGamma needs x > 0");
  let shift = 0;
  let z = x;
  while (z < 10) {
    shift += Math.log(z);
    z += 1;
  }
  const z2 = z * z;
  const series =
    1 / (12 * z) -
    1 / (360 * z * z2) +
    1 / (1260 * z * z2 * z2) -
    1 / (1680 * z * z2 * z2 * z2) +
    1 / (1188 * z * z2 * z2 * z2 * z2);
  return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series - shift;
}

/** Regularised upper incomplete gamma Q(s, x) = Γ(s, x) / Γ(s). */
export function upperGammaQ(s: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = -x + s * Math.log(x) - logGamma(s);
  if (x < s + 1) {
    // Series for the lower function P, then Q = 1 − P.
    let term = 1 / s;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (s + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPrefix));
  }
  // Continued fraction for Q (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(lnPrefix) * h);
}

/** Upper-tail p-value of a chi-square statistic with `df` degrees of freedom. */
export function chiSquarePValue(statistic: number, df: number): number {
  if (df <= 0) throw new RangeError("df must be positive");
  return upperGammaQ(df / 2, statistic / 2);
}

export interface SkewGroup {
  /** e.g. "single, 4 options" or "multiple, 5 options, 2 keys". */
  readonly label: string;
  /** Questions in the group. */
  readonly n: number;
  /** Category → observed count, every possible category listed (zeros included). */
  readonly counts: ReadonlyMap<string, number>;
  /** `null` when the group is too small to test. */
  readonly statistic: number | null;
  readonly df: number;
  readonly pValue: number | null;
  /** How the p-value was obtained. */
  readonly method: "chi-square" | "simulated" | "untested";
  /** True when tested and p < alpha. */
  readonly skewed: boolean;
}

export interface KeyedQuestion {
  readonly type: "single" | "multiple";
  readonly optionCount: number;
  /** Keys as letters in authored order, e.g. ["A", "C"]. */
  readonly correctKeys: readonly string[];
}

const LETTERS = "ABCDEFGHIJ";

/** All k-letter key sets out of the first n letters, as "A+C" strings, in lexical order. */
export function keySets(n: number, k: number): string[] {
  const out: string[] = [];
  const walk = (start: number, chosen: string[]) => {
    if (chosen.length === k) {
      out.push(chosen.join("+"));
      return;
    }
    for (let i = start; i < n; i++) walk(i + 1, [...chosen, LETTERS[i] as string]);
  };
  walk(0, []);
  return out;
}

/** Monte Carlo p-value: share of uniform samples of size n whose statistic reaches `observed`. */
export function simulatedPValue(
  observed: number,
  categories: number,
  n: number,
  simulations: number = SIMULATIONS,
  seed = 0x5eed,
): number {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const expected = n / categories;
  const counts = new Array<number>(categories);
  let atLeast = 0;
  for (let s = 0; s < simulations; s++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = Math.floor(random() * categories);
      counts[c] = (counts[c] ?? 0) + 1;
    }
    let x = 0;
    for (const o of counts) x += ((o - expected) * (o - expected)) / expected;
    if (x >= observed - 1e-9) atLeast += 1;
  }
  return (atLeast + 1) / (simulations + 1);
}

function testGroup(
  label: string,
  categories: string[],
  observed: string[],
  alpha: number,
): SkewGroup {
  const counts = new Map<string, number>(categories.map((c) => [c, 0]));
  for (const o of observed) counts.set(o, (counts.get(o) ?? 0) + 1);
  const n = observed.length;
  const expectedEach = n / categories.length;
  const df = categories.length - 1;
  if (df < 1 || n < MIN_GROUP_SIZE) {
    return {
      label,
      n,
      counts,
      statistic: null,
      df,
      pValue: null,
      method: "untested",
      skewed: false,
    };
  }
  const statistic = chiSquare(
    categories.map((c) => counts.get(c) ?? 0),
    categories.map(() => expectedEach),
  );
  const asymptotic = expectedEach >= MIN_EXPECTED_PER_CATEGORY;
  const pValue = asymptotic
    ? chiSquarePValue(statistic, df)
    : simulatedPValue(statistic, categories.length, n);
  return {
    label,
    n,
    counts,
    statistic,
    df,
    pValue,
    method: asymptotic ? "chi-square" : "simulated",
    skewed: pValue < alpha,
  };
}

/** Key-position and key-set tests for one track's questions, one group per shape. */
export function keySkew(
  questions: readonly KeyedQuestion[],
  alpha: number = KEY_SKEW_ALPHA,
): SkewGroup[] {
  const groups = new Map<string, { cats: string[]; label: string; seen: string[] }>();
  for (const q of questions) {
    const keys = [...q.correctKeys].sort();
    const single = q.type === "single";
    const id = single ? `s${q.optionCount}` : `m${q.optionCount}-${keys.length}`;
    let g = groups.get(id);
    if (!g) {
      g = single
        ? {
            cats: LETTERS.slice(0, q.optionCount).split(""),
            label: `single, ${q.optionCount} options`,
            seen: [],
          }
        : {
            cats: keySets(q.optionCount, keys.length),
            label: `multiple, ${q.optionCount} options, ${keys.length} keys`,
            seen: [],
          };
      groups.set(id, g);
    }
    g.seen.push(keys.join("+"));
  }
  return [...groups.keys()].sort().map((id) => {
    const g = groups.get(id) as { cats: string[]; label: string; seen: string[] };
    return testGroup(g.label, g.cats, g.seen, alpha);
  });
}
