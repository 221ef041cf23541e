import type { Bank, OptionKey } from "@/lib/content/types";
import type { OptionIdCodec } from "@/lib/exam/option-ids";
import type { PlayerState } from "@/lib/exam/player";
import { type CheckedFeedback, feedbackFor } from "@/lib/exam/practice";
import { isCorrect } from "@/lib/exam/scoring";

/**
 * What the browser receives for an open attempt: stems and option texts in the attempt's order,
 * the candidate's own answers and flags — never which options are correct, the rationales or the
 * explanation, except for the questions already checked in an immediate-feedback mode. Options
 * go out under opaque per-attempt ids, never their authoring letters. Pure.
 */
export function playerStateOf(input: {
  bank: Bank;
  attempt: {
    id: string;
    trackId: string;
    deadline: Date | null;
    isBaseline: boolean;
    mode: PlayerState["mode"];
    questions: readonly { position: number; questionId: string; optionOrder: readonly string[] }[];
  };
  answers: ReadonlyMap<string, readonly OptionKey[]>;
  flagged: readonly string[];
  /** Questions checked in an immediate-feedback mode; ignored for mocks. */
  checked?: ReadonlySet<string>;
  optionIds: OptionIdCodec;
  now: Date;
}): PlayerState {
  const { bank, attempt, optionIds } = input;
  const track = bank.tracks.get(attempt.trackId);
  const domainTitle = (id: string) => track?.domains.find((d) => d.id === id)?.title ?? id;
  return {
    attemptId: attempt.id,
    trackTitle: track?.title ?? attempt.trackId,
    deadline: attempt.deadline?.toISOString() ?? null,
    serverNow: input.now.toISOString(),
    isBaseline: attempt.isBaseline,
    questions: attempt.questions.flatMap((aq) => {
      const q = bank.byId.get(aq.questionId);
      if (!q) return [];
      const byKey = new Map(q.options.map((o) => [o.key, o.html]));
      return [
        {
          questionId: q.id,
          position: aq.position,
          type: q.type,
          chooseCount: q.chooseCount,
          stemHtml: q.stemHtml,
          options: aq.optionOrder.flatMap((key) => {
            const html = byKey.get(key as OptionKey);
            return html === undefined
              ? []
              : [{ key: optionIds.idOf(q.id, key as OptionKey), html }];
          }),
          // A timed mock does not say (the real exam gives no such hint); practice does.
          domainTitle: attempt.mode === "mock" ? "" : domainTitle(q.domain),
        },
      ];
    }),
    answers: Object.fromEntries(
      [...input.answers].map(([id, keys]) => [id, keys.map((k) => optionIds.idOf(id, k))]),
    ),
    flagged: [...input.flagged],
    mode: attempt.mode,
    checked:
      attempt.mode === "mock" ? {} : checkedFeedback(bank, input.checked, input.answers, optionIds),
  };
}

function checkedFeedback(
  bank: Bank,
  checked: ReadonlySet<string> | undefined,
  answers: ReadonlyMap<string, readonly OptionKey[]>,
  optionIds: OptionIdCodec,
): Record<string, CheckedFeedback<string>> {
  const out: Record<string, CheckedFeedback<string>> = {};
  for (const id of checked ?? []) {
    const q = bank.byId.get(id);
    if (!q) continue;
    const selected = answers.get(id) ?? [];
    out[id] = feedbackWithIds(
      id,
      feedbackFor(q, selected, isCorrect(q.correctKeys, selected)),
      optionIds,
    );
  }
  return out;
}

/** The feedback of one question with its option keys replaced by the attempt's option ids. */
export function feedbackWithIds(
  questionId: string,
  feedback: CheckedFeedback,
  optionIds: OptionIdCodec,
): CheckedFeedback<string> {
  const id = (key: OptionKey) => optionIds.idOf(questionId, key);
  return {
    ...feedback,
    selected: feedback.selected.map(id),
    correctKeys: feedback.correctKeys.map(id),
    rationales: Object.fromEntries(
      Object.entries(feedback.rationales).map(([key, html]) => [id(key as OptionKey), html]),
    ),
  };
}
