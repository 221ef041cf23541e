import { blueprintQuotas, groupOf } from "@/lib/content/blueprint";
import type { OptionKey, Question, Track } from "@/lib/content/types";
import { seededRandom, shuffled } from "./random";

/**
 * Mock-exam sampling by the track's blueprint. Pure and deterministic for a seed.
 *
 * Each grouping (CBA: official curriculum; AWS: domains) gets its quota of the mock, by weight.
 * Within a grouping, questions the candidate has not seen in recent mocks come first; seen ones
 * fill in only when the bank runs short. When a grouping has fewer questions than its quota, the
 * mock is completed from the other groupings and the shortfall is reported.
 */

export type MockItem = { questionId: string; optionOrder: OptionKey[] };

export type MockSample = {
  items: MockItem[];
  /** Per grouping: how many questions the quota asked for that the bank could not supply. */
  shortfall: Record<string, number>;
  /** How many sampled questions the candidate had already seen in recent mocks. */
  repeats: number;
};

export function sampleMock(input: {
  track: Track;
  questions: readonly Question[];
  seed: number;
  count?: number;
  recentlySeen?: ReadonlySet<string>;
}): MockSample {
  const { track, questions, seed } = input;
  const count = Math.min(input.count ?? track.questionCount, questions.length);
  const seen = input.recentlySeen ?? new Set<string>();
  const random = seededRandom(seed);
  const quotas = blueprintQuotas(track, count);

  const byGroup = new Map<string, Question[]>();
  for (const q of questions) {
    const group = groupOf(track, q) ?? "";
    byGroup.set(group, [...(byGroup.get(group) ?? []), q]);
  }
  // Unseen questions first, each part in seeded random order.
  const ordered = (qs: readonly Question[]) => [
    ...shuffled(
      qs.filter((q) => !seen.has(q.id)),
      random,
    ),
    ...shuffled(
      qs.filter((q) => seen.has(q.id)),
      random,
    ),
  ];

  const chosen: Question[] = [];
  const leftovers: Question[] = [];
  const shortfall: Record<string, number> = {};
  for (const [group, quota] of Object.entries(quotas)) {
    const pool = ordered(byGroup.get(group) ?? []);
    chosen.push(...pool.slice(0, quota));
    leftovers.push(...pool.slice(quota));
    if (pool.length < quota) shortfall[group] = quota - pool.length;
  }
  const missing = count - chosen.length;
  if (missing > 0) chosen.push(...ordered(leftovers).slice(0, missing));

  const items = shuffled(chosen, random).map((q) => ({
    questionId: q.id,
    optionOrder: shuffled(
      q.options.map((o) => o.key),
      random,
    ),
  }));
  return { items, shortfall, repeats: chosen.filter((q) => seen.has(q.id)).length };
}
