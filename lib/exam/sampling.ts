import { blueprintQuotas, groupOf, isMockEligible } from "@/lib/content/blueprint";
import type { OptionKey, Question, Track } from "@/lib/content/types";
import { seededRandom, shuffled } from "./random";

/**
 * Mock-exam sampling by the track's blueprint. Pure and deterministic for a seed.
 *
 * Each grouping (CBA: official curriculum; AWS: domains) gets its quota of the mock, by weight.
 * Within a grouping, questions the candidate has never been shown come first (fresh questions are
 * the only ones a score can be read from); seen ones fill in only when the bank runs short, those
 * seen longest ago first. When a grouping has fewer questions than its quota, the
 * mock is completed from the other groupings and the shortfall is reported.
 *
 * On a track with official competencies (CBA), only on-list questions are sampled (`beyond`
 * questions stay in practice, drills and review), and each grouping's quota is spread across its
 * competencies round-robin, so a mock covers every competency of a domain before it repeats one.
 */

export type MockItem = { questionId: string; optionOrder: OptionKey[] };

export type MockSample = {
  items: MockItem[];
  /** Per grouping: how many questions the quota asked for that the bank could not supply. */
  shortfall: Record<string, number>;
  /** How many sampled questions the candidate had already seen. */
  repeats: number;
};

export function sampleMock(input: {
  track: Track;
  questions: readonly Question[];
  seed: number;
  count?: number;
  /** When the candidate was last shown each question (any mode). */
  lastSeen?: ReadonlyMap<string, Date>;
  /** Older form of `lastSeen`: seen, with no date. */
  recentlySeen?: ReadonlySet<string>;
}): MockSample {
  const { track, questions, seed } = input;
  const eligible = questions.filter((q) => isMockEligible(track, q)).length;
  const count = Math.min(input.count ?? track.questionCount, eligible);
  const seenAt = new Map<string, number>(
    [...(input.recentlySeen ?? [])].map((id) => [id, Number.NEGATIVE_INFINITY]),
  );
  for (const [id, at] of input.lastSeen ?? []) seenAt.set(id, at.getTime());
  const seen = { has: (id: string) => seenAt.has(id) };
  const random = seededRandom(seed);
  const quotas = blueprintQuotas(track, count);

  const byGroup = new Map<string, Question[]>();
  for (const q of questions) {
    if (!isMockEligible(track, q)) continue;
    const group = groupOf(track, q) ?? "";
    byGroup.set(group, [...(byGroup.get(group) ?? []), q]);
  }
  // Round-robin over competencies (one bucket on tracks without them), in a seeded order.
  const roundRobin = (qs: readonly Question[]) => {
    const buckets = new Map<string, Question[]>();
    for (const q of shuffled(qs, random)) {
      const key = q.competency ?? "";
      buckets.set(key, [...(buckets.get(key) ?? []), q]);
    }
    const lists = shuffled([...buckets.keys()].sort(), random).map((k) => buckets.get(k) ?? []);
    const out: Question[] = [];
    for (let i = 0; out.length < qs.length; i++) {
      for (const list of lists) {
        const q = list[i];
        if (q) out.push(q);
      }
    }
    return out;
  };
  // Unseen questions first, spread across competencies; then the seen ones, longest unseen first.
  const ordered = (qs: readonly Question[]) => [
    ...roundRobin(qs.filter((q) => !seen.has(q.id))),
    ...roundRobin(qs.filter((q) => seen.has(q.id))).sort(
      (a, b) => (seenAt.get(a.id) ?? 0) - (seenAt.get(b.id) ?? 0),
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
