import { parseEntityRef } from "@backstage/catalog-model";
import { z } from "zod";
import { childPath } from "./yaml";

/**
 * A drill's rubric: checks stated as data in the drill file (content/README.md documents them).
 * Each item selects a document (`doc`), a value (`path`) and applies one operator. Pure.
 *
 * Path grammar: `a.b.c` keys, `["any key"]` quoted keys, `[0]` indexes, `[*]` every item (the
 * path then yields the list), `[field=value]` the first item whose field equals value.
 */

const OPERATORS = [
  "equals",
  "oneOf",
  "exists",
  "matches",
  "contains",
  "ref",
  "containsRef",
  "inOrder",
  "minItems",
] as const;

export const rubricItemSchema = z
  .strictObject({
    doc: z
      .strictObject({ kind: z.string().min(1).optional(), name: z.string().min(1).optional() })
      .optional(),
    path: z.string().min(1).optional(),
    equals: z.unknown().optional(),
    oneOf: z.array(z.unknown()).min(1).optional(),
    exists: z.boolean().optional(),
    matches: z.string().min(1).optional(),
    contains: z.unknown().optional(),
    ref: z.string().min(1).optional(),
    containsRef: z.string().min(1).optional(),
    inOrder: z.array(z.unknown()).min(1).optional(),
    minItems: z.number().int().min(1).optional(),
    /** Other paths where the same value may be given (e.g. a display name in metadata.title). */
    alsoAt: z.array(z.string().min(1)).min(1).optional(),
    message: z.string().min(1),
    severity: z.enum(["error", "warning"]).default("error"),
  })
  .superRefine((item, ctx) => {
    const ops = OPERATORS.filter((op) => op in item);
    if (item.path && ops.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "a rubric item with a path needs exactly one operator",
      });
    }
    if (!item.path && (ops.length > 0 || !item.doc)) {
      ctx.addIssue({
        code: "custom",
        message: "a rubric item without a path must be a `doc` selector alone",
      });
    }
    if (item.matches) {
      try {
        new RegExp(item.matches);
      } catch {
        ctx.addIssue({ code: "custom", message: `invalid regular expression ${item.matches}` });
      }
    }
    for (const p of [item.path, ...(item.alsoAt ?? [])]) {
      if (p && parsePath(p) === null) {
        ctx.addIssue({ code: "custom", message: `unreadable path ${p}` });
      }
    }
    if (item.alsoAt && !item.path) {
      ctx.addIssue({ code: "custom", message: "`alsoAt` needs a `path`" });
    }
  });

export type RubricItem = z.infer<typeof rubricItemSchema>;

type Segment =
  | { kind: "key"; key: string }
  | { kind: "index"; index: number }
  | { kind: "all" }
  | { kind: "where"; field: string; value: string };

export function parsePath(path: string): Segment[] | null {
  const segments: Segment[] = [];
  const re =
    /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[\*\]|\["((?:[^"\\]|\\.)*)"\]|\[([\w$.-]+)=([^\]]+)\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return null;
    if (m[1] !== undefined) segments.push({ kind: "key", key: m[1] });
    else if (m[2] !== undefined) segments.push({ kind: "index", index: Number(m[2]) });
    else if (m[3] !== undefined) segments.push({ kind: "key", key: JSON.parse(`"${m[3]}"`) });
    else if (m[4] !== undefined && m[5] !== undefined)
      segments.push({ kind: "where", field: m[4], value: m[5] });
    else segments.push({ kind: "all" });
    at = re.lastIndex;
  }
  return segments;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

type Resolved = { found: boolean; value: unknown; path: string };

/** Resolves a path; `path` in the result is the deepest concrete path reached (for positions). */
export function resolve(root: unknown, segments: readonly Segment[]): Resolved {
  let value: unknown = root;
  let path = "";
  for (const [i, seg] of segments.entries()) {
    if (seg.kind === "key") {
      if (!isRecord(value) || !(seg.key in value)) return { found: false, value: undefined, path };
      value = value[seg.key];
      path = childPath(path, seg.key);
    } else if (seg.kind === "index") {
      if (!Array.isArray(value) || seg.index >= value.length)
        return { found: false, value: undefined, path };
      value = value[seg.index];
      path = childPath(path, seg.index);
    } else if (seg.kind === "where") {
      if (!Array.isArray(value)) return { found: false, value: undefined, path };
      const index = value.findIndex(
        (item) => isRecord(item) && String(item[seg.field]) === seg.value,
      );
      if (index < 0) return { found: false, value: undefined, path };
      value = value[index];
      path = childPath(path, index);
    } else {
      if (!Array.isArray(value)) return { found: false, value: undefined, path };
      const rest = segments.slice(i + 1);
      const items = value.map((item) => resolve(item, rest));
      return { found: true, value: items.filter((r) => r.found).map((r) => r.value), path };
    }
  }
  return { found: true, value, path };
}

/**
 * Equivalent forms Backstage accepts, reduced to one before comparing:
 * - `${{parameters.name}}` and `${{ parameters.name }}` (whitespace inside template expressions);
 * - `{ $env: VAR }` and `${VAR}` (environment substitution in app-config);
 * - relative paths `docs`, `./docs`, `./docs/` (also after `dir:`), not URLs;
 * - a number and the same number written as a string (ConfigReader reads both).
 */
