import {
  constructFromEvents,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  type Event,
  getScalarValue,
  parseEvents,
} from "js-yaml";

/** A path into parsed YAML: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

export type YamlResult =
  | { ok: true; value: unknown; locate: (path: YamlPath) => number }
  | { ok: false; line: number; message: string };

/** 1-based line of a 0-based offset, via precomputed line starts. */
export function lineIndex(source: string): (offset: number) => number {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

type Frame =
  | { kind: "map"; depth: number; key: string | null; expectingKey: boolean }
  | { kind: "seq"; depth: number; index: number }
  /** A collection used as a mapping key: nothing inside it has a path. */
  | { kind: "opaque" };

const keyOf = (path: YamlPath) => path.join("\u0000");

function eventOffset(event: Event): number {
  switch (event.type) {
    case EVENT_SCALAR:
      return event.anchorStart >= 0
        ? event.anchorStart
        : event.tagStart >= 0
          ? event.tagStart
          : event.valueStart;
    case EVENT_SEQUENCE:
    case EVENT_MAPPING:
      return event.start;
    case EVENT_ALIAS:
      return event.anchorStart;
    default:
      return -1;
  }
}

/**
 * Walks js-yaml 5's event stream and reports, in document order, where every node starts: a
 * document's root (depth 0, segment null), then each mapping entry (its key) and sequence item,
 * by its depth and its own key or index. The parent of a node at depth d is the last node
 * reported at depth d - 1. Constant work per event, whatever the depth: no path is built.
 */
export function walkTree(
  source: string,
  events: readonly Event[],
  visit: (document: number, depth: number, segment: string | number | null, offset: number) => void,
): void {
  let doc = -1;
  const stack: Frame[] = [];
  for (const event of events) {
    if (event.type === EVENT_DOCUMENT) {
      doc += 1;
      stack.length = 0;
      continue;
    }
    if (event.type === EVENT_POP) {
      stack.pop();
      continue;
    }
    const collection = event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE;
    const top = stack[stack.length - 1];
    if (top?.kind === "opaque") {
      if (collection) stack.push(top);
      continue;
    }
    const offset = eventOffset(event);
    let depth = 0;
    if (top?.kind === "map") {
      if (top.expectingKey) {
        top.expectingKey = false;
        top.key = event.type === EVENT_SCALAR ? getScalarValue(source, event) : null;
        if (top.key !== null) visit(doc, top.depth + 1, top.key, offset);
        // A complex (collection) key: track it so its pops stay balanced, record nothing.
        if (collection) stack.push({ kind: "opaque" });
        continue;
      }
      top.expectingKey = true;
      if (top.key === null) {
        // The value of a complex key: no path names it or anything inside it.
        if (collection) stack.push({ kind: "opaque" });
        continue;
      }
      depth = top.depth + 1;
    } else if (top?.kind === "seq") {
      depth = top.depth + 1;
      visit(doc, depth, top.index, offset);
      top.index += 1;
    } else {
      visit(doc, 0, null, offset);
    }
    if (event.type === EVENT_MAPPING) {
      stack.push({ kind: "map", depth, key: null, expectingKey: true });
    } else if (event.type === EVENT_SEQUENCE) {
      stack.push({ kind: "seq", depth, index: 0 });
    }
  }
}

/**
 * Where every node starts, by its full path (see walkTree): for a mapping entry, its key; for a
 * sequence item, the item; for a document, its root (path `[]`). Used by the question compiler
 * on small front matter; the drill checker uses walkTree directly.
 */
export function walkNodes(
  source: string,
  events: readonly Event[],
  visit: (document: number, path: YamlPath, offset: number) => void,
): void {
  const path: (string | number)[] = [];
  walkTree(source, events, (doc, depth, segment, offset) => {
    path.length = Math.max(0, depth - 1);
    if (segment !== null) path.push(segment);
    visit(doc, [...path], offset);
  });
}

/**
 * Parses one YAML document with js-yaml 5 and records, for every mapping key and sequence item,
 * the line it starts on, so validation errors can point at the offending key.
 *
 * Aliases are rejected (js-yaml expands them without limit) and nesting is capped.
 * `lineOffset` is added to every reported line (for front matter inside a file).
 */
export function parseYaml(source: string, lineOffset = 0): YamlResult {
  let events: Event[];
  let value: unknown;
  try {
    events = parseEvents(source, { maxDepth: 20 });
    const docs = constructFromEvents(events, { source, maxAliases: 0 });
    if (docs.length > 1) {
      return { ok: false, line: 1 + lineOffset, message: "expected a single YAML document" };
    }
    value = docs[0] ?? null;
  } catch (error) {
    const e = error as { reason?: unknown; mark?: { line?: unknown }; message?: unknown };
    const line = typeof e.mark?.line === "number" ? e.mark.line + 1 : 1;
    let reason = typeof e.reason === "string" ? e.reason : String(e.message ?? error);
    if (reason.includes("maxAliases")) reason = "anchors and aliases (`*name`) are not allowed";
    return { ok: false, line: line + lineOffset, message: `YAML syntax error: ${reason}` };
  }

  const toLine = lineIndex(source);
  const lines = new Map<string, number>();
  walkNodes(source, events, (_doc, path, offset) => lines.set(keyOf(path), toLine(offset)));

  const locate = (path: YamlPath): number => {
    for (let n = path.length; n > 0; n--) {
      const line = lines.get(keyOf(path.slice(0, n)));
      if (line !== undefined) return line + lineOffset;
    }
    return 1 + lineOffset;
  };
  return { ok: true, value, locate };
}
