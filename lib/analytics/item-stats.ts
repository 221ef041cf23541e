import { median, pearson } from "@/lib/analytics/math";

/**
 * Classical item analysis of one question version from its counted responses (see ADR 0014).
 * Pure: the responses arrive one at a time (`ItemAccumulator.add`) from a stream or a test, and
 * only what the statistics need is kept per item.
 */

/** One counted response: a user's first graded answer to the question (see `firstExposures`). */
export type ItemResponse = {
  /** The authored option keys chosen (empty: left unanswered). */
  selected: readonly string[];
  correct: boolean;
  /**
   * Mock responses only: the candidate's proportion correct on the other questions of the same
   * mock (the "rest of the score"); null for a practice check, which has no test score.
   */
  rest: number | null;
  /** Time on the question in milliseconds, when the player recorded visits. */
  timeMs: number | null;
  flagged: boolean;
};

export type ItemVersion = {
  questionId: string;
  hash: string;
  correctKeys: readonly string[];
  /** The option keys of the version, in authored order (extra keys seen in responses are added). */
  optionKeys: readonly string[];
};

export type OptionShare = {
  key: string;
  correct: boolean;
  count: number;
  /** Share of all counted responses that chose this option. */
  share: number;
  /** Share among the top 27% of mock candidates (by rest of score); null without a group. */
  upperShare: number | null;
  lowerShare: number | null;
};

export const ITEM_FLAGS = [
  "too-easy",
  "too-hard",
  "low-discrimination",
  "rare-distractor",
  "key-suspect",
] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

export const FLAG_LABEL: Record<ItemFlag, string> = {
  "too-easy": "Too easy",
  "too-hard": "Too hard",
  "low-discrimination": "Low or negative discrimination",
  "rare-distractor": "Distractor almost never chosen",
  "key-suspect": "Top group prefers a distractor (wrong key?)",
};

/** Thresholds of the flags; the sources are in docs/decisions/0014-item-analysis.md. */
export const THRESHOLDS = {
  tooEasy: 0.95,
  tooHard: 0.2,
  lowDiscrimination: 0.1,
  rareDistractor: 0.02,
  /** Kelley's 27%: the size of the upper and lower groups. */
  groupFraction: 0.27,
} as const;

export const DEFAULT_MIN_N = 30;

export type ItemStats = {
  questionId: string;
  hash: string;
  /** Counted responses. */
  n: number;
  /** Counted responses that came from mocks (the discrimination statistics use only these). */
  mockN: number;
  /** Share correct; null with no responses. */
  facility: number | null;
  /** Corrected point-biserial: Pearson's r between the item (0/1) and the rest of the mock score. */
  pointBiserial: number | null;
  /** Facility in the top 27% minus facility in the bottom 27% (by rest of score). */
  upperLower: number | null;
  options: OptionShare[];
  medianTimeMs: number | null;
  unansweredRate: number | null;
  flaggedRate: number | null;
  flags: ItemFlag[];
};

export class ItemAccumulator {
  private n = 0;
  private correct = 0;
  private unanswered = 0;
  private flagged = 0;
  private readonly chosen = new Map<string, number>();
  private readonly times: number[] = [];
  private readonly mockRest: number[] = [];
  private readonly mockCorrect: number[] = [];
  private readonly mockSelected: (readonly string[])[] = [];

  add(response: ItemResponse): void {
    this.n += 1;
    if (response.correct) this.correct += 1;
    if (response.selected.length === 0) this.unanswered += 1;
    if (response.flagged) this.flagged += 1;
    for (const key of new Set(response.selected)) {
      this.chosen.set(key, (this.chosen.get(key) ?? 0) + 1);
    }
    if (response.timeMs !== null) this.times.push(response.timeMs);
    if (response.rest !== null) {
      this.mockRest.push(response.rest);
      this.mockCorrect.push(response.correct ? 1 : 0);
      this.mockSelected.push(response.selected);
    }
  }

