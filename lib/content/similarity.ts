/**
 * Near-duplicate detection across the question bank (issue 18). Pure.
 *
 * Each question becomes a set of word shingles: its stem and each option are lower-cased, split
 * into words (letters and digits; code identifiers count as words), and every run of `k`
 * consecutive words inside one of those texts is a shingle (runs never cross from the stem into an
 * option, so option order does not matter). Two questions are near-duplicates when the Jaccard
 * similarity of their shingle sets, |A ∩ B| / |A ∪ B|, reaches the threshold.
 *
 * Two settings are used (docs/decisions/0011-cba-competencies-and-bank-checks.md):
 *
 * - NEAR_COPY: 3-word shingles of all words, Jaccard ≥ 0.5. Catches copied or lightly edited
 *   questions; content:check fails on them.
 * - SAME_SCENARIO: single content words (stop words dropped), Jaccard ≥ 0.4. Catches the same
 *   scenario re-told in other words (e.g. one Savings Plans story in three AWS tracks); it is
 *   fuzzy, so content:check lists these pairs as warnings for a person to judge.
 *
 * Speed: exact prefix filtering instead of comparing all pairs. Shingles are ranked rarest first
 * across the bank; if J(A, B) ≥ t then |A ∩ B| ≥ t·|A|, so A and B must share a shingle among the
 * first |A| − ⌈t·|A|⌉ + 1 rarest shingles of each. Only pairs sharing such a prefix shingle (and
 * with compatible sizes) are scored, and every pair at or above the threshold is found.
 */

export interface SimilarityInput {
  readonly id: string;
  /** Plain text of the stem. */
  readonly stem: string;
  /** Plain text of each option. */
  readonly options: readonly string[];
}

export interface SimilarPair {
  readonly a: string;
  readonly b: string;
  /** Jaccard similarity of the two shingle sets, 0–1. */
  readonly jaccard: number;
}

export interface SimilaritySetting {
  /** Words per shingle. */
  readonly k: number;
  /** Drop STOP_WORDS before shingling. */
  readonly dropStopWords: boolean;
  /** Jaccard similarity at or above which a pair is reported. */
  readonly threshold: number;
}

export const NEAR_COPY: SimilaritySetting = { k: 3, dropStopWords: false, threshold: 0.5 };
export const SAME_SCENARIO: SimilaritySetting = { k: 1, dropStopWords: true, threshold: 0.4 };

/** Function words that say nothing about a question's topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the of to in on for and or but if then than is are was were be been being by with as at " +
    "from into onto that this these those which what who whom whose when where why how it its " +
    "does do did done can could should would will shall may might must not no nor so such only " +
    "also both each every any all some more most other same own your you their they them there " +
    "here has have had we our us he she his her i me my"
  ).split(" "),
);

/** Lower-cased words of a text: runs of letters and digits (`app-config.yaml` → app, config, yaml). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The set of k-word shingles of each text, united. A text shorter than k adds itself whole. */
export function shingleSet(
  texts: readonly string[],
  k: number = NEAR_COPY.k,
  dropStopWords = false,
): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    const all = words(text);
    const w = dropStopWords ? all.filter((x) => !STOP_WORDS.has(x)) : all;
    if (w.length === 0) continue;
    if (w.length < k) {
      out.add(w.join(" "));
      continue;
    }
    for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(" "));
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Every pair of inputs whose shingle sets reach `threshold` Jaccard similarity, most similar first. */
export function nearDuplicates(
  inputs: readonly SimilarityInput[],
  setting: SimilaritySetting = NEAR_COPY,
): SimilarPair[] {
  const t = setting.threshold;
  if (!(t > 0 && t <= 1)) throw new RangeError("threshold must be in (0, 1]");
  const sets = inputs.map((q) =>
    shingleSet([q.stem, ...q.options], setting.k, setting.dropStopWords),
  );

  // Rank shingles by how many questions hold them (rarest first; ties keep first-seen order, which
  // is deterministic for a given input), and turn each set into its ascending array of ranks:
  // prefixes and merges are then integer work. Every pair at or above the threshold is found
  // whatever the tie order.
  const frequency = new Map<string, number>();
  for (const set of sets) for (const s of set) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const ranked = [...frequency.keys()].sort(
    (a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0),
  );
  const rankOf = new Map(ranked.map((s, i) => [s, i] as const));
  const arrays = sets.map((set) => Int32Array.from([...set].map((s) => rankOf.get(s) ?? 0)).sort());

  const index: number[][] = Array.from({ length: ranked.length }, () => []);
  const pairs: SimilarPair[] = [];
  // Visit smaller sets first so each pair is scored once, from its larger member.
  const order = arrays
    .map((_, i) => i)
    .sort((x, y) => (arrays[x]?.length ?? 0) - (arrays[y]?.length ?? 0));
  const scoredFor = new Int32Array(inputs.length).fill(-1);
  for (const i of order) {
    const mine = arrays[i] as Int32Array;
    const n = mine.length;
    if (n === 0) continue;
    const prefix = n - Math.ceil(t * n) + 1;
    for (let p = 0; p < prefix; p++) {
      for (const j of index[mine[p] as number] as number[]) {
        if (scoredFor[j] === i) continue;
        scoredFor[j] = i;
        const other = arrays[j] as Int32Array;
        if (other.length < t * n) continue; // size filter: J ≤ |small| / |large|
        const score = sortedJaccard(mine, other);
        if (score >= t) {
          const [a, b] = [inputs[j]?.id ?? "", inputs[i]?.id ?? ""].sort();
          pairs.push({ a: a as string, b: b as string, jaccard: score });
        }
      }
    }
    for (let p = 0; p < prefix; p++) (index[mine[p] as number] as number[]).push(i);
  }
  return pairs.sort(
    (x, y) => y.jaccard - x.jaccard || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1),
  );
}

/** Jaccard similarity of two ascending integer arrays without repeats. */
function sortedJaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared / (a.length + b.length - shared);
}

/** Plain text of rendered HTML (tags dropped, common entities decoded). */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}
