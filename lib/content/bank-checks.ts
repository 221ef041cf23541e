/**
 * Bank-wide checks that content:check runs after a successful compile (issue 18). Pure.
 *
 * - near-copies (errors) and same-scenario pairs (warnings) across all tracks (./similarity),
 *   each reported at both files' stem lines;
 * - key-position / key-set skew per track (./keyskew), reported as warnings.
 */
import { keySkew, type SkewGroup } from "./keyskew";
import { htmlToText, NEAR_COPY, nearDuplicates, type SimilaritySetting } from "./similarity";
import type { Bank, Question } from "./types";

export interface DuplicateFinding {
  readonly a: { readonly id: string; readonly file: string; readonly line: number };
  readonly b: { readonly id: string; readonly file: string; readonly line: number };
  readonly jaccard: number;
}

/** 1-based line of a question file's stem: the first non-blank line after the front matter. */
export function stemLine(text: string): number {
  const lines = text.split(/\r?\n/);
  let i = 0;
  if (lines[0]?.trim() === "---") {
    i = 1;
    while (i < lines.length && lines[i]?.trim() !== "---") i++;
    i++;
  }
  while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
  return Math.min(i, lines.length - 1) + 1;
}

/** Near-duplicate pairs across the whole bank, with file:line of each stem. */
export function findNearDuplicates(
  bank: Bank,
  textOf: (file: string) => string | undefined,
  setting: SimilaritySetting = NEAR_COPY,
): DuplicateFinding[] {
  const pairs = nearDuplicates(
    bank.questions.map((q) => ({
      id: q.id,
      stem: htmlToText(q.stemHtml),
      options: q.options.map((o) => o.text),
    })),
    setting,
  );
  const place = (q: Question) => ({ id: q.id, file: q.file, line: stemLine(textOf(q.file) ?? "") });
  return pairs.map((p) => ({
    a: place(bank.byId.get(p.a) as Question),
    b: place(bank.byId.get(p.b) as Question),
    jaccard: p.jaccard,
  }));
}

/** Key-skew groups per track. */
export function keySkewByTrack(bank: Bank): Map<string, SkewGroup[]> {
  const out = new Map<string, SkewGroup[]>();
  for (const id of bank.tracks.keys()) {
    out.set(
      id,
      keySkew(
        bank.questionsOf(id).map((q) => ({
          type: q.type,
          optionCount: q.options.length,
          correctKeys: q.correctKeys,
        })),
      ),
    );
  }
  return out;
}
