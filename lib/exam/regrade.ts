import { OPTION_KEYS, type OptionKey, type Question } from "@/lib/content/types";
import { optionHashesOf } from "./grading";

/**
 * Does a version's answer key mean the same as the current question's: the same options (by
 * text) are correct? A wording fix or a reorder that keeps the same correct options is not a
 * key change, so it records no regrade. Versions without option hashes compare letters. Pure.
 */
export function sameMeaning(
  version: { correctKeys: readonly string[]; optionHashes: readonly string[] },
  current: Pick<Question, "options" | "correctKeys">,
): boolean {
  const identity = (hashes: readonly string[], correct: readonly string[]) =>
    correct
      .map((k) => (hashes.length ? (hashes[OPTION_KEYS.indexOf(k as OptionKey)] ?? k) : k))
      .sort()
      .join(",");
  const currentHashes = version.optionHashes.length ? optionHashesOf(current) : [];
  return (
    identity(version.optionHashes, version.correctKeys) ===
    identity(currentHashes, current.correctKeys)
  );
}