  finish(version: ItemVersion, minN: number = DEFAULT_MIN_N): ItemStats {
    const { n } = this;
    const mockN = this.mockRest.length;
    const groups = this.groups();
    const keys = [...version.optionKeys];
    for (const key of [...version.correctKeys, ...this.chosen.keys()].sort()) {
      if (!keys.includes(key)) keys.push(key);
    }
    const shareIn = (group: number[] | null, key: string) =>
      group === null
        ? null
        : group.filter((i) => this.mockSelected[i]?.includes(key)).length / group.length;
    const options = keys.map((key) => {
      const count = this.chosen.get(key) ?? 0;
      return {
        key,
        correct: version.correctKeys.includes(key),
        count,
        share: n === 0 ? 0 : count / n,
        upperShare: shareIn(groups?.upper ?? null, key),
        lowerShare: shareIn(groups?.lower ?? null, key),
      };
    });
    const facilityIn = (group: number[]) =>
      group.reduce((sum, i) => sum + (this.mockCorrect[i] ?? 0), 0) / group.length;
    const stats: Omit<ItemStats, "flags"> = {
      questionId: version.questionId,
      hash: version.hash,
      n,
      mockN,
      facility: n === 0 ? null : this.correct / n,
      pointBiserial: pearson(this.mockCorrect, this.mockRest),
      upperLower: groups ? facilityIn(groups.upper) - facilityIn(groups.lower) : null,
      options,
      medianTimeMs: median(this.times),
      unansweredRate: n === 0 ? null : this.unanswered / n,
      flaggedRate: n === 0 ? null : this.flagged / n,
    };
    return { ...stats, flags: flagsOf(stats, minN) };
  }

  /** Indices of the mock responses in the bottom and top 27% by rest of score (ties by order). */
  private groups(): { upper: number[]; lower: number[] } | null {
    const size = Math.round(this.mockRest.length * THRESHOLDS.groupFraction);
    if (size < 1) return null;
    const order = this.mockRest.map((_, i) => i);
    order.sort((a, b) => (this.mockRest[a] as number) - (this.mockRest[b] as number) || a - b);
    return { lower: order.slice(0, size), upper: order.slice(order.length - size) };
  }
}

/**
 * The flags of an item. None below `minN` counted responses; the discrimination flags (low
 * discrimination, a distractor preferred by the top group) need `minN` mock responses.
 */
export function flagsOf(stats: Omit<ItemStats, "flags">, minN: number = DEFAULT_MIN_N): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (stats.n < minN || stats.facility === null) return flags;
  if (stats.facility > THRESHOLDS.tooEasy) flags.push("too-easy");
  if (stats.facility < THRESHOLDS.tooHard) flags.push("too-hard");
  const mockEnough = stats.mockN >= minN;
  if (
    mockEnough &&
    stats.pointBiserial !== null &&
    stats.pointBiserial < THRESHOLDS.lowDiscrimination
  ) {
    flags.push("low-discrimination");
  }
  const distractors = stats.options.filter((o) => !o.correct);
  if (distractors.some((o) => o.share < THRESHOLDS.rareDistractor)) flags.push("rare-distractor");
  const keyed = stats.options.filter((o) => o.correct);
  if (mockEnough && keyed.length > 0) {
    const weakestKey = Math.min(...keyed.map((o) => o.upperShare ?? Number.POSITIVE_INFINITY));
    if (distractors.some((o) => o.upperShare !== null && o.upperShare > weakestKey)) {
      flags.push("key-suspect");
    }
  }
  return flags;
}

/** Statistics of many versions at once from `[version, responses]` pairs (tests and the CLI). */
export function itemStatsOf(
  items: Iterable<readonly [ItemVersion, Iterable<ItemResponse>]>,
  minN: number = DEFAULT_MIN_N,
): ItemStats[] {
  const out: ItemStats[] = [];
  for (const [version, responses] of items) {
    const acc = new ItemAccumulator();
    for (const r of responses) acc.add(r);
    out.push(acc.finish(version, minN));
  }
  return out;
}
