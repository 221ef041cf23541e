import { describe, expect, it } from "vitest";
import { ItemAccumulator, type ItemStats } from "@/lib/analytics/item-stats";
import { spearman } from "@/lib/analytics/math";
import { seededRandom } from "@/lib/exam/random";

/**
 * Validation against a known truth: simulated candidates with known abilities answer items with
 * known difficulty (b) and discrimination (a) under the two-parameter logistic model,
 * P(right) = 1 / (1 + exp(-a(θ - b))). A wrong answer picks a distractor by its own pull.
 * Planted bad items: a wrong key (the authored key is a distractor; the right answer is
 * another option) and a negative discrimination (a < 0). Everyone sits the same 60-item mock.
 */

const CANDIDATES = 2_000;
const ITEMS = 60;
const OPTIONS = ["A", "B", "C", "D"] as const;

type Truth = {
  a: number;
  b: number;
  /** The option a candidate who knows the answer picks. */
  right: string;
  /** The authored key (differs from `right` for a planted wrong key). */
  key: string;
  /** Pull of each option when guessing wrong. */
  pull: Record<string, number>;
  planted: "wrong-key" | "negative" | null;
};

function normal(random: () => number): number {
  // Box–Muller.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function pick(random: () => number, weights: [string, number][]): string {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = random() * total;
  for (const [key, w] of weights) {
    x -= w;
    if (x <= 0) return key;
  }
  return weights[weights.length - 1]?.[0] as string;
}

function simulate(seed: number) {
  const random = seededRandom(seed);
  const items: Truth[] = Array.from({ length: ITEMS }, (_, i) => {
    const right = OPTIONS[Math.floor(random() * 4)] as string;
    const others = OPTIONS.filter((o) => o !== right);
    const planted = i < 2 ? "wrong-key" : i < 4 ? "negative" : null;
    return {
      a: planted === "negative" ? -(0.8 + random() * 0.6) : 0.7 + random() * 1.3,
      b: -1.2 + random() * 2.4,
      right,
      key: planted === "wrong-key" ? (others[0] as string) : right,
      pull: Object.fromEntries(others.map((o) => [o, 0.5 + random()])),
      planted,
    };
  });
  const abilities = Array.from({ length: CANDIDATES }, () => normal(random));
  // choices[c][i]: the option candidate c chose on item i.
  const choices = abilities.map((theta) =>
    items.map((item) => {
      const p = 1 / (1 + Math.exp(-item.a * (theta - item.b)));
      return random() < p ? item.right : pick(random, Object.entries(item.pull));
    }),
  );
  const accs = items.map(() => new ItemAccumulator());
  for (const row of choices) {
    const graded = row.map((choice, i) => choice === items[i]?.key);
    const total = graded.filter(Boolean).length;
    row.forEach((choice, i) => {
      const correct = graded[i] as boolean;
      accs[i]?.add({
        selected: [choice],
        correct,
        rest: (total - (correct ? 1 : 0)) / (ITEMS - 1),
        timeMs: null,
        flagged: false,
      });
    });
  }
  const stats: ItemStats[] = accs.map((acc, i) =>
    acc.finish({
      questionId: `item-${i}`,
      hash: "h",
      correctKeys: [items[i]?.key as string],
      optionKeys: [...OPTIONS],
    }),
  );
  return { items, stats };
}

describe("item statistics against a simulated 2PL truth", () => {
  it.each([1, 2, 3])(
    "seed %i: facility tracks difficulty; the planted items and only they are flagged",
    (seed) => {
      const { items, stats } = simulate(seed);
      const good = items.flatMap((item, i) => (item.planted ? [] : [i]));

      const rho = spearman(
        good.map((i) => stats[i]?.facility ?? 0),
        good.map((i) => -(items[i]?.b ?? 0)),
      );
      expect(rho).toBeGreaterThanOrEqual(0.9);

      items.forEach((item, i) => {
        const flags = stats[i]?.flags ?? [];
        if (item.planted === "wrong-key") expect(flags, `item ${i}`).toContain("key-suspect");
        if (item.planted === "negative") expect(flags, `item ${i}`).toContain("low-discrimination");
      });

      const falseFlags = good.filter((i) => (stats[i]?.flags.length ?? 0) > 0);
      expect(falseFlags.length / good.length).toBeLessThanOrEqual(0.05);
    },
  );
});
