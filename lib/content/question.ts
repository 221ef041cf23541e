import { createHash } from "node:crypto";
import matter from "gray-matter";
import {
  type Block,
  inlineContent,
  linesOf,
  type Markdown,
  parseMarkdown,
  plainText,
  renderBlocks,
  renderInline,
  taskChecked,
} from "./markdown";
import {
  BEYOND,
  errorMap,
  type FrontMatter,
  frontMatterSchema,
  pathLabel,
  toIssues,
} from "./schema";
import {
  OPTION_KEYS,
  type OptionKey,
  type Problem,
  type Question,
  type QuestionOption,
  type Track,
} from "./types";
import { parseYaml, type YamlPath } from "./yaml";

const KEYS = OPTION_KEYS;
const CHOOSE_WORDS: Record<string, number> = { two: 2, three: 3, four: 4 };
const CHOOSE_RE = /\bChoose (\w+)\./gi;
const ORDER_DEPENDENT =
  /\b(?:all|none|both|neither|either) of the (?:above|below|previous|following|others)\b|\b(?:both|either|neither) [A-J] (?:and|or|nor) [A-J]\b|\b(?:options?|answers?|choices?) [A-J]\b/i;

/** Marker left by `npm run content:new`; a file containing it can never pass the check. */
export const SCAFFOLD_MARKER = "TODO(author)";

const rejectEngine = () => {
  throw new Error("only YAML front matter is allowed");
};

export interface QuestionInput {
  file: string;
  text: string;
  trackId: string;
  domainFolder: string;
  /** `null` when the track's track.yaml is missing or invalid: track rules are skipped. */
  track: Track | null;
}

export interface ParsedQuestion {
  question: Question | null;
  problems: Problem[];
  /** Present when the front matter had a string id: used for bank-wide uniqueness. */
  id?: { value: string; line: number };
}

interface RawOption {
  item: Block;
  paragraph: Block;
  rationale: Block | null;
  correct: boolean;
  line: number;
}

function headingText(node: Block): string {
  return plainText(node.inline?.children ?? []).trim();
}

const isList = (node: Block) => node.type === "bullet_list" || node.type === "ordered_list";

function isTaskList(node: Block): boolean {
  return isList(node) && node.children.some((item) => taskChecked(item) !== null);
}

/** Whether a block spans more than one source line. */
function multiLine(node: Block): boolean {
  const [start, end] = linesOf(node);
  return end - start > 1;
}

