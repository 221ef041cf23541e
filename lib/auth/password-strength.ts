import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/**
 * Password strength by zxcvbn-ts: pattern matching against ~40,000 passwords from public breach
 * corpora (`passwords-common`), dictionaries of names and words, keyboard walks, dates,
 * repeats and l33t substitutions. A password must reach score 3 of 4 ("safely unguessable":
 * about 10^8 guesses or more). Server-only by weight (the dictionaries are large), pure.
 */
const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

export const MIN_SCORE = 3;

/** A message when the password is too guessable (the user's own name and email count), or null. */
export function weakPasswordProblem(
  password: string,
  userInputs: readonly string[] = [],
): string | null {
  const result = zxcvbn.check(password, [...userInputs]);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ?? "It would be guessed quickly.";
  const tip = result.feedback.suggestions[0] ?? "Add a few more uncommon words.";
  return `This password is too easy to guess. ${why} ${tip}`.replace(/\s+/g, " ").trim();
}
