import { z } from "zod";
import type { ContentFile } from "@/lib/content/compile";
import { type Block, parseMarkdown, renderBlocks } from "@/lib/content/markdown";
import { errorMap, isOfficialUrl, KEBAB, pathLabel, toIssues } from "@/lib/content/schema";
import type { DocLink, Problem } from "@/lib/content/types";
import { parseYaml } from "@/lib/content/yaml";
import { checkYaml } from "./check";
import { type RubricItem, rubricItemSchema } from "./rubric";
import type { Target } from "./validate";

/**
 * YAML drills: `content/<track>/drills/<slug>.md`, front matter plus the sections Task, Starter
 * (optional), Model answer and Explanation (content/README.md documents the format). Compiled to
 * typed drills, every problem reported as `file:line: message`. Pure.
 */

export type Drill = {
  id: string;
  title: string;
  trackId: string;
  domain: string;
  difficulty: "easy" | "medium" | "hard";
  target: Target;
  tags: readonly string[];
  docs: readonly DocLink[];
  rubric: readonly RubricItem[];
  taskHtml: string;
  starter: string | null;
  modelAnswer: string;
  explanationHtml: string;
  file: string;
};

const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^drill-[a-z0-9]+(-[a-z0-9]+)*$/, "must look like drill-<kebab-case>"),
  title: z.string().min(3),
  domain: z.string().regex(KEBAB),
  difficulty: z.enum(["easy", "medium", "hard"]),
  target: z.enum(["catalog", "template", "app-config", "app-config-overlay"]),
  tags: z.array(z.string().regex(KEBAB)).default([]),
  docs: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        url: z.string().refine(isOfficialUrl, "must be an official documentation URL"),
      }),
    )
    .min(1),
  rubric: z.array(rubricItemSchema).min(1),
});

const SECTIONS = ["Task", "Starter", "Model answer", "Explanation"] as const;

export function compileDrill(
  file: ContentFile,
  trackId: string,
  domains: ReadonlySet<string>,
): { drill: Drill | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (line: number, message: string) =>
    problems.push({ file: file.path, line, message });
  const text = file.text.replace(/\r\n?/g, "\n");
  const end = text.startsWith("---\n") ? text.indexOf("\n---\n", 3) : -1;
  if (end === -1) {
    problem(1, "a drill file starts with YAML front matter between two `---` lines");
    return { drill: null, problems };
  }
  const yaml = parseYaml(text.slice(4, end + 1), 1);
  if (!yaml.ok) {
    problem(yaml.line, yaml.message);
    return { drill: null, problems };
  }
  const fm = frontMatterSchema.safeParse(yaml.value, { error: errorMap });
  if (!fm.success) {
    for (const issue of toIssues(fm.error)) {
      problem(yaml.locate(issue.path), `\`${pathLabel(issue.path)}\` ${issue.message}`);
    }
    return { drill: null, problems };
  }
  if (!domains.has(fm.data.domain)) {
    problem(yaml.locate(["domain"]), `"${fm.data.domain}" is not a domain of track ${trackId}`);
  }

  const bodyStart = end + 5;
  const bodyLine = text.slice(0, bodyStart).split("\n").length;
  const doc = parseMarkdown(text.slice(bodyStart));
  const sections = new Map<string, Block[]>();
  let current: Block[] | null = null;
  for (const block of doc.blocks) {
    if (block.type === "heading" && block.open.tag === "h2") {
      const title = block.inline?.content.trim() ?? "";
      if (!(SECTIONS as readonly string[]).includes(title)) {
        problem(bodyLine + (block.open.map?.[0] ?? 0), `unknown section "## ${title}"`);
        current = null;
        continue;
      }
      current = [];
      sections.set(title, current);
    } else if (current) current.push(block);
    else if (block.type !== "heading") {
      problem(bodyLine + (block.open.map?.[0] ?? 0), "text before the first `## Task` section");
    }
  }
  const yamlOf = (name: string): string | null => {
    const fence = sections.get(name)?.find((b) => b.type === "fence");
    return fence ? fence.open.content : null;
  };
  for (const name of ["Task", "Model answer", "Explanation"]) {
    if (!sections.get(name)?.length)
      problem(bodyLine, `the "## ${name}" section is missing or empty`);
  }
  const modelAnswer = yamlOf("Model answer");
  if (sections.has("Model answer") && modelAnswer === null) {
    problem(bodyLine, "the model answer must be a ```yaml code block");
  }
  if (problems.length > 0 || modelAnswer === null) return { drill: null, problems };
  return {
    drill: {
      ...fm.data,
      trackId,
      taskHtml: renderBlocks(doc, sections.get("Task") ?? []),
      starter: yamlOf("Starter"),
      modelAnswer,
      explanationHtml: renderBlocks(doc, sections.get("Explanation") ?? []),
      file: file.path,
    },
    problems,
  };
}

/** Compiles every `<track>/drills/*.md` of the content files; ids must be unique. */
export function compileDrills(
  files: readonly ContentFile[],
  root: string,
  domainsOf: (trackId: string) => ReadonlySet<string> | undefined,
): { drills: Drill[]; problems: Problem[] } {
  const drills: Drill[] = [];
  const problems: Problem[] = [];
  const prefix = root ? `${root}/` : "";
  const seen = new Map<string, string>();
  for (const file of files) {
    const rel = file.path.startsWith(prefix) ? file.path.slice(prefix.length) : file.path;
    const parts = rel.split("/");
    if (parts.length !== 3 || parts[1] !== "drills" || !parts[2]?.endsWith(".md")) continue;
    if (parts[2] === "README.md") continue;
    const trackId = parts[0] ?? "";
    const domains = domainsOf(trackId);
    if (!domains) {
      problems.push({ file: file.path, line: 1, message: `no track "${trackId}" for this drill` });
      continue;
    }
    const result = compileDrill(file, trackId, domains);
    problems.push(...result.problems);
    if (!result.drill) continue;
    const other = seen.get(result.drill.id);
    if (other) {
      problems.push({
        file: file.path,
        line: 2,
        message: `id ${result.drill.id} is also used by ${other}`,
      });
      continue;
    }
    seen.set(result.drill.id, file.path);
    drills.push(result.drill);
  }
  return { drills: drills.sort((a, b) => a.id.localeCompare(b.id)), problems };
}

/** A drill must be solvable and not already solved: the model answer passes, the starter does not. */
export async function verifyDrill(drill: Drill): Promise<Problem[]> {
  const problems: Problem[] = [];
  const model = await checkYaml(drill.modelAnswer, { target: drill.target, rubric: drill.rubric });
  for (const f of model.findings.filter((x) => x.severity === "error")) {
    problems.push({
      file: drill.file,
      line: 1,
      message: `the model answer fails: ${f.path ? `${f.path}: ` : ""}${f.message} (model answer line ${f.line})`,
    });
  }
  if (drill.starter !== null) {
    const starter = await checkYaml(drill.starter, { target: drill.target, rubric: drill.rubric });
    if (starter.passed) {
      problems.push({
        file: drill.file,
        line: 1,
        message: "the starter already passes: it leaves nothing to do",
      });
    }
  }
  return problems;
}
