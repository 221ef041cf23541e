import { constructFromEvents, type Event, parseEvents, YAMLException } from "js-yaml";
import { walkNodes } from "@/lib/content/yaml";

/**
 * Safe YAML parsing for learners' text, with js-yaml 5 (Pure).
 * - Input over MAX_BYTES, or bytes that are not UTF-8, are refused before parsing.
 * - Duplicate keys are an error (js-yaml's default); tabs and bad indentation give the parser's
 *   line and column.
 * - Aliases are bounded (MAX_ALIASES per document, js-yaml's own limit), and the expanded size of
 *   each document is measured without expanding it, so a "billion laughs" document is refused in
 *   microseconds instead of blowing up whatever walks it later.
 * - Every node's position is kept by its path (`spec.steps[0].action`), from the parser's events,
 *   so findings can point at the line and column in the learner's text.
 */

export const MAX_BYTES = 256 * 1024;
export const MAX_ALIASES = 100;
/** The most nodes a document may hold once its aliases are expanded. */
export const MAX_EXPANDED_NODES = 100_000;

export type Position = { line: number; column: number };

export type ParsedDocument = {
  value: unknown;
  /** Where each path starts in the source (a mapping entry: its key). "" is the document. */
  positions: Map<string, number>;
};

export type ParseResult =
  | { ok: true; text: string; documents: ParsedDocument[] }
  | { ok: false; message: string; position: Position | null };

/** 1-based line and column of an offset into `text`. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Decodes bytes as UTF-8, refusing oversized input and invalid sequences. */
export function decodeInput(
  input: string | Uint8Array,
): { ok: true; text: string } | { ok: false; message: string } {
  const bytes = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (bytes > MAX_BYTES) {
    return {
      ok: false,
      message: `The text is too large: the limit is ${MAX_BYTES / 1024} KB.`,
    };
  }
  if (typeof input === "string") return { ok: true, text: input };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(input) };
  } catch {
    return { ok: false, message: "The file is not valid UTF-8 text." };
  }
}

const pathKey = (key: string) => (/^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key));

/** Appends a mapping key or a sequence index to a path. */
export function childPath(parent: string, segment: string | number): string {
  if (typeof segment === "number") return `${parent}[${segment}]`;
  const key = pathKey(segment);
  if (key.startsWith('"')) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Path → offset for every node of each document (see walkNodes). */
function positionsOf(text: string, events: readonly Event[]): Map<string, number>[] {
  const docs: Map<string, number>[] = [];
  walkNodes(text, events, (doc, path, offset) => {
    while (docs.length <= doc) docs.push(new Map());
    const key = path.reduce<string>((p, seg) => childPath(p, seg), "");
    if (!docs[doc]?.has(key)) docs[doc]?.set(key, offset);
  });
  return docs;
}

/** Node count with aliases expanded, computed once per shared object (no expansion). */
function expandedSize(value: unknown, memo = new Map<object, number>()): number {
  if (value === null || typeof value !== "object") return 1;
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  memo.set(value, 1); // a cycle counts once
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, memo);
    if (size > MAX_EXPANDED_NODES) break;
  }
  memo.set(value, size);
  return size;
}

function failure(text: string, error: unknown): ParseResult {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    return {
      ok: false,
      message: `YAML syntax: ${error.reason}.`,
      position: mark ? { line: mark.line + 1, column: mark.column + 1 } : null,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    message: `YAML could not be read: ${message}`,
    position: positionOf(text, 0),
  };
}

/** Parses every document of `input` safely. Never throws. */
export function parseYaml(input: string | Uint8Array): ParseResult {
  const decoded = decodeInput(input);
  if (!decoded.ok) return { ok: false, message: decoded.message, position: null };
  const { text } = decoded;
  let events: Event[];
  let values: unknown[];
  try {
    events = parseEvents(text, { maxDepth: 64 });
    values = constructFromEvents(events, { source: text, maxAliases: MAX_ALIASES });
  } catch (error) {
    return failure(text, error);
  }
  const positions = positionsOf(text, events);
  const documents: ParsedDocument[] = [];
  for (const [i, value] of values.entries()) {
    if (expandedSize(value) > MAX_EXPANDED_NODES) {
      return {
        ok: false,
        message: `Document ${i + 1} expands to more than ${MAX_EXPANDED_NODES.toLocaleString("en")} nodes through its aliases; it is refused.`,
        position: positionOf(text, positions[i]?.get("") ?? 0),
      };
    }
    documents.push({ value, positions: positions[i] ?? new Map() });
  }
  return { ok: true, text, documents };
}

/** The position of `path` in a document, or of its nearest ancestor that exists. */
export function locate(text: string, doc: ParsedDocument, path: string): Position {
  let p = path;
  for (;;) {
    const offset = doc.positions.get(p);
    if (offset !== undefined) return positionOf(text, offset);
    if (p === "") return positionOf(text, 0);
    p = parentPath(p);
  }
}

export function parentPath(path: string): string {
  if (path.endsWith('"]')) return path.slice(0, path.lastIndexOf('["'));
  if (path.endsWith("]")) return path.slice(0, path.lastIndexOf("["));
  const dot = path.lastIndexOf(".");
  return dot >= 0 ? path.slice(0, dot) : "";
}
