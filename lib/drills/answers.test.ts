import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { dump, load, loadAll } from "js-yaml";
import { describe, expect, it } from "vitest";
import { checkYaml } from "./check";
import type { Drill } from "./drill";
import { loadDrills } from "./load.server";
import { type RubricItem, resolveCandidates } from "./rubric";
import { segmentsOf } from "./yaml";

/**
 * Every drill is tried with answers other than its own model answer (issue 17):
 * - correct alternatives must pass: the model answer re-written (other quoting and flow style,
 *   keys in another order) and the hand-written ones in fixtures/answers/<drill>.yaml, which use
 *   the equivalent forms Backstage accepts (`${{parameters.x}}`, `./docs/`, `$env`, defaults…);
 * - wrong answers must fail: the starter, the model answer with each rubric item's value broken
 *   in turn (so every item is load-bearing), and the hand-written wrong ones.
 * Each drill gets at least two of each.
 */

const { drills } = loadDrills();
const fixtures = path.join(import.meta.dirname, "fixtures", "answers");
const handWritten = new Map(
  readdirSync(fixtures).map((f) => [
    path.basename(f, ".yaml"),
    load(readFileSync(path.join(fixtures, f), "utf8")) as {
      good?: { note: string; answer: string }[];
      bad?: { note: string; answer: string }[];
    },
  ]),
);

const slug = (d: Drill) => d.id.replace(/^drill-/, "");
const docsOf = (text: string) => loadAll(text).filter((d) => d !== null && d !== undefined);
const toText = (docs: unknown[], options: Parameters<typeof dump>[1] = {}) =>
  docs.map((d) => dump(d, { lineWidth: -1, ...options })).join("---\n");

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, reversedKeys(v)]));
}

/** Sets (or deletes, with `undefined`) the value at a concrete path like `spec.steps[1].input`. */
function setAt(root: unknown, concrete: string, value: unknown): void {
  const segments = segmentsOf(concrete);
  let node = root as Record<string | number, unknown>;
  for (const seg of segments.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  const last = segments.at(-1);
  if (last === undefined) return;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The model answer with one rubric item's value broken, or null if the item has no path. */
function broken(drill: Drill, item: RubricItem): string | null {
  if (!item.path) return null;
  const docs = docsOf(drill.modelAnswer);
  const index = item.doc
    ? docs.findIndex((d) => {
        const e = d as { kind?: string; metadata?: { name?: string } };
        return (
          (!item.doc?.kind || e.kind?.toLowerCase() === item.doc.kind.toLowerCase()) &&
          (!item.doc?.name || e.metadata?.name === item.doc.name)
        );
      })
    : 0;
  const doc = docs[index];
  if (doc === undefined) return null;
  const [found] = resolveCandidates(doc, item);
  if (!found?.path) return null;
  let wrong: unknown = "wrong-value";
  if (item.exists === true) wrong = undefined;
  else if (item.exists === false) wrong = "unexpected";
  else if (item.ref) wrong = "group:someone-else";
  else if (item.containsRef || "contains" in item || item.minItems || item.inOrder) wrong = [];
  else if (typeof item.equals === "boolean") wrong = "maybe";
  setAt(doc, found.path, wrong);
  return toText(docs);
}

const passed = async (drill: Drill, text: string) =>
  (await checkYaml(text, { target: drill.target, rubric: drill.rubric })).passed;

describe.each(drills.map((d) => [slug(d), d] as const))("drill %s", (name, drill) => {
  const extra = handWritten.get(name) ?? {};
  const goods: [string, string][] = [
    [
      "the model answer with other quoting and flow style",
      toText(docsOf(drill.modelAnswer), { flowLevel: 3, forceQuotes: true }),
    ],
    [
      "the model answer with its keys in reverse order",
      toText(docsOf(drill.modelAnswer).map(reversedKeys)),
    ],
    ...(extra.good ?? []).map((g) => [g.note, g.answer] as [string, string]),
  ];
  const bads: [string, string][] = [
    ...(drill.starter ? [["the starter", drill.starter] as [string, string]] : []),
    ...drill.rubric
      .filter((item) => item.severity === "error")
      .flatMap((item): [string, string][] => {
        const text = broken(drill, item);
        return text === null ? [] : [[`model answer without: ${item.message}`, text]];
      }),
    ...(extra.bad ?? []).map((b) => [b.note, b.answer] as [string, string]),
  ];

  it("has at least two correct alternatives and two wrong answers", () => {
    expect(goods.length).toBeGreaterThanOrEqual(2);
    expect(bads.length).toBeGreaterThanOrEqual(2);
  });

  it.each(goods)("passes: %s", async (_note, text) => {
    const result = await checkYaml(text, { target: drill.target, rubric: drill.rubric });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it.each(bads)("fails: %s", async (_note, text) => {
    expect(await passed(drill, text)).toBe(false);
  });
});
