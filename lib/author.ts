import type { Question } from "@/lib/content/types";

/** Author tools over the compiled bank. Pure. */

export type QuestionFilter = {
  q?: string | undefined;
  track?: string | undefined;
  domain?: string | undefined;
};

const ENTITIES: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
};

/** Visible text of compiled (already sanitised) HTML, for searching. */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&(lt|gt|amp|quot|#x27|#39);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Questions matching every word of `q` in their id, tags, stem or options (case-insensitive),
 * within the track and domain when given.
 */
export function searchQuestions(
  questions: readonly Question[],
  filter: QuestionFilter,
): Question[] {
  const words = (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return questions.filter((question) => {
    if (filter.track && question.trackId !== filter.track) return false;
    if (filter.domain && question.domain !== filter.domain) return false;
    if (words.length === 0) return true;
    const haystack = [
      question.id,
      ...question.tags,
      htmlText(question.stemHtml),
      ...question.options.map((o) => o.text),
    ]
      .join(" ")
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