/** Whitespace normalisation of markdown source for hashing. */
function normalise(source: string): string {
  return source
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Whitespace-normalised markdown source of a run of top-level blocks, for hashing. */
function sourceOf(lines: readonly string[], nodes: readonly Block[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return "";
  return normalise(lines.slice(linesOf(first)[0], linesOf(last)[1]).join("\n"));
}

/** Whether text starts with a GFM autolink literal (`www.`, `http(s)://`, e-mail): remark linked it. */
function startsWithAutolinkLiteral(text: string): boolean {
  const url = /^(www\.|https?:\/\/)([^\s</?#]*)/i.exec(text);
  if (url) {
    // A valid domain: no underscore in its last two labels.
    const labels = `${/^www\./i.test(url[1] ?? "") ? "www." : ""}${url[2]}`;
    const valid = /^[\p{L}\p{N}_-]/u.test(url[2] ?? "");
    return (
      valid &&
      !labels
        .split(".")
        .slice(-2)
        .some((label) => label.includes("_"))
    );
  }
  const email = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0];
  return email !== undefined && !/[-_]$/.test(email);
}

/**
 * Whitespace-normalised markdown of a one-line paragraph, for hashing. An option's source is what
 * the hash has always covered (it was remark's paragraph position): the text after `[x] ` when
 * the option starts with plain text, else the whole line including the `[x]` marker.
 */
function paragraphSource(paragraph: Block): string {
  const inline = paragraph.inline;
  if (!inline) return "";
  const source = inline.meta?.source;
  if (typeof source !== "string") return normalise(inline.content);
  const head = inlineContent(paragraph)[0];
  const startsWithText =
    head?.type === "text" && head.content !== "" && !startsWithAutolinkLiteral(head.content);
  return normalise(startsWithText ? inline.content : source);
}

export function parseQuestion(input: QuestionInput): ParsedQuestion {
  const { file, track } = input;
  const text = input.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const problems: Problem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });

  const scaffoldLines = text
    .split("\n")
    .flatMap((l, i) => (l.includes(SCAFFOLD_MARKER) ? [i + 1] : []));
  for (const l of scaffoldLines) {
    problem(l, `unfinished: replace the \`${SCAFFOLD_MARKER}\` placeholder left by content:new`);
  }
  if (text.split("\n", 1)[0] !== "---" || text.indexOf("\n---", 3) === -1) {
    problem(
      1,
      "a question file must start with YAML front matter: a `---` line, the fields, and a closing `---` line",
    );
    return { question: null, problems };
  }

  // gray-matter splits the front matter; js-yaml 5 parses it (with line tracking, no aliases).
  let yaml: ReturnType<typeof parseYaml> | null = null;
  const split = matter(text, {
    engines: {
      yaml: (s: string) => {
        yaml = parseYaml(s);
        return {};
      },
      js: rejectEngine,
      javascript: rejectEngine,
      json: rejectEngine,
    },
  });
  const body = split.content;
  const header = text.slice(0, text.length - body.length);
  const bodyOffset = header.split("\n").length - 1;
  const fmResult = yaml as ReturnType<typeof parseYaml> | null;

  // ---- front matter ----
  let fm: FrontMatter | null = null;
  let locate: (path: YamlPath) => number = () => 1;
  let id: ParsedQuestion["id"];
  if (fmResult === null) {
    problem(1, "the front matter is empty");
  } else if (!fmResult.ok) {
    problem(fmResult.line, fmResult.message);
  } else {
    locate = fmResult.locate;
    const value = fmResult.value;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problem(2, "the front matter must be a YAML mapping of fields");
    } else {
      const rawId = (value as Record<string, unknown>).id;
      if (typeof rawId === "string") id = { value: rawId, line: locate(["id"]) };
      const parsed = frontMatterSchema.safeParse(value, { error: errorMap });
      if (parsed.success) fm = parsed.data;
      else {
        for (const issue of toIssues(parsed.error)) {
          problem(locate(issue.path), `\`${pathLabel(issue.path)}\` ${issue.message}`);
        }
      }
    }
  }
  const fmProblem = (path: YamlPath, message: string) =>
    problem(locate(path), `\`${pathLabel(path)}\` ${message}`);

  if (fm && track) {
    const domain = track.domains.find((d) => d.id === fm.domain);
    if (!domain) {
      fmProblem(
        ["domain"],
        `"${fm.domain}" is not a domain of track \`${track.id}\` (one of: ${track.domains.map((d) => d.id).join(", ")})`,
      );
    } else if (fm.domain !== input.domainFolder) {
      fmProblem(
        ["domain"],
        `is "${fm.domain}" but the file is in the folder "${input.domainFolder}": move the file or fix the field`,
      );
    }
    if (domain) {
      const pattern = new RegExp(`^${track.idPrefix}-${fm.domain}-\\d{3}$`);
      if (!pattern.test(fm.id)) {
        fmProblem(["id"], `must look like \`${track.idPrefix}-${fm.domain}-NNN\` (three digits)`);
      }
    }
    if (track.curriculum.length > 0) {
      if (fm.curriculum === undefined) {
        fmProblem(
          ["curriculum"],
          `is required on track \`${track.id}\` (one of: ${track.curriculum.map((c) => c.id).join(", ")})`,
        );
      } else if (!track.curriculum.some((c) => c.id === fm.curriculum)) {
        fmProblem(
          ["curriculum"],
          `"${fm.curriculum}" is not a curriculum id of track \`${track.id}\` (one of: ${track.curriculum.map((c) => c.id).join(", ")})`,
        );
      }
    } else if (fm.curriculum !== undefined) {
      fmProblem(
        ["curriculum"],
        `is not allowed: track \`${track.id}\` has no curriculum groupings`,
      );
    }
    if (track.competencies.length > 0) {
      const known = track.competencies.find((c) => c.id === fm.competency);
      if (fm.competency === undefined) {
        fmProblem(
          ["competency"],
          `is required on track \`${track.id}\` (one of: ${track.competencies.map((c) => c.id).join(", ")}, or \`${BEYOND}\` for a topic the official list does not name)`,
        );
      } else if (fm.competency !== BEYOND && !known) {
        fmProblem(
          ["competency"],
          `"${fm.competency}" is not a competency of track \`${track.id}\` (one of: ${track.competencies.map((c) => c.id).join(", ")}, or \`${BEYOND}\`)`,
        );
      } else if (known && fm.curriculum !== undefined && fm.curriculum !== known.curriculum) {
        fmProblem(
          ["curriculum"],
          `is "${fm.curriculum}" but competency ${known.id} belongs to \`${known.curriculum}\`: an on-list question's curriculum must be its competency's`,
        );
      }
    } else if (fm.competency !== undefined) {
      fmProblem(["competency"], `is not allowed: track \`${track.id}\` has no competencies`);
    }
    if (!track.questionTypes.includes(fm.type)) {
      fmProblem(
        ["type"],
        `\`${fm.type}\` is not allowed on track \`${track.id}\` (allowed: ${track.questionTypes.join(", ")})`,
      );
    }
  }

  // ---- body ----
  const doc: Markdown = parseMarkdown(body);
  const nodes = doc.blocks;
  const bodyLines = body.split("\n");
  const line = (node: Block | undefined) => (node ? linesOf(node)[0] : 0) + 1 + bodyOffset;
  const lastLine = bodyLines.length + bodyOffset;

  const explanationAt: number[] = [];
  let misspelt = false;
  nodes.forEach((node, i) => {
    if (node.type === "heading" && headingText(node).toLowerCase() === "explanation") {
      if (node.open.tag === "h2" && headingText(node) === "Explanation") explanationAt.push(i);
      else {
        misspelt = true;
        problem(line(node), "the explanation heading must be written `## Explanation`");
      }
    }
  });
  for (const extra of explanationAt.slice(1)) {
    problem(line(nodes[extra]), "only one `## Explanation` heading is allowed");
  }
  const e = explanationAt[0] ?? -1;
  const before = e === -1 ? nodes : nodes.slice(0, e);
  const explanation = e === -1 ? [] : nodes.slice(e + 1);
  if (e === -1 && !misspelt) {
    problem(lastLine, "missing the `## Explanation` heading after the options");
  } else if (e !== -1 && explanation.length === 0) {
    problem(
      line(nodes[e]),
      "the explanation is empty: write why the key is right and the others wrong",
    );
  }

  const taskLists = before.flatMap((node, i) => (isTaskList(node) ? [i] : []));
  for (const node of explanation) {
    if (isTaskList(node))
      problem(line(node), "only the options may be a task list (`- [x]` / `- [ ]`)");
  }
  for (const extra of taskLists.slice(1)) {
    problem(
      line(before[extra]),
      "the options must form ONE list: a blank-line gap, a different bullet or an unindented `>` rationale split it (indent rationales by two spaces: `  > …`)",
    );
  }
  const optionsIndex = taskLists[0] ?? -1;
  if (optionsIndex === -1) {
    problem(
      e === -1 ? lastLine : line(nodes[e]),
      "no options: write a task list (`- [x]` correct, `- [ ]` wrong) between the stem and `## Explanation`",
    );
  } else if (e !== -1 && optionsIndex !== e - 1 && taskLists.length === 1) {
    problem(
      line(before[optionsIndex + 1]),
      "nothing may stand between the options list and `## Explanation`",
    );
  }
  const stem = optionsIndex === -1 ? before : before.slice(0, optionsIndex);
  if (optionsIndex !== -1 && stem.every((n) => n.type === "reference_definition")) {
    problem(
      line(before[optionsIndex]),
      "the question stem is empty: write the question before the options",
    );
  }

  const options: RawOption[] = [];
  const list = optionsIndex === -1 ? undefined : before[optionsIndex];
  if (list) {
    if (list.type === "ordered_list")
      problem(line(list), "options must be a bullet list (`- [x]`), not a numbered list");
    for (const item of list.children) {
      const [first, second, ...rest] = item.children;
      const checked = taskChecked(item);
      if (checked === null) {
        problem(line(item), "every option must start with `[x]` (correct) or `[ ]` (wrong)");
        continue;
      }
      if (first?.type !== "paragraph" || plainText(inlineContent(first)).trim() === "") {
        problem(line(item), "the option text is empty");
        continue;
      }
      if (multiLine(first)) {
        problem(line(item), "an option must be one line of text");
      }
      let rationale: Block | null = null;
      if (second) {
        const only = second.type === "blockquote" ? second.children : [];
        const para = only[0];
        if (only.length !== 1 || para?.type !== "paragraph") {
          problem(
            line(second),
            "an option may only be followed by a one-line rationale blockquote (`  > …`)",
          );
        } else if (multiLine(para)) {
          problem(line(second), "an option's rationale must be one line");
        } else {
          rationale = para;
        }
      }
      if (rest.length > 0) {
        problem(
          line(rest[0]),
          "an option may only be followed by a one-line rationale blockquote (`  > …`)",
        );
      }
      options.push({ item, paragraph: first, rationale, correct: checked, line: line(item) });
    }
  }

  // ---- option rules ----
  const correctCount = options.filter((o) => o.correct).length;
  const listLine = line(list);
  if (fm && list && options.length === list.children.length && taskLists.length === 1) {
    if (options.length > KEYS.length) {
      problem(listLine, `at most ${KEYS.length} options are allowed; found ${options.length}`);
    }
    if (fm.type === "single") {
      if (correctCount !== 1) {
        problem(
          listLine,
          `a \`single\` question needs exactly one correct option (\`[x]\`); found ${correctCount}`,
        );
      }
      const exact = track?.singleOptionCount ?? null;
      if (exact !== null && options.length !== exact) {
        problem(
          listLine,
          `a \`single\` question on track \`${track?.id}\` needs exactly ${exact} options; found ${options.length}`,
        );
      } else if (exact === null && (options.length < 3 || options.length > 5)) {
        problem(listLine, `a \`single\` question needs 3 to 5 options; found ${options.length}`);
      }
    } else {
      if (correctCount < 2) {
        problem(
          listLine,
          `a \`multiple\` question needs at least 2 correct options (\`[x]\`); found ${correctCount}`,
        );
      } else if (correctCount > 4) {
        problem(
          listLine,
          `a \`multiple\` question may have at most 4 correct options; found ${correctCount}`,
        );
      }
      if (options.length < 5) {
        problem(
          listLine,
          `a \`multiple\` question needs at least 5 options; found ${options.length}`,
        );
      }
    }
  }

  // "Choose two." in the stem (paragraph text only, never code).
  if (fm && optionsIndex !== -1) {
    const says: { n: number | null; word: string; line: number }[] = [];
    // Paragraphs and headings at any depth (not table cells, not code blocks).
    const scan = (node: Block) => {
      if (node.type === "paragraph" || node.type === "heading") {
        for (const m of plainText(inlineContent(node)).matchAll(CHOOSE_RE)) {
          const word = (m[1] ?? "").toLowerCase();
          says.push({ n: CHOOSE_WORDS[word] ?? null, word: m[0], line: line(node) });
        }
        return;
      }
      if (node.type !== "table") for (const child of node.children) scan(child);
    };
    for (const node of stem) scan(node);
    if (fm.type === "multiple") {
      const first = says[0];
      if (!first) {
        problem(
          line(stem[0] ?? list),
          `the stem must say how many to choose: end it with "Choose ${["two", "three", "four"][correctCount - 2] ?? "two"}."`,
        );
      } else if (first.n === null) {
        problem(
          first.line,
          `"${first.word}" is not understood: write "Choose two.", "Choose three." or "Choose four."`,
        );
      } else if (first.n !== correctCount && correctCount >= 2 && correctCount <= 4) {
        problem(
          first.line,
          `the stem says "${first.word}" but ${correctCount} options are marked \`[x]\``,
        );
      }
    } else if (says[0]) {
      problem(says[0].line, `a \`single\` question must not say "${says[0].word}"`);
    }
  }

  const texts = options.map((o) =>
    plainText(inlineContent(o.paragraph)).replace(/\s+/g, " ").trim(),
  );
  texts.forEach((t, i) => {
    const key = KEYS[i] ?? "?";
    const same = texts.findIndex((u) => u.toLowerCase() === t.toLowerCase());
    if (same !== i) {
      problem(options[i]?.line ?? 1, `options ${KEYS[same] ?? "?"} and ${key} have the same text`);
    }
    const bad = ORDER_DEPENDENT.exec(t);
    if (bad) {
      problem(
        options[i]?.line ?? 1,
        `option ${key} depends on the order of the options ("${bad[0]}"): options are shuffled, so write a standalone statement`,
      );
    }
  });

  if (problems.length > 0 || !fm || !list) return { question: null, problems, id };

  // ---- render + hash ----
  // Reference definitions anywhere in the body resolve in every part (one parse, one env).
  const rendered: QuestionOption[] = options.map((o, i) => ({
    key: KEYS[i] as OptionKey,
    html: renderInline(doc, inlineContent(o.paragraph)),
    text: texts[i] ?? "",
    correct: o.correct,
    rationaleHtml: o.rationale ? renderInline(doc, inlineContent(o.rationale)) : null,
  }));
  const canonical = JSON.stringify({
    v: 1,
    id: fm.id,
    type: fm.type,
    stem: sourceOf(bodyLines, stem),
    options: options.map((o) => ({
      text: paragraphSource(o.paragraph),
      correct: o.correct,
      rationale: o.rationale ? paragraphSource(o.rationale) : null,
    })),
    explanation: sourceOf(bodyLines, explanation),
  });

  const question: Question = {
    id: fm.id,
    trackId: input.trackId,
    domain: fm.domain,
    curriculum: fm.curriculum ?? null,
    competency: fm.competency ?? null,
    type: fm.type,
    difficulty: fm.difficulty,
    tags: fm.tags,
    sources: fm.sources,
    stemHtml: renderBlocks(doc, stem),
    options: rendered,
    correctKeys: rendered.filter((o) => o.correct).map((o) => o.key),
    chooseCount: correctCount,
    explanationHtml: renderBlocks(doc, explanation),
    hash: createHash("sha256").update(canonical).digest("hex"),
    file,
  };
  return { question, problems, id };
}