export function normalize(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    let s = value.replace(
      /\$\{\{\s*(.*?)\s*\}\}/g,
      (_, inner: string) => `\${{ ${inner.replace(/\s+/g, " ")} }}`,
    );
    const dir = s.startsWith("dir:") ? "dir:" : "";
    const rest = s.slice(dir.length);
    if (!/[:\s{}$]/.test(rest) && /^(\.\/|\.$|[\w.-])/.test(rest)) {
      const trimmed = rest.replace(/^(\.\/)+/, "").replace(/\/+$/, "");
      s = dir + (trimmed === "" ? "." : trimmed);
    }
    return s;
  }
  if (Array.isArray(value)) return value.map(normalize);
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$env" && typeof value.$env === "string") {
      return `\${${value.$env}}`;
    }
    return Object.fromEntries(keys.map((k) => [k, normalize(value[k])]));
  }
  return value;
}

/** A boolean as Backstage's ConfigReader reads it (getOptionalBoolean), or null if it is not one. */
export function configBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string" && typeof value !== "number") return null;
  const s = String(value).trim();
  if (/^(?:y|yes|true|1|on)$/i.test(s)) return true;
  if (/^(?:n|no|false|0|off)$/i.test(s)) return false;
  return null;
}

function deepEqual(x: unknown, y: unknown): boolean {
  return rawEqual(normalize(x), normalize(y));
}

function rawEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => rawEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => rawEqual(a[k], b[k]));
  }
  return false;
}

function sameRef(actual: unknown, expected: string, namespace: string): boolean {
  if (typeof actual !== "string") return false;
  try {
    const want = parseEntityRef(expected, { defaultNamespace: namespace });
    const got = parseEntityRef(actual, { defaultKind: want.kind, defaultNamespace: namespace });
    return (
      got.kind.toLowerCase() === want.kind.toLowerCase() &&
      got.namespace.toLowerCase() === want.namespace.toLowerCase() &&
      got.name.toLowerCase() === want.name.toLowerCase()
    );
  } catch {
    return false;
  }
}

/**
 * Keys Backstage fills in when they are left out: a rubric asking for the default value accepts
 * an answer that omits the key. Patterns use `[]` for any index (docs: auth index,
 * integrations, TechDocs configuration).
 */
const DEFAULTS: Record<string, unknown> = {
  "auth.environment": "development",
  "integrations.github[].host": "github.com",
  "techdocs.builder": "local",
  "techdocs.publisher.type": "local",
};

/**
 * Where the item's value may be: its path, then each alsoAt path. A missing key with a default
 * (DEFAULTS) resolves to that default; for a list item's key the item itself must exist.
 */
export function resolveCandidates(root: unknown, item: RubricItem): Resolved[] {
  const out: Resolved[] = [];
  for (const p of [item.path, ...(item.alsoAt ?? [])]) {
    if (!p) continue;
    const segments = parsePath(p) ?? [];
    const resolved = resolve(root, segments);
    const pattern = p.replace(/\[\d+\]/g, "[]");
    const parentNeeded = pattern.includes("[]");
    if (
      !resolved.found &&
      pattern in DEFAULTS &&
      (!parentNeeded || resolve(root, segments.slice(0, -1)).found)
    ) {
      out.push({ found: true, value: DEFAULTS[pattern], path: resolved.path });
    } else out.push(resolved);
  }
  return out;
}

/** Whether `value` satisfies the item's operator (the item has a path). */
export function satisfies(item: RubricItem, resolved: Resolved, namespace: string): boolean {
  const { found, value } = resolved;
  if ("exists" in item) return found === item.exists;
  if (!found) return false;
  if (typeof item.equals === "boolean") return configBoolean(value) === item.equals;
  if ("equals" in item) return deepEqual(value, item.equals);
  if (item.oneOf) return item.oneOf.some((v) => deepEqual(value, v));
  if (item.matches !== undefined)
    return typeof value === "string" && new RegExp(item.matches).test(value);
  if ("contains" in item) {
    if (typeof value === "string" && typeof item.contains === "string")
      return String(normalize(value)).includes(String(normalize(item.contains)));
    return Array.isArray(value) && value.some((v) => deepEqual(v, item.contains));
  }
  if (item.ref !== undefined) return sameRef(value, item.ref, namespace);
  if (item.containsRef !== undefined) {
    const ref = item.containsRef;
    return Array.isArray(value) && value.some((v) => sameRef(v, ref, namespace));
  }
  if (item.inOrder) {
    if (!Array.isArray(value)) return false;
    let next = 0;
    for (const v of value)
      if (next < item.inOrder.length && deepEqual(v, item.inOrder[next])) next += 1;
    return next === item.inOrder.length;
  }
  if (item.minItems !== undefined) return Array.isArray(value) && value.length >= item.minItems;
  return false;
}

/** The index of the document a `doc` selector picks (first document without a selector). */
export function selectDocument(documents: readonly unknown[], doc: RubricItem["doc"]): number {
  if (!doc) return documents.length > 0 ? 0 : -1;
  return documents.findIndex((d) => {
    if (!isRecord(d)) return false;
    const kindOk = !doc.kind || String(d.kind).toLowerCase() === doc.kind.toLowerCase();
    const meta = isRecord(d.metadata) ? d.metadata : {};
    const nameOk = !doc.name || meta.name === doc.name;
    return kindOk && nameOk;
  });
}

export function namespaceOf(document: unknown): string {
  if (isRecord(document) && isRecord(document.metadata)) {
    const ns = document.metadata.namespace;
    if (typeof ns === "string" && ns) return ns;
  }
  return "default";
}
