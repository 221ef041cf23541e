import { BEYOND } from "./schema";
import type { Bank, DomainInfo, Question, Track } from "./types";

/**
 * Whether mock exams may use a question. On a track with official competencies (CBA) only
 * on-list questions count: a question tagged `beyond` (or with no known competency) stays in
 * practice, drills and review, but never in a mock. Tracks without competencies use every
 * question.
 */
export function isMockEligible(track: Track, question: Question): boolean {
  if (track.competencies.length === 0) return true;
  const c = question.competency;
  return c !== null && c !== BEYOND && track.competencies.some((k) => k.id === c);
}

/** The grouping mock exams of this track sample by (`domains` or `curriculum`). */
export function sampledGrouping(track: Track): readonly DomainInfo[] {
  return track.blueprint === "curriculum" ? track.curriculum : track.domains;
}

/** The id of the sampled grouping a question belongs to (its domain or curriculum id). */
export function groupOf(track: Track, question: Question): string | null {
  return track.blueprint === "curriculum" ? question.curriculum : question.domain;
}

/**
 * How many questions a mock exam of `total` questions takes from each grouping of the track's
 * blueprint, by weight, with largest-remainder rounding (ties go to the grouping listed first).
 * The result keeps the grouping order and its values always sum to `total`.
 */
export function blueprintQuotas(
  track: Track,
  total: number = track.questionCount,
): Record<string, number> {
  const groups = sampledGrouping(track);
  const n = Math.max(0, Math.floor(total));
  const weightSum = groups.reduce((acc, g) => acc + (g.weight ?? 0), 0);
  const quotas: Record<string, number> = {};
  if (groups.length === 0) return quotas;
  if (weightSum <= 0) {
    for (const g of groups) quotas[g.id] = 0;
    return quotas;
  }
  const exact = groups.map((g, index) => {
    const share = (n * (g.weight ?? 0)) / weightSum;
    // Round away float noise (e.g. 65 * 0.24 = 15.600000000000001) before flooring.
    const clean = Math.round(share * 1e9) / 1e9;
    return { id: g.id, index, floor: Math.floor(clean), remainder: clean - Math.floor(clean) };
  });
  let left = n - exact.reduce((acc, e) => acc + e.floor, 0);
  const order = [...exact].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const e of order) {
    if (left <= 0) break;
    e.floor += 1;
    left -= 1;
  }
  for (const e of exact) quotas[e.id] = e.floor;
  return quotas;
}

/** Mock-eligible questions of the track available per grouping id of its blueprint. */
export function availableByGroup(bank: Bank, trackId: string): Record<string, number> {
  const track = bank.tracks.get(trackId);
  const counts: Record<string, number> = {};
  if (!track) return counts;
  for (const g of sampledGrouping(track)) counts[g.id] = 0;
  for (const q of bank.questionsOf(trackId)) {
    if (!isMockEligible(track, q)) continue;
    const group = groupOf(track, q);
    if (group !== null && group in counts) counts[group] = (counts[group] ?? 0) + 1;
  }
  return counts;
}

/**
 * How many disjoint full mock exams the bank can assemble for a track at the blueprint quotas:
 * the minimum over groupings of floor(available / quota). 0 for an unknown track.
 */
export function distinctMocks(bank: Bank, trackId: string): number {
  const track = bank.tracks.get(trackId);
  if (!track) return 0;
  const quotas = blueprintQuotas(track);
  const available = availableByGroup(bank, trackId);
  let mocks = Number.POSITIVE_INFINITY;
  for (const [id, quota] of Object.entries(quotas)) {
    if (quota <= 0) continue;
    mocks = Math.min(mocks, Math.floor((available[id] ?? 0) / quota));
  }
  return Number.isFinite(mocks) ? mocks : 0;
}

/**
 * Per grouping of the blueprint: how many disjoint full mocks its mock-eligible pool can fill at
 * its quota (`null` for a grouping with a quota of 0).
 */
export function freshMocksByGroup(bank: Bank, trackId: string): Record<string, number | null> {
  const track = bank.tracks.get(trackId);
  const out: Record<string, number | null> = {};
  if (!track) return out;
  const quotas = blueprintQuotas(track);
  const available = availableByGroup(bank, trackId);
  for (const [id, quota] of Object.entries(quotas)) {
    out[id] = quota > 0 ? Math.floor((available[id] ?? 0) / quota) : null;
  }
  return out;
}

/** Questions per competency id (plus `beyond`) of a track with competencies. */
export function competencyCounts(bank: Bank, trackId: string): Record<string, number> {
  const track = bank.tracks.get(trackId);
  const counts: Record<string, number> = {};
  if (!track || track.competencies.length === 0) return counts;
  for (const c of track.competencies) counts[c.id] = 0;
  counts[BEYOND] = 0;
  for (const q of bank.questionsOf(trackId)) {
    const c = q.competency ?? BEYOND;
    counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}
