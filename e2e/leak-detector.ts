import type { Question } from "@/lib/content/types";

/**
 * Finds answer material in what a browser received: HTML, the RSC/flight payload (JSON inside
 * JS strings, so escaped once or twice), JSON and JS chunks. Every body is decoded the same way
 * (escapes undone, entities decoded, tags dropped, whitespace collapsed) before searching for
 * each question's explanation and rationales, key markers, and authoring letters used as option
 * values. Pure, so it can be tested against planted leaks.
 */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function unescapeOnce(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    )
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    )
    .replace(/\\([nrt])/g, " ")
    .replace(/\\(["'\\/`])/g, "$1");
}

export function normalise(body: string): string {
  let text = body;
  // The flight payload nests JSON in JS strings: undo escaping until nothing changes.
  for (let i = 0; i < 3; i++) {
    const next = unescapeOnce(text);
    if (next === text) break;
    text = next;
  }
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    )
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ");
}

const plain = (html: string) => normalise(html).trim();

/** A distinctive stretch of a text: long enough not to match by chance. */
const probe = (text: string) => text.slice(0, 60).trim();

export type Leak = { questionId: string; what: string };

export function findLeaks(bodies: readonly string[], questions: readonly Question[]): Leak[] {
  const raw = bodies.join("\n");
  const text = normalise(raw);
  const leaks: Leak[] = [];
  for (const q of questions) {
    const explanation = probe(plain(q.explanationHtml));
    if (explanation.length >= 20 && text.includes(explanation)) {
      leaks.push({ questionId: q.id, what: "explanation" });
    }
    for (const o of q.options) {
      const rationale = o.rationaleHtml ? probe(plain(o.rationaleHtml)) : "";
      if (rationale.length >= 20 && text.includes(rationale)) {
        leaks.push({ questionId: q.id, what: `rationale of ${o.key}` });
      }
    }
  }
  const markers: [RegExp, string][] = [
    [/"correct(?:Keys)?"\s*:/, "a correct/correctKeys field"],
    [/"rationales?(?:Html)?"\s*:/, "a rationale field"],
    [/"explanationHtml"\s*:/, "an explanation field"],
    [/value="[A-J]"/, "an authoring letter as an option value"],
    [/"key"\s*:\s*"[A-J]"/, "an authoring letter as an option key"],
  ];
  const once = unescapeOnce(raw);
  const forms = [raw, once, unescapeOnce(once)];
  for (const [pattern, what] of markers) {
    if (forms.some((form) => pattern.test(form))) {
      leaks.push({ questionId: "*", what });
    }
  }
  return leaks;
}
