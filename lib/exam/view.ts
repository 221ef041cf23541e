import type { Bank, OptionKey } from "@/lib/content/types";
import type { PlayerState } from "@/lib/exam/player";

/**
 * What the browser receives for an open attempt: stems and option texts in the attempt's order,
 * the candidate's own answers and flags — never which options are correct, the rationales or the
 * explanation. Pure.
 */
export function playerStateOf(input: {
  bank: Bank;
  attempt: {
    id: string;
    trackId: string;
    deadline: Date | null;
    isBaseline: boolean;
    questions: readonly { position: number; questionId: string; optionOrder: readonly string[] }[];
  };
  answers: ReadonlyMap<string, readonly OptionKey[]>;
  flagged: readonly string[];
  now: Date;
}): PlayerState {
  const { bank, attempt } = input;
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
            return html === undefined ? [] : [{ key: key as OptionKey, html }];
          }),
          domainTitle: domainTitle(q.domain),
        },
      ];
    }),
    answers: Object.fromEntries([...input.answers].map(([id, keys]) => [id, [...keys]])),
    flagged: [...input.flagged],
  };
}
