import matter from "gray-matter";
import { SCAFFOLD_MARKER } from "./question";
import type { QuestionType, Track } from "./types";
import { parseYaml } from "./yaml";

/** The `id` in a question file's front matter, or `null` (never throws). */
export function frontMatterId(text: string): string | null {
  let id: string | null = null;
  try {
    matter(text.replace(/\r\n?/g, "\n"), {
      engines: {
        yaml: (s: string) => {
          const parsed = parseYaml(s);
          const value = parsed.ok ? parsed.value : null;
          if (value && typeof value === "object" && "id" in value && typeof value.id === "string") {
            id = value.id;
          }
          return {};
        },
      },
    });
  } catch {
    return null;
  }
  return id;
}

/** `<prefix>-<domain>-NNN` one above the highest number in use (001 when none). */
export function nextQuestionId(
  prefix: string,
  domain: string,
  existingIds: Iterable<string>,
): string {
  const pattern = new RegExp(`^${prefix}-${domain}-(\\d{3,})$`);
  let max = 0;
  for (const id of existingIds) {
    const m = pattern.exec(id);
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${domain}-${String(max + 1).padStart(3, "0")}`;
}

const T = SCAFFOLD_MARKER;

/**
 * A new question file. Every placeholder carries the scaffold marker, so the file fails
 * `content:check` until the author has replaced all of them.
 */
export function scaffoldQuestion(
  track: Track,
  domain: string,
  type: QuestionType,
  id: string,
): string {
  const multiple = type === "multiple";
  const curriculum =
    track.curriculum.length > 0
      ? `curriculum: ${T} one of ${track.curriculum.map((c) => c.id).join(" | ")}\n`
      : "";
  const competency =
    track.competencies.length > 0
      ? `competency: ${T} one of ${track.competencies.map((c) => c.id).join(" | ")} | beyond\n`
      : "";
  const docs = track.domains.find((d) => d.id === domain)?.docs[0]?.url ?? track.officialUrl;
  const options = multiple
    ? [
        `- [x] ${T} first correct option`,
        `  > ${T} why it is correct`,
        `- [x] ${T} second correct option`,
        `  > ${T} why it is correct`,
        `- [ ] ${T} plausible wrong option 1`,
        `  > ${T} why it is wrong`,
        `- [ ] ${T} plausible wrong option 2`,
        `  > ${T} why it is wrong`,
        `- [ ] ${T} plausible wrong option 3`,
        `  > ${T} why it is wrong`,
      ]
    : [
        `- [x] ${T} the one correct option`,
        `  > ${T} why it is correct`,
        `- [ ] ${T} plausible wrong option 1`,
        `  > ${T} why it is wrong`,
        `- [ ] ${T} plausible wrong option 2`,
        `  > ${T} why it is wrong`,
        `- [ ] ${T} plausible wrong option 3`,
        `  > ${T} why it is wrong`,
      ];
  return `---
id: ${id}
domain: ${domain}
${curriculum}${competency}type: ${type}
difficulty: ${T} easy | medium | hard
tags: []
sources:
  - ${docs} ${T} the official page that proves the answer
---

${T} Write the scenario and the question.${multiple ? " End the stem with: Choose two." : ""}

${options.join("\n")}

## Explanation

${T} Why the key is right and why each other option is wrong, citing the source.
`;
}
