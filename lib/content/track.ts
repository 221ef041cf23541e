import { renderMarkdown } from "./markdown";
import { errorMap, type Issue, pathLabel, type TrackYaml, toIssues, trackSchema } from "./schema";
import type { DomainInfo, Problem, Track } from "./types";
import { parseYaml } from "./yaml";

const SCALES = { percent: { min: 0, max: 100 }, scaled: { min: 100, max: 1000 } } as const;

/** Parses and validates one track.yaml. `folder` is the track folder name. */
export function parseTrack(
  file: string,
  text: string,
  folder: string,
): { track: Track | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const yaml = parseYaml(text);
  if (!yaml.ok)
    return { track: null, problems: [{ file, line: yaml.line, message: yaml.message }] };
  const { value, locate } = yaml;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return {
      track: null,
      problems: [{ file, line: 1, message: "track.yaml must be a YAML mapping" }],
    };
  }
  const report = ({ path, message }: Issue) =>
    problems.push({ file, line: locate(path), message: `\`${pathLabel(path)}\` ${message}` });

  const parsed = trackSchema.safeParse(value, { error: errorMap });
  if (!parsed.success) {
    for (const issue of toIssues(parsed.error)) report(issue);
    return { track: null, problems };
  }
  const t: TrackYaml = parsed.data;

  if (t.id !== folder) {
    report({ path: ["id"], message: `must equal the folder name \`${folder}\` (got "${t.id}")` });
  }
  if (t.unscoredCount >= t.questionCount) {
    report({ path: ["unscoredCount"], message: "must be smaller than `questionCount`" });
  }
  const scale = SCALES[t.passing.scale];
  if (t.passing.score < scale.min || t.passing.score > scale.max) {
    report({
      path: ["passing", "score"],
      message: `must be between ${scale.min} and ${scale.max} on the \`${t.passing.scale}\` scale`,
    });
  }
  if (t.passing.scale === "scaled" && !t.passing.note) {
    report({
      path: ["passing"],
      message:
        "needs a `note` for a scaled score (say that the vendor publishes no raw-to-scaled conversion, so the app's scaled score is an estimate)",
    });
  }
  t.questionTypes.forEach((type, i) => {
    if (t.questionTypes.indexOf(type) !== i) {
      report({ path: ["questionTypes", i], message: `lists \`${type}\` twice` });
    }
  });
  for (const group of ["domains", "curriculum"] as const) {
    const seen = new Set<string>();
    t[group].forEach((d, i) => {
      if (seen.has(d.id)) {
        report({ path: [group, i, "id"], message: `duplicates the ${group} id \`${d.id}\`` });
      }
      seen.add(d.id);
    });
  }
  const competencyIds = new Set<string>();
  t.competencies.forEach((c, i) => {
    if (competencyIds.has(c.id)) {
      report({
        path: ["competencies", i, "id"],
        message: `duplicates the competency id \`${c.id}\``,
      });
    }
    competencyIds.add(c.id);
    if (!t.curriculum.some((g) => g.id === c.curriculum)) {
      report({
        path: ["competencies", i, "curriculum"],
        message: `"${c.curriculum}" is not a curriculum id of this track (one of: ${t.curriculum.map((g) => g.id).join(", ") || "none"})`,
      });
    }
  });
  t.curriculum.forEach((g, i) => {
    if (t.competencies.length > 0 && !t.competencies.some((c) => c.curriculum === g.id)) {
      report({
        path: ["curriculum", i, "id"],
        message: `\`${g.id}\` has no competency: list at least one under \`competencies\``,
      });
    }
  });
  const sampled = t[t.blueprint];
  if (sampled.length === 0) {
    report({
      path: ["blueprint"],
      message: `is \`${t.blueprint}\` but the track has no ${t.blueprint}`,
    });
  } else {
    const missing = sampled.findIndex((d) => d.weight === undefined);
    if (missing !== -1) {
      sampled.forEach((d, i) => {
        if (d.weight === undefined) {
          report({
            path: [t.blueprint, i, "id"],
            message: `needs a \`weight\`: mock exams sample by \`${t.blueprint}\` (blueprint)`,
          });
        }
      });
    } else {
      const sum = sampled.reduce((acc, d) => acc + (d.weight ?? 0), 0);
      if (Math.abs(sum - 100) > 1e-9) {
        report({
          path: [t.blueprint],
          message: `weights sum to ${Number(sum.toFixed(6))}, but the sampled grouping's weights must sum to 100`,
        });
      }
    }
  }
  if (problems.length > 0) return { track: null, problems };

  const info = (d: TrackYaml["domains"][number]): DomainInfo => ({
    id: d.id,
    title: d.title,
    weight: d.weight ?? null,
    docs: d.docs.map((doc) => ({ title: doc.title, url: doc.url })),
    notesHtml: renderMarkdown(d.notes),
  });
  const track: Track = {
    id: t.id,
    title: t.title,
    vendor: t.vendor,
    examCode: t.examCode,
    officialUrl: t.officialUrl,
    idPrefix: t.idPrefix,
    questionCount: t.questionCount,
    unscoredCount: t.unscoredCount,
    durationMinutes: t.durationMinutes,
    passing: {
      score: t.passing.score,
      scale: t.passing.scale,
      min: scale.min,
      max: scale.max,
      note: t.passing.note ?? null,
    },
    questionTypes: t.questionTypes,
    singleOptionCount: t.singleOptionCount ?? null,
    partialCredit: t.partialCredit,
    delivery: t.delivery ?? null,
    validityYears: t.validityYears ?? null,
    retakePolicy: t.retakePolicy ?? null,
    domains: t.domains.map(info),
    curriculum: t.curriculum.map(info),
    competencies: t.competencies.map((c) => ({
      id: c.id,
      title: c.title,
      curriculum: c.curriculum,
    })),
    blueprint: t.blueprint,
    path: {
      ...t.path,
      id: t.path.id ?? slugify(t.path.name),
      focus: t.path.focus ?? null,
    },
    file,
  };
  return { track, problems };
}

/** "AWS certification path" → "aws-certification-path". */
function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
