import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCheck } from "./cli";

/**
 * The real-world corpus (tests/corpus/index.json): unmodified files from public Backstage
 * repositories must pass the yaml:check CLI logic (exit 0), and each broken variant (one planted
 * defect) must fail (exit 1) with a finding at the recorded path and line.
 */

const root = path.resolve(import.meta.dirname, "../../tests/corpus");
type Entry = { file: string; kind: string };
type BrokenEntry = Entry & { defect: string; expected: { path: string; line: number } };
const index = JSON.parse(readFileSync(path.join(root, "index.json"), "utf8")) as {
  real: (Entry & { repo: string; path: string; licence: string })[];
  broken: BrokenEntry[];
};
const bytes = (file: string) => readFileSync(path.join(root, file));

describe("real-world corpus", () => {
  it("holds at least 100 real files of every kind, each with a licence that allows it", () => {
    expect(index.real.length).toBeGreaterThanOrEqual(100);
    const kinds = new Set(index.real.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["app-config", "catalog", "template"]);
    for (const e of index.real) expect(["Apache-2.0", "MIT"]).toContain(e.licence);
    const from = new Set(index.broken.map((b) => (b as BrokenEntry & { from: string }).from));
    expect(index.real.filter((e) => !from.has(e.file))).toEqual([]);
  });

  it.each(index.real.map((e) => [e.file] as const))("%s is valid (exit 0)", async (file) => {
    const { output, code } = await runCheck(bytes(file), null);
    expect(output.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(code).toBe(0);
  });

  it.each(index.broken.map((e) => [e.file, e.expected] as const))(
    "%s is refused (exit 1) at the planted defect",
    async (file, expected) => {
      const { output, code } = await runCheck(bytes(file), null);
      expect(code).toBe(1);
      expect(output.findings.map((f) => ({ path: f.path, line: f.line }))).toContainEqual(expected);
    },
  );
});

// The CLI itself on one real and one broken file: tsx starts slowly on a loaded 2-core machine.
describe("npm run yaml:check on the corpus", { timeout: 60_000 }, () => {
  const cli = (file: string) =>
    promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/yaml-check.ts", path.join(root, file)],
      { cwd: path.resolve(import.meta.dirname, "../.."), timeout: 50_000 },
    ).then(
      (r) => ({ code: 0, out: JSON.parse(r.stdout) as unknown }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: JSON.parse(e.stdout) }),
    );

  it("prints one JSON object and exits 0 for a real file, 1 for its broken variant", async () => {
    const broken = index.broken.find((b) => b.defect === "base-without-database");
    if (!broken) throw new Error("no base-without-database variant");
    const real = (broken as BrokenEntry & { from: string }).from;
    expect(await cli(real)).toEqual({ code: 0, out: { valid: true, findings: [] } });
    const result = await cli(broken.file);
    expect(result.code).toBe(1);
    expect(result.out).toMatchObject({ valid: false });
  });
});
