import { describe, expect, it } from "vitest";
import { type CheckMeter, checkYaml, MAX_FINDINGS } from "./check";
import {
  documentsOverLimit,
  lineIndexOf,
  locate,
  MAX_DOCUMENTS,
  parseYaml,
  positionOf,
} from "./yaml";

/**
 * Issue 12, "one request can freeze the server": thousands of tiny documents under the size limit
 * gave one finding each, every one located by scanning the text from its start (quadratic).
 * Work is measured by operation counts (CheckMeter), not wall-clock time.
 */

const tinyEntities = (n: number) =>
  Array.from({ length: n }, (_, i) => `---\nkind: Nope${i}\n`).join("");
const meter = (): CheckMeter => ({ documentsValidated: 0, positionCost: 0 });

describe("the checker's work is bounded", () => {
  it("8,000 tiny documents give one finding and validate nothing", async () => {
    const m = meter();
    const result = await checkYaml(tinyEntities(8000), { meter: m });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ source: "yaml", line: 2 * MAX_DOCUMENTS + 1 });
    expect(result.findings[0]?.message).toMatch(/more than 100 YAML documents/);
    expect(result.valid).toBe(false);
    expect(m.documentsValidated).toBe(0);
  });

  it("counts document markers before parsing, a first document without --- included", () => {
    const hundred = tinyEntities(MAX_DOCUMENTS);
    expect(documentsOverLimit(hundred)).toBe(-1);
    expect(documentsOverLimit(`kind: First\n${hundred}`)).toBe(
      hundred.lastIndexOf("---") + "kind: First\n".length,
    );
    expect(documentsOverLimit(`# comment only\n${hundred}`)).toBe(-1);
    // `---` inside a line or indented is content, not a marker.
    expect(documentsOverLimit(`a: |\n${"  ---\n".repeat(500)}b: "x---"\n`)).toBe(-1);
  });

  it("exactly the cap of documents is still checked, one finding each", async () => {
    const m = meter();
    const result = await checkYaml(tinyEntities(MAX_DOCUMENTS), { meter: m });
    expect(m.documentsValidated).toBe(MAX_DOCUMENTS);
    expect(result.findings).toHaveLength(MAX_DOCUMENTS);
    expect(result.findings.at(-1)).toMatchObject({ path: "[100] kind", line: 200 });
  });

  it("thousands of findings are cut to the cap, plus one that says so", async () => {
    const text = `app:\n  baseUrl: x\nbackend:\n  baseUrl: y\ncatalog:\n  locations:\n${"    - {}\n".repeat(3000)}`;
    const { findings } = await checkYaml(text);
    expect(findings).toHaveLength(MAX_FINDINGS + 1);
    expect(findings[0]).toMatchObject({ path: "catalog.locations[0].type", line: 7 });
    expect(findings.at(-1)?.message).toMatch(/Only the first 200 findings/);
  });

  it("locating findings costs about the same per byte for 1 document and for 100", async () => {
    const one = meter();
    const small = tinyEntities(1);
    await checkYaml(small, { meter: one });
    const many = meter();
    const large = tinyEntities(MAX_DOCUMENTS).replace(
      /kind: Nope(\d+)\n/g,
      "kind: Nope$1\nmetadata: {name: 'not valid!'}\n",
    );
    const result = await checkYaml(large, { meter: many });
    expect(result.findings.length).toBeGreaterThanOrEqual(MAX_DOCUMENTS);
    // The old lookup scanned from the start for each finding: ~50 × the text for 100 documents.
    expect(many.positionCost / large.length).toBeLessThan(2 * (one.positionCost / small.length));
  });
});

describe("positions", () => {
  it("the line index agrees with a plain scan, at every offset", () => {
    const text = "a: 1\n\nbb:\n  - c\r\n  - 'd\n e'\nlast";
    const index = lineIndexOf(text);
    for (let offset = 0; offset <= text.length + 2; offset++) {
      expect(index.at(offset)).toEqual(positionOf(text, offset));
    }
  });

  it("locates nested, indexed and quoted keys, and the nearest ancestor of a missing path", () => {
    const text = 'a:\n  b:\n    - x\n    - "y z": 1\n      w: [1, 2]\n';
    const parsed = parseYaml(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const doc = parsed.documents[0];
    if (!doc) throw new Error("no document");
    const at = (path: string) => locate(parsed.lines, doc, path);
    expect(at("a")).toEqual({ line: 1, column: 1 });
    expect(at("a.b[1]")).toEqual({ line: 4, column: 7 });
    expect(at('a.b[1]["y z"]')).toEqual({ line: 4, column: 8 });
    expect(at("a.b[1].w[1]")).toEqual({ line: 5, column: 14 });
    expect(at("a.b[1].missing.deeper")).toEqual({ line: 4, column: 7 });
    expect(at("nothing")).toEqual({ line: 1, column: 1 });
  });
});
