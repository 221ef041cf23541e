import {
  constructFromEvents,
  EVENT_DOCUMENT,
  type Event,
  parseEvents,
  YAMLException,
} from "js-yaml";
import { walkTree } from "@/lib/content/yaml";

/**
 * Safe YAML parsing for learners' text, with js-yaml 5 (Pure).
 * - Input over MAX_BYTES, or bytes that are not UTF-8, are refused before parsing.
 * - Duplicate keys are an error (js-yaml's default); tabs and bad indentation give the parser's
 *   line and column.
 * - Aliases are bounded (MAX_ALIASES per document, js-yaml's own limit), and the expanded size of
 *   each document is measured without expanding it, so a "billion laughs" document is refused in
 *   microseconds instead of blowing up whatever walks it later.
 * - At most MAX_DOCUMENTS documents: more is one finding, and nothing is validated.
 * - Every node's position is kept in a tree (keys and indexes, from the parser's events) and a
 *   line index is built once, so locating a finding costs O(depth + log lines), not O(text):
 *   thousands of findings in a 256 KB text stay linear.
 */

export const MAX_BYTES = 256 * 1024;
export const MAX_ALIASES = 100;
/** The most YAML documents one text may hold: a descriptor file with more is not a drill answer. */
export const MAX_DOCUMENTS = 100;
/** The most nodes a document may hold once its aliases are expanded. */
export const MAX_EXPANDED_NODES = 100_000;

export type Position = { line: number; column: number };

/** Where each node of a document starts: its offset, and its children by key or index. */
export type NodeTree = { offset: number; children?: Map<string | number, NodeTree> };

export type ParsedDocument = {
  value: unknown;
  /**
   * Where each node starts in the source (a mapping entry: its key). Built on first use from the
   * document's own events, so a document without findings never pays for it.
   */
  tree: () => NodeTree;
};

/** Offset → line and column in O(log lines), after one O(n) pass over the text. */
export type LineIndex = {
  at: (offset: number) => Position;
  lines: number;
  /** Work done so far: characters scanned to build the index plus binary-search steps. */
  cost: number;
};

export type ParseResult =
  | { ok: true; text: string; documents: ParsedDocument[]; lines: LineIndex }
  | { ok: false; message: string; position: Position | null };

/** Builds the line index of `text` once; each lookup is a binary search over line starts. */
export function lineIndexOf(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const index: LineIndex = {
    lines: starts.length,
    cost: text.length,
    at(offset) {
      const end = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= end) lo = mid;
        else hi = mid - 1;
        index.cost += 1;
      }
      return { line: lo + 1, column: end - (starts[lo] ?? 0) + 1 };
    },
  };
  return index;
}

/** 1-based line and column of an offset into `text` (one lookup; use lineIndexOf for many). */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
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

/**
 * The node tree of each document (see walkNodes). Each node is reached from its parent frame, so
 * building the trees is linear in the number of nodes, whatever the depth or the keys' length.
 */
function treeOf(text: string, events: readonly Event[]): NodeTree {
  let root: NodeTree = { offset: 0 };
  // The last node reported at each depth: a node's parent is the last one a level up.
  const chain: NodeTree[] = [];
  walkTree(text, events, (_doc, depth, segment, offset) => {
    if (segment === null) {
      root = { offset };
      chain.length = 0;
      chain.push(root);
      return;
    }
    const parent = chain[depth - 1];
    if (!parent) return;
    parent.children ??= new Map();
    // A duplicate key is refused by the parser; keep the first node anyway.
    const node = parent.children.get(segment) ?? { offset };
    parent.children.set(segment, node);
    chain[depth] = node;
  });
  return root;
}

/** A lazily built, then cached, node tree of the events from `start` to `end`. */
function lazyTree(text: string, events: readonly Event[], start: number, end: number) {
  let tree: NodeTree | null = null;
  return () => {
    tree ??= treeOf(text, events.slice(start, end));
    return tree;
  };
}

/** Index of each document's event in `events`. */
function documentStarts(events: readonly Event[]): number[] {
  const starts: number[] = [];
  for (const [i, event] of events.entries()) if (event.type === EVENT_DOCUMENT) starts.push(i);
  return starts;
}

/**
 * Where document MAX_DOCUMENTS + 1 starts, found by its `---` marker before anything is parsed, or
 * -1. A `---` at the start of a line always starts a document (YAML forbids it inside content), so
 * counting markers is exact; a first document written without `---` counts too.
 */
export function documentsOverLimit(text: string): number {
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  const first = text.search(/^---(?=[ \t\r\n]|$)/m);
  const before = first < 0 ? text : text.slice(0, first);
  const implicit = before.split("\n").some((l) => /^\s*[^\s#%]/.test(l)) ? 1 : 0;
  let count = implicit;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    count += 1;
    if (count > MAX_DOCUMENTS) return m.index;
  }
  return -1;
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
    const early = documentsOverLimit(text);
    if (early >= 0) return tooManyDocuments(text, early);
    events = parseEvents(text, { maxDepth: 64 });
    const late = documentOverLimit(events);
    if (late >= 0) return tooManyDocuments(text, late);
    values = constructFromEvents(events, { source: text, maxAliases: MAX_ALIASES });
  } catch (error) {
    return failure(text, error);
  }
  const lines = lineIndexOf(text);
  const starts = documentStarts(events);
  const documents: ParsedDocument[] = [];
  for (const [i, value] of values.entries()) {
    const tree = lazyTree(text, events, starts[i] ?? 0, starts[i + 1] ?? events.length);
    if (expandedSize(value) > MAX_EXPANDED_NODES) {
      return {
        ok: false,
        message: `Document ${i + 1} expands to more than ${MAX_EXPANDED_NODES.toLocaleString("en")} nodes through its aliases; it is refused.`,
        position: lines.at(tree().offset),
      };
    }
    documents.push({ value, tree });
  }
  return { ok: true, text, documents, lines };
}

function tooManyDocuments(text: string, offset: number): ParseResult {
  return {
    ok: false,
    message: `The text holds more than ${MAX_DOCUMENTS} YAML documents; a drill or a descriptor file needs far fewer. Nothing was checked.`,
    position: positionOf(text, offset),
  };
}

/** The offset of the first node of the document past MAX_DOCUMENTS, or -1 if there are not that many. */
function documentOverLimit(events: readonly Event[]): number {
  let count = 0;
  for (const [i, event] of events.entries()) {
    if (event.type !== EVENT_DOCUMENT) continue;
    count += 1;
    if (count <= MAX_DOCUMENTS) continue;
    const next = events[i + 1];
    return next && "start" in next
      ? next.start
      : next && "valueStart" in next
        ? next.valueStart
        : 0;
  }
  return -1;
}

/** `spec.steps[0]["a b"]` → ["spec", "steps", 0, "a b"]: the inverse of childPath. */
export function segmentsOf(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const re = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) break; // an unreadable rest: locate its readable ancestor
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(m[3] ?? '""') as string);
    at = re.lastIndex;
  }
  return segments;
}

/** The position of `path` in a document, or of its nearest ancestor that exists. */
export function locate(lines: LineIndex, doc: ParsedDocument, path: string): Position {
  let node = doc.tree();
  for (const segment of segmentsOf(path)) {
    const child = node.children?.get(segment);
    if (!child) break;
    node = child;
  }
  return lines.at(node.offset);
}
