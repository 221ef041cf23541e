import { createHash } from "node:crypto";
import { OPTION_KEYS, type OptionKey, type Question } from "@/lib/content/types";
import { isCorrect } from "./scoring";

/**
 * Grading across question versions. Pure.
 *
 * A candidate's selection is stored in the authored keys of the version they were shown. A later
 * version may move an option to another letter (options reordered), change the key, or revert it.
 * Each version records a hash of every option's text, so a selection is carried into the current
 * version's keys by option text; an option whose text changed falls back to its letter.
 */

/** Hash of each option's plain text, in authored key order. */
export function optionHashesOf(question: Pick<Question, "options">): string[] {
  return question.options.map((o) =>
    createHash("sha256").update(o.text.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 16),
  );
}

/** The selection, made on a version with `shownHashes`, in the keys of `current`. */
export function selectionInCurrentKeys(
  selected: readonly OptionKey[],
  shownHashes: readonly string[],
  current: Pick<Question, "options">,
): OptionKey[] {
  if (shownHashes.length === 0) return [...selected];
  const currentHashes = optionHashesOf(current);
  return selected.map((key) => {
    const hash = shownHashes[OPTION_KEYS.indexOf(key)];
    const at = hash === undefined ? -1 : currentHashes.indexOf(hash);
    return at >= 0 ? (OPTION_KEYS[at] as OptionKey) : key;
  });
}

export type ShownQuestion = {
  questionId: string;
  /** The version the candidate saw. */
  questionHash: string;
  /** Its option hashes (empty for versions recorded before hashes were). */
  shownHashes: readonly string[];
};

/**
 * Each shown question graded against the current bank: the selection carried into current keys,
 * then all-or-nothing. A question no longer in the bank keeps no result (null).
 */
export function gradeQuestions(
  shown: readonly ShownQuestion[],
  answers: ReadonlyMap<string, readonly OptionKey[]>,
  byId: ReadonlyMap<string, Question>,
): Map<string, { correct: boolean; gradedHash: string; selected: OptionKey[] } | null> {
  const out = new Map<
    string,
    { correct: boolean; gradedHash: string; selected: OptionKey[] } | null
  >();
  for (const s of shown) {
    const q = byId.get(s.questionId);
    if (!q) {
      out.set(s.questionId, null);
      continue;
    }
    const raw = answers.get(s.questionId) ?? [];
    const selected =
      q.hash === s.questionHash ? [...raw] : selectionInCurrentKeys(raw, s.shownHashes, q);
    out.set(s.questionId, {
      correct: isCorrect(q.correctKeys, selected),
      gradedHash: q.hash,
      selected,
    });
  }
  return out;
}
