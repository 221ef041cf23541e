import { z } from "zod";

export const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A competency id (two or three capitals and a number, e.g. `DW1`) or `beyond`. */
export const COMPETENCY = /^([A-Z]{2,3}[0-9]{1,2}|beyond)$/;

/** The `competency` value of a question about study material the official list does not name. */
export const BEYOND = "beyond";

/** Hosts whose pages may be cited. A listed host also admits its subdomains. */
const OFFICIAL_HOSTS = [
  "backstage.io",
  "cncf.io",
  "linuxfoundation.org",
  "aws.amazon.com",
  "d1.awsstatic.com",
] as const;

/** True for an https URL on an official host (or github.com/backstage/…). */
export function isOfficialUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (host === "github.com") return /^\/backstage(\/|$)/.test(url.pathname);
  return OFFICIAL_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

export const OFFICIAL_URL_MESSAGE =
  "must be an https URL on an official host (backstage.io, github.com/backstage, cncf.io, " +
  "linuxfoundation.org, docs.aws.amazon.com, aws.amazon.com, d1.awsstatic.com)";

const text = z.string().trim().min(1);
const officialUrl = z.string().refine(isOfficialUrl, OFFICIAL_URL_MESSAGE);
const kebab = z
  .string()
  .regex(KEBAB, "must be kebab-case (lowercase letters and digits separated by single hyphens)");

export const questionTypeSchema = z.enum(["single", "multiple"]);

/** Front matter of content/<track>/<domain>/<slug>.md. */
export const frontMatterSchema = z.strictObject({
  id: kebab,
  domain: kebab,
  curriculum: kebab.optional(),
  /** Official competency id (CBA: DW1 … CU4) or `beyond` for study material off the list. */
  competency: z
    .string()
    .regex(COMPETENCY, "must be a competency id such as `DW1`, or `beyond`")
    .optional(),
  type: questionTypeSchema,
  difficulty: z.enum(["easy", "medium", "hard"]),
  tags: z.array(kebab).default([]),
  sources: z.array(officialUrl).min(1, "needs at least one official source URL"),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

const groupingSchema = z.strictObject({
  id: kebab,
  title: text,
  weight: z.number().positive().max(100).optional(),
  docs: z.array(z.strictObject({ title: text, url: officialUrl })).min(1),
  notes: text,
});

const competencySchema = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,3}[0-9]{1,2}$/, "must be capitals and a number, e.g. `DW1`"),
  title: text,
  /** The official curriculum grouping (domain) the competency belongs to. */
  curriculum: kebab,
});

/** content/<track>/track.yaml. */
export const trackSchema = z.strictObject({
  id: kebab,
  title: text,
  vendor: text,
  examCode: text,
  officialUrl,
  idPrefix: z.string().regex(/^[a-z0-9]+$/, "must be lowercase letters and digits"),
  questionCount: z.number().int().positive(),
  unscoredCount: z.number().int().min(0),
  // Fractions are allowed (the e2e tests use a mock of a few seconds).
  durationMinutes: z.number().positive(),
  passing: z.strictObject({
    score: z.number(),
    scale: z.enum(["percent", "scaled"]),
    note: text.optional(),
  }),
  questionTypes: z.array(questionTypeSchema).min(1),
  singleOptionCount: z.number().int().min(3).max(5).optional(),
  partialCredit: z.boolean(),
  delivery: text.optional(),
  validityYears: z.number().int().positive().optional(),
  retakePolicy: text.optional(),
  blueprint: z.enum(["domains", "curriculum"]),
  domains: z.array(groupingSchema).min(1),
  curriculum: z.array(groupingSchema).default([]),
  /** The official competencies, each in one curriculum grouping (CBA); optional. */
  competencies: z.array(competencySchema).default([]),
  path: z.strictObject({
    /** URL slug of the path page (/paths/<id>); defaults to the kebab-cased name. */
    id: kebab.optional(),
    name: text,
    order: z.number().int().positive(),
    recommendedExperience: text,
    typicalPrep: text,
    prerequisites: z.array(text).default([]),
    examTips: z.array(text).min(1),
    /** What this step is about and what changes from the previous one. */
    focus: text.optional(),
  }),
});
export type TrackYaml = z.infer<typeof trackSchema>;

function showValue(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  if (typeof input === "string")
    return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  return String(input);
}

const TYPE_NAMES: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

/** Plain-English messages for zod issues (the path is prefixed by the caller). */
export const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected} (got ${showValue(issue.input)})`;
    case "invalid_value":
      if (issue.input === undefined) return "is required";
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")} (got ${showValue(issue.input)})`;
    case "too_small":
      if (issue.origin === "array") return `needs at least ${issue.minimum} item(s)`;
      if (issue.origin === "string") return "must not be empty";
      return `must be ${issue.inclusive ? "at least" : "greater than"} ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "array") return `may have at most ${issue.maximum} item(s)`;
      return `must be at most ${issue.maximum}`;
    default:
      return undefined;
  }
};

export type Issue = { path: (string | number)[]; message: string };

/** Flattens zod issues to (path, message), one per unknown key. */
export function toIssues(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({ path: [...path, key], message: "is not a known field" });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

/** `domains[2].weight` */
export function pathLabel(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${p}` : p;
  return out || "(document)";
}
