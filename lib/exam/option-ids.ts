import { createHmac } from "node:crypto";
import type { OptionKey, Question } from "@/lib/content/types";

/**
 * Opaque option ids. The browser never sees an option's authoring letter: authored keys are
 * skewed (a multiple-response key of {A, C} is far more common than chance), so a letter in the
 * page would hint at the answer. Each option is sent under an HMAC of (attempt, question, key),
 * which differs per attempt and cannot be told apart or reversed without the server's secret.
 * Events are still stored with authored keys: the server maps ids back on the way in. Pure.
 */

export type OptionIdCodec = {
  idOf(questionId: string, key: OptionKey): string;
  /** Authored keys of the ids; an id that is not one of the question's options maps to null. */
  keysOf(question: Pick<Question, "id" | "options">, ids: readonly string[]): (OptionKey | null)[];
};

export { OPTION_ID_PATTERN } from "./player";

export function optionIdCodec(secret: string, attemptId: string): OptionIdCodec {
  const idOf = (questionId: string, key: OptionKey) =>
    createHmac("sha256", secret)
      .update(`${attemptId}\u0000${questionId}\u0000${key}`)
      .digest("base64url")
      .slice(0, 16);
  return {
    idOf,
    keysOf(question, ids) {
      const byId = new Map(question.options.map((o) => [idOf(question.id, o.key), o.key]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}

/** The option-id key, derived from the app's signing secret (never used as-is elsewhere). */
export function optionIdSecret(appSecret: string): string {
  return createHmac("sha256", appSecret).update("passmark/option-ids/v1").digest("base64url");
}
