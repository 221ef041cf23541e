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
  | { kind: "map"; path: YamlPath; key: string | null; expectingKey: boolean }
  | { kind: "seq"; path: YamlPath; index: number };

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
 * Walks js-yaml 5's event stream and reports where every node starts: for a mapping entry, its
 * key; for a sequence item, the item; for a document, its root (path `[]`). Shared by the
 * question compiler and the YAML drill checker.
 */
export function walkNodes(
  source: string,
  events: readonly Event[],
  visit: (document: number, path: YamlPath, offset: number) => void,
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
    const offset = eventOffset(event);
    const top = stack[stack.length - 1];
    let path: YamlPath = [];
    if (top?.kind === "map") {
      if (top.expectingKey) {
        top.expectingKey = false;
        top.key = event.type === EVENT_SCALAR ? getScalarValue(source, event) : null;
        if (top.key !== null) visit(doc, [...top.path, top.key], offset);
        // A complex (collection) key: track it so its pops stay balanced, record nothing.
        if (event.type === EVENT_SEQUENCE || event.type === EVENT_MAPPING) {
          stack.push({ kind: "seq", path: [...top.path, "\u0000key"], index: 0 });
        }
        continue;
      }
      top.expectingKey = true;
      path = [...top.path, top.key ?? "\u0000complex"];
    } else if (top?.kind === "seq") {
      path = [...top.path, top.index];
      top.index += 1;
      visit(doc, path, offset);
    } else {
      visit(doc, path, offset);
    }
    if (event.type === EVENT_MAPPING) {
      stack.push({ kind: "map", path, key: null, expectingKey: true });
    } else if (event.type === EVENT_SEQUENCE) {
      stack.push({ kind: "seq", path, index: 0 });
    }
  }
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
