import {
  namespaceOf,
  type RubricItem,
  resolveCandidates,
  satisfies,
  selectDocument,
} from "./rubric";
import { documentIssues, looksLikeEntity, type Target } from "./validate";
import { type LineIndex, locate, type ParsedDocument, parseYaml } from "./yaml";

/**
 * The YAML checker: parse safely, validate every document with Backstage's own rules, then apply
 * the drill's rubric. Every finding says what is wrong in a learner's words, where (YAML path and
 * line:column in the learner's text) and, where it helps, which docs page explains it. All
 * findings are listed, not just the first. Pure.
 */

export type Finding = {
  severity: "error" | "warning";
  /** What found it: the YAML parser, Backstage's validators, or the drill's rubric. */
  source: "yaml" | "backstage" | "rubric";
  message: string;
  /** YAML path, prefixed with the document (`[2] spec.owner`) in multi-document files. */
  path: string;
  line: number;
  column: number;
  docsUrl?: string;
};

export type CheckResult = {
  /** Parsed, and every document accepted by the validators. */
  valid: boolean;
  /** Valid and no rubric error (only meaningful with a rubric). */
  passed: boolean;
  documents: number;
  findings: Finding[];
};

/** The most findings one check returns; past it, one finding says how many were left out. */
export const MAX_FINDINGS = 200;

/** Work counters, filled in when given (tests and benches use them; the checker ignores them). */
export type CheckMeter = { documentsValidated: number; positionCost: number };

export type CheckOptions = {
  target?: Target;
  rubric?: readonly RubricItem[];
  meter?: CheckMeter;
};

/** A validator that throws on a shape it did not expect must not take the checker down. */
async function safeIssues(value: unknown, target: Target, auto: boolean) {
  try {
    return await documentIssues(value, target, { auto });
  } catch {
    return [
      {
        path: "",
        message:
          "This document could not be validated: check that it is a mapping with apiVersion, kind, metadata and spec.",
      },
    ];
  }
}

/** What the text is, by its content alone: entities (or a template), else app-config. */
export function detectTarget(documents: readonly ParsedDocument[]): Target {
  const entities = documents.filter((d) => looksLikeEntity(d.value));
  if (entities.length === 0) return "app-config";
  const allTemplates = entities.every(
    (d) => String((d.value as { kind?: unknown }).kind).toLowerCase() === "template",
  );
  return allTemplates ? "template" : "catalog";
}

export async function checkYaml(
  input: string | Uint8Array,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const parsed = parseYaml(input);
  if (!parsed.ok) {
    return {
      valid: false,
      passed: false,
      documents: 0,
      findings: [
        {
          severity: "error",
          source: "yaml",
          message: parsed.message,
          path: "",
          line: parsed.position?.line ?? 1,
          column: parsed.position?.column ?? 1,
        },
      ],
    };
  }
  const { lines } = parsed;
  const result = (valid: boolean, documents: number, findings: Finding[]): CheckResult => {
    if (options.meter) options.meter.positionCost = lines.cost;
    const capped = capFindings(findings, lines);
    const passed = valid && !capped.some((f) => f.severity === "error");
    return { valid, passed, documents, findings: capped };
  };
  // A trailing `---` or a comment-only file gives an empty document: ignore empty ones.
  const documents = parsed.documents.filter((d) => d.value !== null && d.value !== undefined);
  const findings: Finding[] = [];
  if (documents.length === 0) {
    findings.push({
      severity: "error",
      source: "yaml",
      message: "The text holds no YAML document.",
      path: "",
      ...lines.at(0),
    });
    return result(false, 0, findings);
  }
  const target = options.target ?? detectTarget(documents);
  if ((target === "app-config" || target === "app-config-overlay") && documents.length > 1) {
    findings.push({
      severity: "error",
      source: "yaml",
      message: "An app-config file is a single YAML document.",
      path: "",
      ...locate(lines, documents[1] as ParsedDocument, ""),
    });
  }
  const prefix = (i: number, path: string) =>
    documents.length > 1 ? `[${i + 1}]${path ? ` ${path}` : ""}` : path;
  for (const [i, doc] of documents.entries()) {
    if (options.meter) options.meter.documentsValidated += 1;
    for (const issue of await safeIssues(doc.value, target, options.target === undefined)) {
      findings.push({
        severity: "error",
        source: "backstage",
        message: issue.message,
        path: prefix(i, issue.path),
        ...locate(lines, doc, issue.path),
        ...(issue.docsUrl ? { docsUrl: issue.docsUrl } : {}),
      });
    }
  }
  const valid = findings.length === 0;

  for (const item of options.rubric ?? []) {
    const index = selectDocument(
      documents.map((d) => d.value),
      item.doc,
    );
    const doc = documents[index];
    const fail = (path: string, at: ParsedDocument | undefined) =>
      findings.push({
        severity: item.severity,
        source: "rubric",
        message: item.message,
        path: at ? prefix(index, path) : path,
        ...(at ? locate(lines, at, path) : lines.at(0)),
      });
    if (!doc) {
      fail(item.path ?? "", undefined);
      continue;
    }
    if (!item.path) continue; // "a document like this exists": it does.
    const namespace = namespaceOf(doc.value);
    const candidates = resolveCandidates(doc.value, item);
    if (!candidates.some((c) => satisfies(item, c, namespace))) {
      const shown = candidates[0] ?? { found: false, path: item.path };
      fail(shown.found ? shown.path : shown.path || item.path, doc);
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return result(valid, documents.length, findings);
}

/** The first MAX_FINDINGS findings, then one that counts the rest. */
function capFindings(findings: Finding[], lines: LineIndex): Finding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const last = findings[MAX_FINDINGS - 1];
  return [
    ...findings.slice(0, MAX_FINDINGS),
    {
      severity: "error",
      source: "yaml",
      message: `Only the first ${MAX_FINDINGS} findings are shown: fix these and check again.`,
      path: "",
      ...(last ? { line: last.line, column: last.column } : lines.at(0)),
    },
  ];
}
